/** Why an analytics figure has no value yet: the rules a figure waits by, as sentences. */
import type { MetricId } from './metrics.ts';

const DAY_MS = 86_400_000;
/** Annualized figures wait for this much history: a year scaled from hours says nothing. */
export const ANNUALIZE_AFTER_DAYS = 7;
/** Ratios of returns wait for this many returns between equity samples. */
const MIN_RETURNS = 30;

/** Figures scaled to a year: they wait for a week of history and thirty returns. */
export const ANNUALIZED: ReadonlySet<MetricId> = new Set([
  'annualReturn',
  'volatility',
  'sharpe',
  'sortino',
  'calmar',
]);

/** Why a figure other than an annualized one has no value. */
export const NO_VALUE: Partial<Record<MetricId, string>> = {
  totalReturn: 'Needs money in the account and a second equity sample.',
  calmar: 'Needs a drawdown to divide by.',
  sharpe: 'Needs returns that vary.',
  sortino: 'Needs a return below zero.',
  maxDrawdown: 'Needs a second equity sample.',
  drawdownDuration: 'Needs a second equity sample.',
  winRate: 'No trade has closed with a gain or a loss yet.',
  profitFactor: 'No trade has closed with a loss yet.',
  averageWin: 'No trade has closed with a gain yet.',
  averageLoss: 'No trade has closed with a loss yet.',
  expectancy: 'No trade has closed yet.',
  exposure: 'Needs an equity sample.',
  turnover: 'Needs money in the account.',
};

/** Why annualized figures must wait, with the days they need, or null when they need not. */
export function waitReason(
  elapsed: number,
  returns: number,
): { reason: string; days: number | null } | null {
  const days = ANNUALIZE_AFTER_DAYS;
  if (elapsed < days * DAY_MS) {
    return {
      reason: `Needs ${days} days of history to be scaled to a year; there ${spanOf(elapsed)}.`,
      days,
    };
  }
  if (returns < MIN_RETURNS) {
    return {
      reason: `Needs ${MIN_RETURNS} returns between equity samples; there are ${returns}.`,
      days: null,
    };
  }
  return null;
}

/** "is 1 hour", "are 8 hours", "are 2.5 days": how much history there is. */
function spanOf(ms: number): string {
  if (ms >= DAY_MS) {
    const days = Math.floor((ms / DAY_MS) * 10) / 10;
    return days === 1 ? 'is 1 day' : `are ${days} days`;
  }
  const hours = Math.floor(ms / 3_600_000);
  return hours === 1 ? 'is 1 hour' : `are ${hours} hours`;
}
