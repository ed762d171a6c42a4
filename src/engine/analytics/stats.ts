import { Dec, ZERO, canonical } from '../decimal.ts';
import type { FillEvent } from '../events.ts';

/** Running totals of a session's trading, as canonical strings. */
export interface StatsState {
  readonly volume: string;
  readonly fees: string;
  readonly slippage: string;
  /** Sells that realized a gain (wins) or a loss (losses), and their sums. */
  readonly wins: number;
  readonly losses: number;
  readonly grossProfit: string;
  readonly grossLoss: string;
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
  private grossProfit = ZERO;
  private grossLoss = ZERO;
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
    stats.grossProfit = new Dec(state.grossProfit);
    stats.grossLoss = new Dec(state.grossLoss);
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

  /** Adds one fill. A sell's realized P&L after its fee counts as a win or a loss. */
  record(fill: FillEvent, notional: Dec, fee: Dec, slippage: Dec, realized: Dec): void {
    this.volume = this.volume.plus(notional);
    this.fees = this.fees.plus(fee);
    this.slippage = this.slippage.plus(slippage);
    if (fill.side === 'sell') {
      const net = realized.minus(fee);
      if (net.greaterThan(ZERO)) {
        this.wins++;
        this.grossProfit = this.grossProfit.plus(net);
      } else {
        this.losses++;
        this.grossLoss = this.grossLoss.minus(net);
      }
    }
    const asset = this.perAsset.get(fill.symbol);
    if (asset) {
      asset.fills++;
      asset.volume = asset.volume.plus(notional);
      asset.fees = asset.fees.plus(fee);
      asset.realizedPnl = asset.realizedPnl.plus(realized);
    } else {
      this.perAsset.set(fill.symbol, {
        fills: 1,
        volume: notional,
        fees: fee,
        realizedPnl: realized,
      });
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
    return {
      volume: canonical(this.volume),
      fees: canonical(this.fees),
      slippage: canonical(this.slippage),
      wins: this.wins,
      losses: this.losses,
      grossProfit: canonical(this.grossProfit),
      grossLoss: canonical(this.grossLoss),
      perAsset,
    };
  }
}
