import { assertNever } from './result.ts';
import { Dec, ZERO, add, canonical, centsOf, compare, mul, sub, toCent } from './decimal.ts';

type LedgerFill = Extract<LedgerEvent, { type: 'fill' }>;

/** A long position: quantity held and its total cost basis in USD (to the cent). */
export interface Position {
  readonly quantity: Dec;
  readonly cost: Dec;
}

/**
 * What changes the ledger. The session's command log is the source of truth; these events are
 * what the commands and the market make of it, and the ledger is their fold.
 */
export type LedgerEvent =
  | { readonly type: 'deposit'; readonly amount: Dec }
  | { readonly type: 'withdrawal'; readonly amount: Dec }
  | {
      readonly type: 'fill';
      readonly side: 'buy' | 'sell';
      readonly symbol: string;
      readonly quantity: Dec;
      /** Price times quantity, to the cent. */
      readonly notional: Dec;
      /** In USD, to the cent. */
      readonly fee: Dec;
    };

/** The ledger's state as canonical strings, for snapshots and hashes. */
export interface LedgerSnapshot {
  readonly cash: string;
  readonly deposited: string;
  readonly withdrawn: string;
  readonly realizedPnl: string;
  readonly feesPaid: string;
  readonly positions: Readonly<
    Record<string, { readonly quantity: string; readonly cost: string }>
  >;
}

/**
 * Cash, positions and P&L. Every amount of money is kept to the cent, so the accounting identity
 * cash + cost of positions = deposited − withdrawn + realized P&L − fees holds exactly; it is
 * checked after every change and a break throws at once.
 */
export class Ledger {
  cash = ZERO;
  deposited = ZERO;
  withdrawn = ZERO;
  realizedPnl = ZERO;
  feesPaid = ZERO;
  readonly positions = new Map<string, Position>();

  /** Restores a ledger from its snapshot. */
  static fromSnapshot(snapshot: LedgerSnapshot): Ledger {
    const ledger = new Ledger();
    ledger.cash = new Dec(snapshot.cash);
    ledger.deposited = new Dec(snapshot.deposited);
    ledger.withdrawn = new Dec(snapshot.withdrawn);
    ledger.realizedPnl = new Dec(snapshot.realizedPnl);
    ledger.feesPaid = new Dec(snapshot.feesPaid);
    for (const [symbol, p] of Object.entries(snapshot.positions)) {
      ledger.positions.set(symbol, { quantity: new Dec(p.quantity), cost: new Dec(p.cost) });
    }
    ledger.checkInvariants();
    return ledger;
  }

  /** The quantity held of an asset (zero when none). */
  quantityOf(symbol: string): Dec {
    return this.positions.get(symbol)?.quantity ?? ZERO;
  }

  /** Books one event and checks every invariant; returns the P&L it realized (zero but for sells). */
  apply(event: LedgerEvent): Dec {
    let realized = ZERO;
    switch (event.type) {
      case 'deposit':
        this.cash = add(this.cash, event.amount);
        this.deposited = add(this.deposited, event.amount);
        break;
      case 'withdrawal':
        this.cash = sub(this.cash, event.amount);
        this.withdrawn = add(this.withdrawn, event.amount);
        break;
      case 'fill':
        if (event.side === 'buy') this.buy(event);
        else realized = this.sell(event);
        this.feesPaid = add(this.feesPaid, event.fee);
        break;
      default:
        assertNever(event, 'ledger event');
    }
    this.checkInvariants();
    return realized;
  }

  /** A buy: notional and fee leave cash, the notional joins the position's cost. */
  private buy({ symbol, quantity, notional, fee }: LedgerFill): void {
    const held = this.positions.get(symbol);
    this.cash = sub(sub(this.cash, notional), fee);
    // A new position is the fill itself: nothing to add it to.
    this.positions.set(
      symbol,
      held
        ? { quantity: add(held.quantity, quantity), cost: add(held.cost, notional) }
        : { quantity, cost: notional },
    );
  }

  /** A sell: the proportional cost (to the cent) leaves the position, the rest is realized. */
  private sell({ symbol, quantity, notional, fee }: LedgerFill): Dec {
    const held = this.positions.get(symbol);
    if (!held || compare(held.quantity, quantity) < 0)
      throw new Error(`Sell of ${symbol} exceeds position`);
    const closesAll = compare(held.quantity, quantity) === 0;
    const costRemoved = closesAll
      ? held.cost
      : toCent(mul(held.cost, quantity).dividedBy(held.quantity));
    this.cash = sub(add(this.cash, notional), fee);
    const realized = sub(notional, costRemoved);
    this.realizedPnl = add(this.realizedPnl, realized);
    if (closesAll) this.positions.delete(symbol);
    else {
      this.positions.set(symbol, {
        quantity: sub(held.quantity, quantity),
        cost: sub(held.cost, costRemoved),
      });
    }
    return realized;
  }

  /** Throws when an accounting invariant is broken: that is a bug, never a user error. */
  checkInvariants(): void {
    if (this.cash.isNegative())
      throw new Error(`Invariant broken: cash ${canonical(this.cash)} < 0`);
    let costCents = 0;
    for (const [symbol, p] of this.positions) {
      if (!p.quantity.isPositive())
        throw new Error(`Invariant broken: ${symbol} quantity ${p.quantity} <= 0`);
      if (p.cost.isNegative()) throw new Error(`Invariant broken: ${symbol} cost ${p.cost} < 0`);
      costCents += centsOf(p.cost);
    }
    // Runs after every fill: in whole cents, where every amount here is, it makes no decimal.
    // An amount off the cent or too large for that (NaN), or more positions than such sums stay
    // exact for, is checked with decimals.
    const leftCents = centsOf(this.cash) + costCents;
    const rightCents =
      centsOf(this.deposited) -
      centsOf(this.withdrawn) +
      centsOf(this.realizedPnl) -
      centsOf(this.feesPaid);
    if (leftCents === rightCents && this.positions.size < 30) return;
    let cost = ZERO;
    for (const p of this.positions.values()) cost = add(cost, p.cost);
    const left = add(this.cash, cost);
    const right = sub(add(sub(this.deposited, this.withdrawn), this.realizedPnl), this.feesPaid);
    if (compare(left, right) !== 0) {
      throw new Error(
        `Invariant broken: cash + cost ${left} != deposits + realized - fees ${right}`,
      );
    }
  }

  /** The ledger as canonical strings, positions sorted by symbol. */
  snapshot(): LedgerSnapshot {
    const positions: Record<string, { quantity: string; cost: string }> = {};
    for (const symbol of [...this.positions.keys()].sort()) {
      const p = this.positions.get(symbol)!;
      positions[symbol] = { quantity: canonical(p.quantity), cost: canonical(p.cost) };
    }
    return {
      cash: canonical(this.cash),
      deposited: canonical(this.deposited),
      withdrawn: canonical(this.withdrawn),
      realizedPnl: canonical(this.realizedPnl),
      feesPaid: canonical(this.feesPaid),
      positions,
    };
  }
}
