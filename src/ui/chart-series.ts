/** One line of a line chart: its values are evenly spaced from `start`. */
export interface Series {
  readonly label: string;
  readonly color: string;
  readonly values: readonly number[];
  readonly start: number;
}

/** One colour per risk tier, the same in every chart. */
export const TIER_COLORS = {
  conservative: '#60a5fa',
  moderate: '#f59e0b',
  aggressive: '#f87171',
} as const;
