import { Dec, fixedAgainst, formatUsd, formatUsdAgainst } from '../decimal.ts';
import { ok, refuse, type Result } from '../result.ts';
import { maxPositionValue, type RiskTier, type TierName } from './tiers.ts';

/** Why a circuit breaker halts new entries. */
export type BreakerKind = 'daily-loss' | 'drawdown' | 'kill-switch';

/**
 * A tripped breaker: new entries are refused until `until` (a simulated time) or a reset, and
 * the open buys are cancelled when it trips (not held for later). Sells and stops keep working.
 */
export interface Breaker {
  readonly kind: BreakerKind;
  readonly since: number;
  /** Null: until a manual reset. */
  readonly until: number | null;
  readonly message: string;
}

/** The risk state a session keeps: the equity peak (for drawdown) and a tripped breaker. */
export interface RiskState {
  readonly peakEquity: string;
  readonly breaker: Breaker | null;
  /**
   * The session's tier changes, oldest first; the last one is the tier in force. Absent until
   * the first change, so a log without one hashes as it did before tiers could change.
   */
  readonly tierChanges?: readonly TierChange[];
}

/** A `set-tier` command as the state keeps it: when, and the tier from then on. */
export interface TierChange {
  readonly at: number;
  readonly tier: TierName | 'none';
}

export type RiskRefusal = 'breaker' | 'max-position' | 'max-open-positions' | 'price-band';

/** How far a limit or trigger may be from the last price when the tier names no band: 10 %. */
export const DEFAULT_PRICE_BAND = '0.1';

/** An entry (a buy) as the checks see it. Exits are never checked: a stop must always work. */
export interface Entry {
  readonly symbol: string;
  /** Quantity times the price the order is expected at. */
  readonly notional: Dec;
  /** Value of the position already held in the asset. */
  readonly held: Dec;
  /** The order's limit or trigger price, when it has one. */
  readonly price: Dec | null;
  readonly last: Dec;
}

/** What the checks need to know of the account and the market. */
export interface Account {
  readonly equity: Dec;
  /** Assets held or with an open buy order, the entry's own excluded. */
  readonly otherPositions: number;
  readonly breaker: Breaker | null;
  /** Current volatility over its normal level (1 = normal): a spike widens the price band. */
  readonly stress: number;
}

/**
 * The tier's pre-trade checks on an entry, in order: a tripped breaker, the single-position
 * limit, the number of open positions, and the price band. Each refusal carries the numbers.
 */
export function checkEntry(
  tier: RiskTier,
  entry: Entry,
  account: Account,
): Result<true, RiskRefusal> {
  if (account.breaker) {
    return refuse(
      'breaker',
      `New buys are halted: ${account.breaker.message} Sells and stops still work.`,
    );
  }
  const limit = maxPositionValue(tier, account.equity);
  const after = entry.held.plus(entry.notional);
  if (after.greaterThan(limit)) {
    return refuse(
      'max-position',
      entry.held.isZero()
        ? `Order notional ${formatUsdAgainst(entry.notional, limit)} is over the ${tier.label} tier's position limit of ${formatUsd(limit)}.`
        : `Order notional ${formatUsd(entry.notional)} would make the ${entry.symbol} position ${formatUsdAgainst(after, limit)}, over the ${tier.label} tier's position limit of ${formatUsd(limit)}.`,
    );
  }
  if (entry.held.isZero() && account.otherPositions >= tier.maxOpenPositions) {
    return refuse(
      'max-open-positions',
      `You already hold or are buying ${account.otherPositions} assets; the ${tier.label} tier allows ${tier.maxOpenPositions}.`,
    );
  }
  if (entry.price) {
    const band = new Dec(tier.priceBand ?? DEFAULT_PRICE_BAND).times(
      Math.min(3, Math.max(1, account.stress)),
    );
    const distance = entry.price.minus(entry.last).abs().dividedBy(entry.last);
    if (distance.greaterThan(band)) {
      const [percent, allowed] = [distance.times(100), band.times(100)];
      return refuse(
        'price-band',
        `The price ${formatUsd(entry.price)} is ${fixedAgainst(percent, allowed, 1)} % from the last price ${formatUsd(entry.last)}; the ${tier.label} tier allows ${allowed.toFixed(1)} %${account.stress > 1 ? ' while the market is this volatile' : ''}.`,
      );
    }
  }
  return ok(true);
}

/**
 * The breaker to trip at this equity, if any: the daily loss limit (until the next UTC day) or
 * the drawdown limit (until a manual reset). An already tripped breaker stays. `dayStartEquity`
 * includes the day's deposits and withdrawals.
 */
export function breakerFor(
  tier: RiskTier,
  state: RiskState,
  equity: Dec,
  dayStartEquity: Dec,
  time: number,
): Breaker | null {
  if (state.breaker) return state.breaker;
  const dayLoss = dayStartEquity.minus(equity);
  const dayLimit = dayStartEquity.times(tier.dailyLossLimit);
  if (dayStartEquity.greaterThan(0) && dayLoss.greaterThanOrEqualTo(dayLimit)) {
    const nextDay = (Math.floor(time / 86_400_000) + 1) * 86_400_000;
    return {
      kind: 'daily-loss',
      since: time,
      until: nextDay,
      message: `today's loss of ${formatUsd(dayLoss)} reached the ${tier.label} tier's daily limit of ${formatUsd(dayLimit)} (until the next simulated day).`,
    };
  }
  const peak = new Dec(state.peakEquity);
  const drawdown = peak.minus(equity);
  const limit = peak.times(tier.maxDrawdown);
  if (peak.greaterThan(0) && drawdown.greaterThanOrEqualTo(limit)) {
    return {
      kind: 'drawdown',
      since: time,
      until: null,
      message: `the fall of ${formatUsd(drawdown)} from the peak of ${formatUsd(peak)} reached the ${tier.label} tier's drawdown limit of ${formatUsd(limit)} (until you reset it).`,
    };
  }
  return null;
}
