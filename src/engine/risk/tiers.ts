import { Dec } from '../decimal.ts';

export type TierName = 'conservative' | 'moderate' | 'aggressive';

/** A named, editable set of limits. Fractions are of equity, as canonical decimal strings. */
export interface RiskTier {
  /** One of the three built-in tiers, or a teacher's own (the tier lab compares those too). */
  readonly name: TierName | 'custom';
  readonly label: string;
  /** Equity put at risk between entry and stop on one trade. */
  readonly riskPerTrade: string;
  /** Largest single position, before the global cap. */
  readonly maxPositionFraction: string;
  readonly maxOpenPositions: number;
  /** A loss of this much equity in one simulated day halts new entries until the next day. */
  readonly dailyLossLimit: string;
  /** A fall of this much from the equity peak halts new entries until a manual reset. */
  readonly maxDrawdown: string;
  /** How far from the last price a limit may be (a fraction); 10 % when absent. */
  readonly priceBand?: string;
  /**
   * The tier lab's "what if": this tier's position limit is its own, not held to the global cap.
   * Never set on a trading session; it shows a class what the cap protects against.
   */
  readonly liftGlobalCap?: boolean;
}

/** No single position may exceed this fraction of equity, whatever the tier says. */
export const GLOBAL_POSITION_CAP = '0.02';

/** The three tiers of the original report: 1 %, 2 % and 3 % risk per trade. */
export const TIERS: Readonly<Record<TierName, RiskTier>> = {
  conservative: {
    name: 'conservative',
    label: 'Conservative',
    riskPerTrade: '0.01',
    maxPositionFraction: '0.01',
    maxOpenPositions: 5,
    dailyLossLimit: '0.02',
    maxDrawdown: '0.1',
  },
  moderate: {
    name: 'moderate',
    label: 'Moderate',
    riskPerTrade: '0.02',
    maxPositionFraction: '0.02',
    maxOpenPositions: 8,
    dailyLossLimit: '0.04',
    maxDrawdown: '0.15',
  },
  aggressive: {
    name: 'aggressive',
    label: 'Aggressive',
    riskPerTrade: '0.03',
    maxPositionFraction: '0.03',
    maxOpenPositions: 12,
    dailyLossLimit: '0.06',
    maxDrawdown: '0.25',
  },
};

/**
 * The largest single position a tier allows at this equity: the tier's fraction, capped by the
 * global cap, rounded down to the cent (a limit never rounds up past itself).
 */
export function maxPositionValue(tier: RiskTier, equity: Dec): Dec {
  const own = new Dec(tier.maxPositionFraction);
  const fraction = tier.liftGlobalCap ? own : Dec.min(own, new Dec(GLOBAL_POSITION_CAP));
  return equity.times(fraction).toDecimalPlaces(2, Dec.ROUND_DOWN);
}

/** Whether the global cap, not the tier, sets the position limit. */
export function cappedByGlobalLimit(tier: RiskTier): boolean {
  return !tier.liftGlobalCap && new Dec(tier.maxPositionFraction).greaterThan(GLOBAL_POSITION_CAP);
}
