import { Dec, ZERO, add, canonical, sub } from '../decimal.ts';
import type { FillEvent } from '../events.ts';

/** Running totals of a session's trading, as canonical strings. */
export interface StatsState {
  readonly volume: string;
  readonly fees: string;
  readonly slippage: string;
  /**
   * Round trips (from flat to a position and back to flat, however many fills) whose P&L, fees
   * of both sides included, was a gain (wins), a loss (losses) or exactly zero (break-even).
   */
  readonly wins: number;
  readonly losses: number;
  readonly breakEven: number;
  /** The sum of the wins, and of the losses as a positive amount. */
  readonly grossProfit: string;
  readonly grossLoss: string;
  /** Trips still open, by symbol: P&L realized in the trip so far minus every fee it paid. */
  readonly openTrips: Readonly<Record<string, string>>;
  readonly perAsset: Readonly<Record<string, AssetStats>>;
}

export interface AssetStats {
  readonly fills: number;
  readonly volume: string;
  readonly fees: string;
  readonly realizedPnl: string;
}

interface AssetTotals {
  fills: number;
  volume: Dec;
  fees: Dec;
  realizedPnl: Dec;
}

/** Trading totals kept as fills happen, so analytics never replay the log. */
export class Stats {
  private volume = ZERO;
  private fees = ZERO;
  private slippage = ZERO;
  private wins = 0;
  private losses = 0;
  private breakEven = 0;
  private grossProfit = ZERO;
  private grossLoss = ZERO;
  private readonly openTrips = new Map<string, Dec>();
  private readonly perAsset = new Map<string, AssetTotals>();

  static create(): Stats {
    return new Stats();
  }

  static fromState(state: StatsState): Stats {
    const stats = new Stats();
    stats.volume = new Dec(state.volume);
    stats.fees = new Dec(state.fees);
    stats.slippage = new Dec(state.slippage);
    stats.wins = state.wins;
    stats.losses = state.losses;
    stats.breakEven = state.breakEven;
    stats.grossProfit = new Dec(state.grossProfit);
    stats.grossLoss = new Dec(state.grossLoss);
    for (const [symbol, net] of Object.entries(state.openTrips))
      stats.openTrips.set(symbol, new Dec(net));
    for (const [symbol, a] of Object.entries(state.perAsset)) {
      stats.perAsset.set(symbol, {
        fills: a.fills,
        volume: new Dec(a.volume),
        fees: new Dec(a.fees),
        realizedPnl: new Dec(a.realizedPnl),
      });
    }
    return stats;
  }

  /**
   * Adds one fill. Its realized P&L and its fee join the symbol's round trip; the fill that
   * leaves the position `flat` closes the trip, which then counts once as a win, a loss or
   * break-even.
   */
  record(
    fill: FillEvent,
    notional: Dec,
    fee: Dec,
    slippage: Dec,
    realized: Dec,
    flat: boolean,
  ): void {
    // Every fill adds here: a zero (a buy's realized P&L, no slippage, no fee) adds nothing new.
    this.volume = add(this.volume, notional);
    this.fees = add(this.fees, fee);
    this.slippage = add(this.slippage, slippage);
    const trip = sub(add(this.openTrips.get(fill.symbol) ?? ZERO, realized), fee);
    if (flat) {
      this.openTrips.delete(fill.symbol);
      this.closeTrip(trip);
    } else this.openTrips.set(fill.symbol, trip);
    const asset = this.perAsset.get(fill.symbol);
    if (asset) {
      asset.fills++;
      asset.volume = add(asset.volume, notional);
      asset.fees = add(asset.fees, fee);
      asset.realizedPnl = add(asset.realizedPnl, realized);
    } else {
      this.perAsset.set(fill.symbol, {
        fills: 1,
        volume: notional,
        fees: fee,
        realizedPnl: realized,
      });
    }
  }

  private closeTrip(net: Dec): void {
    if (net.isZero()) this.breakEven++;
    else if (net.isPositive()) {
      this.wins++;
      this.grossProfit = add(this.grossProfit, net);
    } else {
      this.losses++;
      this.grossLoss = sub(this.grossLoss, net);
    }
  }

  /** Fills so far. */
  get fillCount(): number {
    let count = 0;
    for (const a of this.perAsset.values()) count += a.fills;
    return count;
  }

  /** The totals as canonical strings, per-asset entries sorted by symbol (for a stable hash). */
  snapshot(): StatsState {
    const perAsset: Record<string, AssetStats> = {};
    for (const symbol of [...this.perAsset.keys()].sort()) {
      const a = this.perAsset.get(symbol)!;
      perAsset[symbol] = {
        fills: a.fills,
        volume: canonical(a.volume),
        fees: canonical(a.fees),
        realizedPnl: canonical(a.realizedPnl),
      };
    }
    const openTrips: Record<string, string> = {};
    for (const symbol of [...this.openTrips.keys()].sort())
      openTrips[symbol] = canonical(this.openTrips.get(symbol)!);
    return {
      volume: canonical(this.volume),
      fees: canonical(this.fees),
      slippage: canonical(this.slippage),
      wins: this.wins,
      losses: this.losses,
      breakEven: this.breakEven,
      grossProfit: canonical(this.grossProfit),
      grossLoss: canonical(this.grossLoss),
      openTrips,
      perAsset,
    };
  }
}
