import { GLOBAL_POSITION_CAP, TIERS, type RiskTier, type TierName } from '../engine/risk/tiers.ts';

/** What a session can be put under: a built-in tier, or none (no limits). */
export type TierChoice = TierName | 'none';

/** The choices in the order a form lists them, Moderate the usual one. */
export const TIER_CHOICES: readonly { readonly value: TierChoice; readonly label: string }[] = [
  { value: 'conservative', label: 'Conservative (1 %)' },
  { value: 'moderate', label: 'Moderate (2 %)' },
  { value: 'aggressive', label: 'Aggressive (3 %)' },
  { value: 'none', label: 'None (no limits)' },
];

/** One limit that a tier change changes: its name and the two values (fractions or counts). */
export interface LimitChange {
  readonly limit: string;
  readonly kind: 'fraction' | 'count';
  readonly from: number | null;
  readonly to: number | null;
}

const LIMITS: readonly { limit: string; kind: LimitChange['kind']; of: (t: RiskTier) => number }[] =
  [
    { limit: 'Risk per trade', kind: 'fraction', of: (t) => Number(t.riskPerTrade) },
    {
      // What a session allows: the tier's own fraction, held to the global cap.
      limit: 'Largest position',
      kind: 'fraction',
      of: (t) => Math.min(Number(t.maxPositionFraction), Number(GLOBAL_POSITION_CAP)),
    },
    { limit: 'Open positions', kind: 'count', of: (t) => t.maxOpenPositions },
    { limit: 'Daily loss limit', kind: 'fraction', of: (t) => Number(t.dailyLossLimit) },
    { limit: 'Drawdown breaker', kind: 'fraction', of: (t) => Number(t.maxDrawdown) },
  ];

/** The built-in tier of a choice, or null for none. */
export function tierOf(choice: TierChoice): RiskTier | null {
  return choice === 'none' ? null : TIERS[choice];
}

/**
 * The limits that differ between the tier in force and a new choice, for the confirmation a
 * person reads before the change is logged. Null on a side means "no limit".
 */
export function limitChanges(from: RiskTier | null, to: RiskTier | null): LimitChange[] {
  return LIMITS.map(({ limit, kind, of }) => ({
    limit,
    kind,
    from: from ? of(from) : null,
    to: to ? of(to) : null,
  })).filter((c) => c.from !== c.to);
}
