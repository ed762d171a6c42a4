import type { Command } from '../commands.ts';
import type { SessionConfig } from '../config.ts';
import { canonical, Dec } from '../decimal.ts';
import { DEMO_CASH } from '../demo.ts';
import type { Market } from '../market/market.ts';
import { Session } from '../session.ts';
import { maxPositionValue, type RiskTier } from './tiers.ts';

/** What held a tier back during one run, counted from the session's own refusals and events. */
export interface HeldBack {
  /** Buys refused, by refusal code (only codes that occurred, in the order first seen). */
  readonly refusedBy: Readonly<Record<string, number>>;
  /** Accepted buys made smaller because the 2 % global cap is below the tier's own limit. */
  readonly cappedByGlobal: number;
  /** Circuit breakers tripped (daily loss or drawdown). */
  readonly breakerTrips: number;
  /** The same trips by the breaker's kind (only kinds that tripped). */
  readonly tripsBy: Readonly<Record<string, number>>;
  /** Simulated days on which a tripped breaker halted new buys at some time. */
  readonly daysHalted: number;
}

/**
 * One tier's account in the lab: its session, the orders it placed and what held it back.
 * Strategies trade through it; it never decides anything itself.
 */
export class LabTrader {
  readonly session: Session;
  readonly tier: RiskTier;
  orders = 0;
  refused = 0;
  private readonly refusedBy: Record<string, number> = {};
  private capped = 0;
  private trips = 0;
  private readonly tripsBy: Record<string, number> = {};
  private halted = false;
  private haltedToday = false;
  private daysHalted = 0;
  private id = 0;
  private readonly entries = new Map<string, number>();

  constructor(seed: string, config: SessionConfig, market: Market) {
    this.tier = config.risk!;
    this.session = Session.create(seed, config, market);
    this.session.onEvent = (event) => {
      if (event.type !== 'breaker') return;
      this.halted = event.breaker !== null;
      if (event.breaker) {
        this.trips++;
        this.tripsBy[event.breaker.kind] = (this.tripsBy[event.breaker.kind] ?? 0) + 1;
        this.haltedToday = true;
      }
    };
    this.apply({ type: 'deposit', amount: DEMO_CASH });
  }

  /** Closes the simulated day for the held-back count: was new buying halted at any time? */
  endDay(): void {
    if (this.haltedToday) this.daysHalted++;
    this.haltedToday = this.halted;
  }

  /** What held this tier back so far. */
  heldBack(): HeldBack {
    return {
      refusedBy: { ...this.refusedBy },
      cappedByGlobal: this.capped,
      breakerTrips: this.trips,
      tripsBy: { ...this.tripsBy },
      daysHalted: this.daysHalted,
    };
  }

  /** Cash plus positions at the last prices. */
  equity(): Dec {
    return this.session.equity();
  }

  /** The ask when the asset was last bought, or null. */
  entryOf(symbol: string): number | null {
    return this.entries.get(symbol) ?? null;
  }

  /** Whether any of the asset is held. */
  holds(symbol: string): boolean {
    return !this.session.quantityOf(symbol).isZero();
  }

  /**
   * The budget for a buy of `wanted` dollars: no more than the tier's position limit at this
   * equity (an order over it would only be refused), and whether the global cap, not the
   * tier's own fraction, is what made it smaller.
   */
  size(wanted: Dec, equity: Dec = this.equity()): { budget: Dec; capped: boolean } {
    const limit = maxPositionValue(this.tier, equity);
    const own = equity.times(this.tier.maxPositionFraction).toDecimalPlaces(2, Dec.ROUND_DOWN);
    return {
      budget: Dec.min(wanted, limit),
      capped: wanted.greaterThan(limit) && own.greaterThan(limit),
    };
  }

  /**
   * A market buy for `budget` dollars at the ask, with a margin for the fee, rounded down to the
   * asset's step. `capped` says the global cap made it smaller: it is counted once accepted.
   */
  buy(symbol: string, budget: Dec, capped = false): boolean {
    const asset = this.session.config.assets.find((a) => a.symbol === symbol)!;
    const ask = this.session.quote(symbol).ask;
    const quantity = budget.dividedBy(ask.times('1.001')).toNearest(asset.stepSize, Dec.ROUND_DOWN);
    if (quantity.isZero()) return false;
    const accepted = this.order(symbol, 'buy', quantity);
    if (accepted) this.entries.set(symbol, ask.toNumber());
    if (accepted && capped) this.capped++;
    return accepted;
  }

  /** Sells all of an asset at market, first cancelling its resting exits. */
  sellAll(symbol: string): void {
    const held = this.session.quantityOf(symbol);
    if (held.isZero()) return;
    this.session.apply({ type: 'cancel-all', symbol });
    this.order(symbol, 'sell', held);
  }

  private order(symbol: string, side: 'buy' | 'sell', quantity: Dec): boolean {
    return this.apply({
      type: 'place-order',
      clientOrderId: `lab-${++this.id}`,
      symbol,
      side,
      orderType: 'market',
      quantity: canonical(quantity),
    });
  }

  private apply(command: Command): boolean {
    const outcome = this.session.apply(command);
    if (command.type === 'place-order') {
      this.orders++;
      if (!outcome.ok) {
        this.refused++;
        this.refusedBy[outcome.code] = (this.refusedBy[outcome.code] ?? 0) + 1;
      }
    }
    return outcome.ok;
  }
}
