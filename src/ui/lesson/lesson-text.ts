import type { LessonTier } from '../../engine/lesson.ts';
import { money, percent } from '../format.ts';

/** A tier's fraction of equity in words, e.g. "0.02" → "2%". */
export function share(fraction: string): string {
  return percent(Number(fraction), Number(fraction) * 100 < 10 ? 1 : 0).replace('.0%', '%');
}

/** Why a tier's breaker tripped or did not, from the engine's figures. */
export function breakerWhy(t: LessonTier): string {
  const limit = `its daily loss limit of ${money(t.dayLossLimit)} (${share(t.dailyLossLimit)} of the day's equity)`;
  return t.breaker
    ? `Today's loss of ${money(t.dayLoss)} (${share(t.dayLossShare)}) reached ${limit}: new buys are halted until the next simulated day. Sells and stops still work.`
    : `Today's loss of ${money(t.dayLoss)} (${share(t.dayLossShare)}) is under ${limit}: it keeps trading.`;
}

/** "A", "A and B", "A, B and C". */
function listOf(labels: readonly string[]): string {
  return labels.length < 2
    ? (labels[0] ?? '')
    : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}

/**
 * The step's conclusion, drawn from which breakers tripped: a tier the 2 % cap held to another's
 * size that lost the same but kept trading is named with the reason.
 */
export function breakerConclusion(tiers: readonly LessonTier[]): string {
  const tripped = tiers.filter((t) => t.breaker);
  const kept = tiers.filter((t) => !t.breaker);
  if (tripped.length === 0) return 'No tier’s breaker trips: every loss stays under its limit.';
  const halted = `${listOf(tripped.map((t) => t.label))} ${tripped.length === 1 ? 'halts' : 'halt'} new buys.`;
  const reasons = kept.map((t) => {
    const twin = tripped.find((o) => o.invested === t.invested);
    return t.capped && twin
      ? `${t.label} keeps trading: the 2% cap held its buys to ${twin.label}’s size, so it lost the same, but its daily limit is ${share(t.dailyLossLimit)}, not ${share(twin.dailyLossLimit)}.`
      : `${t.label} keeps trading: its loss stayed under its ${share(t.dailyLossLimit)} daily limit.`;
  });
  return [halted, ...reasons].join(' ');
}
