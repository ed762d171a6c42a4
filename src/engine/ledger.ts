import { Dec, ZERO, canonical, toCent } from './decimal.ts';

/** A long position: quantity held and its total cost basis in USD (to the cent). */
export interface Position {
  readonly quantity: Dec;
  readonly cost: Dec;
}

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

  /** Adds cash. */
  deposit(amount: Dec): void {
    this.cash = this.cash.plus(amount);
    this.deposited = this.deposited.plus(amount);
    this.checkInvariants();
  }

  /** Books a buy: notional and fee leave cash, notional joins the position's cost. */
  buy(symbol: string, quantity: Dec, notional: Dec, fee: Dec): void {
    const held = this.positions.get(symbol) ?? { quantity: ZERO, cost: ZERO };
    this.cash = this.cash.minus(notional).minus(fee);
    this.feesPaid = this.feesPaid.plus(fee);
    this.positions.set(symbol, {
      quantity: held.quantity.plus(quantity),
      cost: held.cost.plus(notional),
    });
    this.checkInvariants();
  }

  /** Books a sell: the proportional cost leaves the position, the difference is realized. */
  sell(symbol: string, quantity: Dec, notional: Dec, fee: Dec): void {
    const held = this.positions.get(symbol);
    if (!held || held.quantity.lessThan(quantity))
      throw new Error(`Sell of ${symbol} exceeds position`);
    const closesAll = held.quantity.equals(quantity);
    const costRemoved = closesAll
      ? held.cost
      : toCent(held.cost.times(quantity).dividedBy(held.quantity));
    this.cash = this.cash.plus(notional).minus(fee);
    this.feesPaid = this.feesPaid.plus(fee);
    this.realizedPnl = this.realizedPnl.plus(notional).minus(costRemoved);
    if (closesAll) this.positions.delete(symbol);
    else {
      this.positions.set(symbol, {
        quantity: held.quantity.minus(quantity),
        cost: held.cost.minus(costRemoved),
      });
    }
    this.checkInvariants();
  }

  /** Throws when an accounting invariant is broken: that is a bug, never a user error. */
  checkInvariants(): void {
    if (this.cash.isNegative())
      throw new Error(`Invariant broken: cash ${canonical(this.cash)} < 0`);
    let cost = ZERO;
    for (const [symbol, p] of this.positions) {
      if (!p.quantity.isPositive())
        throw new Error(`Invariant broken: ${symbol} quantity ${p.quantity} <= 0`);
      if (p.cost.isNegative()) throw new Error(`Invariant broken: ${symbol} cost ${p.cost} < 0`);
      cost = cost.plus(p.cost);
    }
    const left = this.cash.plus(cost);
    const right = this.deposited.minus(this.withdrawn).plus(this.realizedPnl).minus(this.feesPaid);
    if (!left.equals(right)) {
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
