import type { AssetSpec } from '../config.ts';
import type { Candle } from './candles.ts';
import { Market, type MarketModel } from './market.ts';

export interface SimulationOptions {
  readonly seed: string;
  readonly assets: readonly AssetSpec[];
  readonly tickMs: number;
  readonly intervalMs: number;
  readonly startTime: number;
  readonly days: number;
  /** The market generator; new sessions' (2) when absent. */
  readonly model?: MarketModel;
}

/**
 * Runs a market headless and yields each interval's candles, one per asset in universe order,
 * as soon as the interval closes: memory stays flat however long the run.
 */
export function* simulateCandles(options: SimulationOptions): Generator<readonly Candle[]> {
  const { seed, assets, tickMs, intervalMs, startTime, days } = options;
  if (intervalMs % tickMs !== 0)
    throw new Error('The candle interval must be a whole number of ticks.');
  const market = Market.create(seed, assets, tickMs, startTime, options.model ?? 2);
  const n = assets.length;
  const open = assets.map((a) => Number(a.startPrice));
  const high = [...open];
  const low = [...open];
  const close = [...open];
  const volume = new Array<number>(n).fill(0);
  market.onTick = (_time, prices, volumes) => {
    for (let i = 0; i < n; i++) {
      const p = prices[i]!;
      if (p > high[i]!) high[i] = p;
      if (p < low[i]!) low[i] = p;
      close[i] = p;
      volume[i]! += volumes[i]!;
    }
  };
  const end = startTime + days * 86_400_000;
  for (let candleStart = startTime; candleStart < end; candleStart += intervalMs) {
    for (let t = candleStart + tickMs; t <= candleStart + intervalMs; t += tickMs) market.step(t);
    yield assets.map((_, i) => ({
      time: candleStart,
      open: open[i]!,
      high: high[i]!,
      low: low[i]!,
      close: close[i]!,
      volume: volume[i]!,
    }));
    for (let i = 0; i < n; i++) {
      open[i] = high[i] = low[i] = close[i]!;
      volume[i] = 0;
    }
  }
}
