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

const EMPTY: StatsState = {
  volume: '0',
  fees: '0',
  slippage: '0',
  wins: 0,
  losses: 0,
  grossProfit: '0',
  grossLoss: '0',
  perAsset: {},
};

/** Trading totals kept as fills happen, so analytics never replay the log. */
export class Stats {
  private constructor(private state: StatsState) {}

  static create(): Stats {
    return new Stats(EMPTY);
  }

  static fromState(state: StatsState): Stats {
    return new Stats(state);
  }

  /** Adds one fill. A sell's realized P&L after its fee counts as a win or a loss. */
  record(fill: FillEvent): void {
    const add = (a: string, b: Dec | string) => canonical(new Dec(a).plus(b));
    const s = this.state;
    const net = new Dec(fill.realizedPnl).minus(fill.fee);
    const isSell = fill.side === 'sell';
    const asset = s.perAsset[fill.symbol] ?? { fills: 0, volume: '0', fees: '0', realizedPnl: '0' };
    this.state = {
      volume: add(s.volume, fill.notional),
      fees: add(s.fees, fill.fee),
      slippage: add(s.slippage, fill.slippage),
      wins: s.wins + (isSell && net.greaterThan(ZERO) ? 1 : 0),
      losses: s.losses + (isSell && !net.greaterThan(ZERO) ? 1 : 0),
      grossProfit: isSell && net.greaterThan(ZERO) ? add(s.grossProfit, net) : s.grossProfit,
      grossLoss: isSell && !net.greaterThan(ZERO) ? add(s.grossLoss, net.negated()) : s.grossLoss,
      perAsset: {
        ...s.perAsset,
        [fill.symbol]: {
          fills: asset.fills + 1,
          volume: add(asset.volume, fill.notional),
          fees: add(asset.fees, fill.fee),
          realizedPnl: add(asset.realizedPnl, fill.realizedPnl),
        },
      },
    };
  }

  /** The totals, per-asset entries sorted by symbol (for a stable hash). */
  snapshot(): StatsState {
    const perAsset: Record<string, AssetStats> = {};
    for (const symbol of Object.keys(this.state.perAsset).sort())
      perAsset[symbol] = this.state.perAsset[symbol]!;
    return { ...this.state, perAsset };
  }
}
