import type { CurveState } from './curve.ts';
import type { StatsState } from './stats.ts';

const DAY_MS = 86_400_000;
const YEAR_MS = 365 * DAY_MS;
const MIN_RETURNS = 30;

/** One figure of the analytics panel, with the sentence the UI shows on hover. */
export interface Metric {
  readonly id: MetricId;
  readonly label: string;
  /** A number to format (a fraction for percentages), or null when it cannot be known yet. */
  readonly value: number | null;
  readonly unit: 'percent' | 'ratio' | 'usd' | 'duration' | 'count';
  readonly definition: string;
}

export type MetricId = keyof typeof DEFINITIONS;

/** What each figure means, in a sentence a student can read. */
export const DEFINITIONS = {
  totalReturn: [
    'Total return',
    'percent',
    'Growth of the account, not counting deposits and withdrawals (time-weighted).',
  ],
  annualReturn: ['Annualized return', 'percent', 'The total return scaled to a year, compounding.'],
  volatility: [
    'Volatility',
    'percent',
    'How much returns swing: their standard deviation, scaled to a year.',
  ],
  sharpe: [
    'Sharpe ratio',
    'ratio',
    'Return per unit of volatility, annualized (no risk-free rate). Above 1 is good.',
  ],
  sortino: ['Sortino ratio', 'ratio', 'Like Sharpe, but only downside swings count as risk.'],
  calmar: ['Calmar ratio', 'ratio', 'Annualized return divided by the maximum drawdown.'],
  maxDrawdown: [
    'Max drawdown',
    'percent',
    'The largest fall from a peak of the account to a later low.',
  ],
  drawdownDuration: [
    'Longest drawdown',
    'duration',
    'The longest time the account spent below its previous peak.',
  ],
  winRate: ['Win rate', 'percent', 'The share of sells that made money after their fee.'],
  profitFactor: [
    'Profit factor',
    'ratio',
    'Money won on winning sells divided by money lost on losing ones.',
  ],
  averageWin: ['Average win', 'usd', 'The average gain of a winning sell, after its fee.'],
  averageLoss: ['Average loss', 'usd', 'The average loss of a losing sell, after its fee.'],
  expectancy: ['Expectancy', 'usd', 'What a sell made on average, wins and losses together.'],
  exposure: [
    'Exposure',
    'percent',
    'The average share of the account held in coins rather than cash.',
  ],
  turnover: [
    'Turnover',
    'ratio',
    'Everything bought and sold, divided by the average account value.',
  ],
  fees: ['Fees paid', 'usd', 'Trading fees charged on every fill.'],
  slippage: [
    'Slippage paid',
    'usd',
    'What fills cost against the last price when each order was placed.',
  ],
} as const satisfies Record<string, readonly [string, Metric['unit'], string]>;

/** The analytics of a session from its equity curve and trading totals. */
export function computeMetrics(curve: CurveState, stats: StatsState): Metric[] {
  const { returns, index } = curveReturns(curve);
  const periodsPerYear = YEAR_MS / curve.intervalMs;
  const elapsed = (curve.points.length - 1) * curve.intervalMs;
  const total = index.length > 1 ? index.at(-1)! - 1 : null;
  // Scaling an hour to a year says nothing: annual figures wait for a simulated day of history,
  // ratios of returns for thirty samples.
  const annual =
    total !== null && elapsed >= DAY_MS ? (1 + total) ** (YEAR_MS / elapsed) - 1 : null;
  const enough = returns.length >= MIN_RETURNS;
  const mean = enough ? average(returns) : null;
  const deviation = enough ? standardDeviation(returns) : null;
  const downside = enough
    ? Math.sqrt(returns.reduce((sum, r) => sum + Math.min(r, 0) ** 2, 0) / returns.length)
    : null;
  const { depth, duration } = drawdown(index, curve.intervalMs);
  const trades = stats.wins + stats.losses;
  const won = Number(stats.grossProfit);
  const lost = Number(stats.grossLoss);
  const equities = curve.points.map((p) => Number(p[0]));
  const meanEquity = average(equities);
  const exposure = average(
    curve.points.map((p) => (Number(p[0]) > 0 ? Number(p[1]) / Number(p[0]) : 0)),
  );
  const ratio = (a: number | null, b: number | null) => (a === null || !b ? null : a / b);
  const values: Record<MetricId, number | null> = {
    totalReturn: total,
    annualReturn: annual,
    volatility: deviation === null ? null : deviation * Math.sqrt(periodsPerYear),
    sharpe:
      ratio(mean, deviation) === null ? null : ratio(mean, deviation)! * Math.sqrt(periodsPerYear),
    sortino:
      ratio(mean, downside) === null ? null : ratio(mean, downside)! * Math.sqrt(periodsPerYear),
    calmar: ratio(annual, depth),
    maxDrawdown: index.length > 1 ? depth : null,
    drawdownDuration: index.length > 1 ? duration : null,
    winRate: trades > 0 ? stats.wins / trades : null,
    profitFactor: lost > 0 ? won / lost : null,
    averageWin: stats.wins > 0 ? won / stats.wins : null,
    averageLoss: stats.losses > 0 ? lost / stats.losses : null,
    expectancy: trades > 0 ? (won - lost) / trades : null,
    exposure,
    turnover: ratio(Number(stats.volume), meanEquity),
    fees: Number(stats.fees),
    slippage: Number(stats.slippage),
  };
  return (Object.keys(DEFINITIONS) as MetricId[]).map((id) => {
    const [label, unit, definition] = DEFINITIONS[id];
    const value = values[id];
    return {
      id,
      label,
      unit,
      definition,
      value: value !== null && Number.isFinite(value) ? value : null,
    };
  });
}

/**
 * Returns between samples with deposits and withdrawals taken out, and the growth index they
 * compound to (1 at the first sample with money in it).
 */
export function curveReturns(curve: CurveState): { returns: number[]; index: number[] } {
  const returns: number[] = [];
  const index: number[] = [];
  let previous: readonly [number, number] | undefined;
  for (const [equityText, , netText] of curve.points) {
    const equity = Number(equityText);
    const net = Number(netText);
    if (previous && previous[0] > 0) {
      const r = (equity - (net - previous[1])) / previous[0] - 1;
      returns.push(r);
      index.push(index.at(-1)! * (1 + r));
    } else if (equity > 0) index.push(1);
    previous = [equity, net];
  }
  return { returns, index };
}

/** The deepest fall from a peak of the index, and the longest time spent under a peak. */
export function drawdown(
  index: readonly number[],
  intervalMs: number,
): { depth: number; duration: number } {
  let peak = -Infinity;
  let depth = 0;
  let under = 0;
  let longest = 0;
  for (const value of index) {
    if (value >= peak) {
      peak = value;
      under = 0;
    } else {
      under += intervalMs;
      longest = Math.max(longest, under);
      depth = Math.max(depth, 1 - value / peak);
    }
  }
  return { depth, duration: longest };
}

function average(values: readonly number[]): number | null {
  return values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

function standardDeviation(values: readonly number[]): number | null {
  const mean = average(values);
  if (mean === null || values.length < 2) return null;
  return Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1));
}
