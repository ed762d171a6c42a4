import { Dec, ZERO, canonical } from '../decimal.ts';
import { CentTotal } from './cent-total.ts';
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
  readonly volume: CentTotal;
  readonly fees: CentTotal;
  readonly realizedPnl: CentTotal;
}

/** A symbol's round trip: its net so far, and whether one is open (a position is held). */
interface Trip {
  open: boolean;
  readonly net: CentTotal;
}

/**
 * Trading totals kept as fills happen, so analytics never replay the log. They add whole cents
 * without a decimal for each fill (see CentTotal); a symbol's trip and totals, once made, stay.
 */
export class Stats {
  private readonly volume: CentTotal;
  private readonly fees: CentTotal;
  private readonly slippage: CentTotal;
  private wins = 0;
  private losses = 0;
  private breakEven = 0;
  private readonly grossProfit: CentTotal;
  private readonly grossLoss: CentTotal;
  private readonly trips = new Map<string, Trip>();
  private readonly perAsset = new Map<string, AssetTotals>();

  private constructor(state?: StatsState) {
    const total = (text: string | undefined) => new CentTotal(text ? new Dec(text) : ZERO);
    this.volume = total(state?.volume);
    this.fees = total(state?.fees);
    this.slippage = total(state?.slippage);
    this.grossProfit = total(state?.grossProfit);
    this.grossLoss = total(state?.grossLoss);
    if (!state) return;
    this.wins = state.wins;
    this.losses = state.losses;
    this.breakEven = state.breakEven;
    for (const [symbol, net] of Object.entries(state.openTrips))
      this.trips.set(symbol, { open: true, net: total(net) });
    for (const [symbol, a] of Object.entries(state.perAsset)) {
      this.perAsset.set(symbol, {
        fills: a.fills,
        volume: total(a.volume),
        fees: total(a.fees),
        realizedPnl: total(a.realizedPnl),
      });
    }
  }

  static create(): Stats {
    return new Stats();
  }

  static fromState(state: StatsState): Stats {
    return new Stats(state);
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
    this.volume.add(notional);
    this.fees.add(fee);
    this.slippage.add(slippage);
    let trip = this.trips.get(fill.symbol);
    if (!trip) this.trips.set(fill.symbol, (trip = { open: false, net: new CentTotal() }));
    if (!trip.open) {
      trip.open = true;
      trip.net.clear();
    }
    trip.net.add(realized);
    trip.net.sub(fee);
    if (flat) {
      trip.open = false;
      this.closeTrip(trip.net.value);
    }
    let asset = this.perAsset.get(fill.symbol);
    if (!asset) {
      asset = {
        fills: 0,
        volume: new CentTotal(),
        fees: new CentTotal(),
        realizedPnl: new CentTotal(),
      };
      this.perAsset.set(fill.symbol, asset);
    }
    asset.fills++;
    asset.volume.add(notional);
    asset.fees.add(fee);
    asset.realizedPnl.add(realized);
  }

  private closeTrip(net: Dec): void {
    if (net.isZero()) this.breakEven++;
    else if (net.isPositive()) {
      this.wins++;
      this.grossProfit.add(net);
    } else {
      this.losses++;
      this.grossLoss.sub(net);
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
        volume: canonical(a.volume.value),
        fees: canonical(a.fees.value),
        realizedPnl: canonical(a.realizedPnl.value),
      };
    }
    const openTrips: Record<string, string> = {};
    for (const symbol of [...this.trips.keys()].sort()) {
      const trip = this.trips.get(symbol)!;
      if (trip.open) openTrips[symbol] = canonical(trip.net.value);
    }
    return {
      volume: canonical(this.volume.value),
      fees: canonical(this.fees.value),
      slippage: canonical(this.slippage.value),
      wins: this.wins,
      losses: this.losses,
      breakEven: this.breakEven,
      grossProfit: canonical(this.grossProfit.value),
      grossLoss: canonical(this.grossLoss.value),
      openTrips,
      perAsset,
    };
  }
}
