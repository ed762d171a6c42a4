import type { AssetSpec } from '../engine/config.ts';
import { Dec } from '../engine/decimal.ts';
import { CandleRing, INTERVALS, type Interval } from '../engine/market/candles.ts';
import type { CandleView, MarketRow } from '../schema/messages.ts';

/** Candles kept per interval and asset: enough for a chart, bounded so memory stays flat. */
const CAPACITY = 300;

/**
 * The candles of every asset at every interval, fed by the session's market ticks. Derived data:
 * not in the state hash; after a reload the chart starts again from the current time.
 */
export class CandleBook {
  private readonly rings: Record<Interval, CandleRing[]>;

  constructor(private readonly assets: readonly AssetSpec[]) {
    const rings = (ms: number) => assets.map(() => new CandleRing(ms, CAPACITY));
    this.rings = {
      '1m': rings(INTERVALS['1m']),
      '5m': rings(INTERVALS['5m']),
      '1h': rings(INTERVALS['1h']),
      '1d': rings(INTERVALS['1d']),
    };
  }

  /** The tick listener to give the session. */
  readonly onTick = (time: number, prices: Float64Array, volumes: Float64Array): void => {
    for (const interval of Object.keys(INTERVALS) as Interval[]) {
      const rings = this.rings[interval];
      for (let i = 0; i < rings.length; i++) rings[i]!.update(time, prices[i]!, volumes[i]!);
    }
  };

  /** Candles of one asset as canonical decimal strings on its tick grid, oldest first. */
  candles(symbol: string, interval: Interval, limit: number): CandleView[] {
    const index = this.assets.findIndex((a) => a.symbol === symbol);
    if (index < 0) return [];
    const asset = this.assets[index]!;
    const grid = (price: number) => onGrid(price, asset.tickSize);
    return this.rings[interval][index]!.toArray()
      .slice(-limit)
      .map((c) => ({
        time: c.time,
        open: grid(c.open),
        high: grid(c.high),
        low: grid(c.low),
        close: grid(c.close),
        volume: new Dec(c.volume.toFixed(8)).toFixed(),
      }));
  }

  /** Each asset's last price, change over the last 24 simulated hours and hourly sparkline. */
  markets(lastPrices: readonly string[]): MarketRow[] {
    return this.assets.map((asset, i) => {
      const hours = this.rings['1h'][i]!.toArray().slice(-25);
      const first = hours[0];
      const last = Number(lastPrices[i]);
      const change = first && hours.length > 1 ? ((last / first.open - 1) * 100).toFixed(2) : null;
      return {
        symbol: asset.symbol,
        last: lastPrices[i]!,
        change24h: change,
        spark: hours.map((c) => grid4(c.close)),
      };
    });
  }
}

function onGrid(price: number, tickSize: string): string {
  return new Dec(tickSize).times(Math.max(1, Math.round(price / Number(tickSize)))).toFixed();
}

/** Sparkline points need four significant digits, not exact money. */
function grid4(price: number): number {
  return Number(price.toPrecision(4));
}
