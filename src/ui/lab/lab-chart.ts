import type { LabRun } from '../../engine/risk/tier-lab.ts';
import { TIER_COLORS } from '../chart-series.ts';

/** Curves closer than this everywhere (a tenth of a cent in a thousand) lie on top of each other. */
const SAME = 1e-6;

/**
 * For each run, the index of an earlier run whose equity curve it coincides with (within a
 * rounding), or null: a chart draws those dashed on top, and the legend says so.
 */
export function coincidingWith(runs: readonly Pick<LabRun, 'equity'>[]): (number | null)[] {
  return runs.map((run, i) => {
    const earlier = runs.findIndex(
      (other, j) =>
        j < i &&
        other.equity.length === run.equity.length &&
        other.equity.every((v, k) => Math.abs(v - run.equity[k]!) <= SAME * Math.abs(v)),
    );
    return earlier < 0 ? null : earlier;
  });
}

const BUILT_IN_COLORS: Readonly<Record<string, string>> = TIER_COLORS;
const CUSTOM_COLORS = ['#34d399', '#a78bfa', '#f472b6', '#facc15', '#94a3b8'];

/** A tier's colour: the built-in tiers' own, then one per place for custom tiers. */
export function tierColor(tier: string, index: number): string {
  return BUILT_IN_COLORS[tier] ?? CUSTOM_COLORS[index % CUSTOM_COLORS.length]!;
}

/** Buys refused, by refusal code, in a few words ("max-open-positions 12, breaker 3"). */
export function refusalsText(refusedBy: Readonly<Record<string, number>>): string {
  const parts = Object.entries(refusedBy).map(([code, n]) => `${code} ${n}`);
  return parts.length ? parts.join(', ') : 'none';
}

/** Breaker trips with their kinds ("2 (drawdown 1, daily-loss 1)"), or "0". */
export function tripsText(total: number, tripsBy: Readonly<Record<string, number>>): string {
  return total ? `${total} (${refusalsText(tripsBy)})` : '0';
}
