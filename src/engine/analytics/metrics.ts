import type { CurveState } from './curve.ts';
import type { StatsState } from './stats.ts';

import { ANNUALIZED, NO_VALUE, waitReason } from './metric-reasons.ts';

const DAY_MS = 86_400_000;
const YEAR_MS = 365 * DAY_MS;

/** One figure of the analytics panel, with the sentence the UI shows on hover. */
export interface Metric {
  readonly id: MetricId;
  readonly label: string;
  /** A number to format (a fraction for percentages), or null when it cannot be known yet. */
  readonly value: number | null;
  readonly unit: 'percent' | 'ratio' | 'usd' | 'duration' | 'count';
  readonly definition: string;
  /** Why the value is null, as a sentence (e.g. "Needs 7 days of history; there are 8 hours."). */
  readonly reason: string | null;
  /** For an annualized figure still waiting: the days of history it needs in all, else null. */
  readonly needsDays: number | null;
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
  trades: [
    'Trades',
    'count',
    'Round trips closed: from no position to a position and back to none, however many fills.',
  ],
  winRate: [
    'Win rate',
    'percent',
    'The share of trades that made money after the fees of both sides; break-even trades are counted apart, not as losses.',
  ],
  breakEven: ['Break-even trades', 'count', 'Trades that made exactly nothing after fees.'],
  profitFactor: [
    'Profit factor',
    'ratio',
    'Money won on winning trades divided by money lost on losing ones, fees included.',
  ],
  averageWin: ['Average win', 'usd', 'The average gain of a winning trade, after its fees.'],
  averageLoss: ['Average loss', 'usd', 'The average loss of a losing trade, after its fees.'],
  expectancy: ['Expectancy', 'usd', 'What a trade made on average, break-even ones included.'],
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
  const elapsed = Math.max(0, (curve.points.length - 1) * curve.intervalMs);
  const total = index.length > 1 ? index.at(-1)! - 1 : null;
  const young = waitReason(elapsed, returns.length);
  const annual = total !== null && !young ? (1 + total) ** (YEAR_MS / elapsed) - 1 : null;
  const mean = young ? null : average(returns);
  const deviation = young ? null : standardDeviation(returns);
  const downside = young
    ? null
    : Math.sqrt(returns.reduce((sum, r) => sum + Math.min(r, 0) ** 2, 0) / returns.length);
  const { depth, duration } = drawdown(index, curve.intervalMs);
  const decided = stats.wins + stats.losses;
  const trades = decided + stats.breakEven;
  const won = Number(stats.grossProfit);
  const lost = Number(stats.grossLoss);
  const equities = curve.points.map((p) => Number(p[0]));
  const meanEquity = average(equities);
  const exposure = average(
    curve.points.map((p) => (Number(p[0]) > 0 ? Number(p[1]) / Number(p[0]) : 0)),
  );
  const ratio = (a: number | null, b: number | null) => (a === null || !b ? null : a / b);
  const yearly = (r: number | null) => (r === null ? null : r * Math.sqrt(periodsPerYear));
  const values: Record<MetricId, number | null> = {
    totalReturn: total,
    annualReturn: annual,
    volatility: yearly(deviation),
    sharpe: yearly(ratio(mean, deviation)),
    sortino: yearly(ratio(mean, downside)),
    calmar: ratio(annual, depth),
    maxDrawdown: index.length > 1 ? depth : null,
    drawdownDuration: index.length > 1 ? duration : null,
    trades,
    winRate: decided > 0 ? stats.wins / decided : null,
    breakEven: stats.breakEven,
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
    const raw = values[id];
    const value = raw !== null && Number.isFinite(raw) ? raw : null;
    const waiting = value === null && ANNUALIZED.has(id) ? young : null;
    const reason = value !== null ? null : (waiting?.reason ?? NO_VALUE[id] ?? null);
    const needsDays = waiting?.days ?? null;
    return { id, label, unit, definition, value, reason, needsDays };
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
