/** One line of a line chart: its values are evenly spaced from `start`. */
export interface Series {
  readonly label: string;
  readonly color: string;
  readonly values: readonly number[];
  readonly start: number;
  /** Dash pattern in pixels (e.g. [6, 4]): lets a line drawn on top of another show both. */
  readonly dash?: readonly number[];
}

/** One colour per risk tier, the same in every chart. */
export const TIER_COLORS = {
  conservative: '#60a5fa',
  moderate: '#f59e0b',
  aggressive: '#f87171',
} as const;
