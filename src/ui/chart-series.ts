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

/**
 * Brings a chart's points in line with rows in time order, touching only what changed: most
 * updates rewrite the last point (a forming candle, the latest sample) and append the new ones;
 * points that slid out of the window are dropped from the front. Anything else (another asset,
 * another interval) rebuilds. `same` says whether a kept point still matches its row.
 */
export function syncPoints<R, P extends { x: number }>(
  points: P[],
  rows: readonly R[],
  toPoint: (row: R, index: number) => P,
  same: (point: P, row: R) => boolean = () => true,
): void {
  const first = rows.length ? toPoint(rows[0]!, 0).x : Infinity;
  let slid = 0;
  while (slid < points.length && points[slid]!.x < first) slid++;
  if (slid) points.splice(0, slid);
  // The last point kept is rewritten: it may still be forming.
  const keep = Math.max(0, points.length - 1);
  const aligned =
    keep <= rows.length &&
    (keep === 0 ||
      (points[0]!.x === first &&
        points[keep - 1]!.x === toPoint(rows[keep - 1]!, keep - 1).x &&
        same(points[keep - 1]!, rows[keep - 1]!)));
  points.length = aligned ? keep : 0;
  for (let i = points.length; i < rows.length; i++) points.push(toPoint(rows[i]!, i));
}
