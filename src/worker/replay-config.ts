import type { SessionConfig } from '../engine/config.ts';
import type { ImportedSeries } from '../engine/market/candle-csv.ts';

/** Ticks a candle interval can be cut into: the largest that still gives 60 ticks a candle. */
const TICKS = [300_000, 60_000, 30_000, 15_000, 10_000, 5000, 1000];

/** The session config that replays imported candles of one coin. */
export function replayConfig(symbol: string, series: ImportedSeries): SessionConfig {
  const { candles, intervalMs, tickSize } = series;
  const tickMs = TICKS.find((t) => intervalMs % t === 0 && intervalMs / t >= 60) ?? 1000;
  // The coin's volatility sets its simulated spread and depth; measured once here, then stored.
  const returns = candles
    .slice(1)
    .map((c, i) => Math.log(Number(c.close) / Number(candles[i]!.close)));
  const mean = returns.reduce((a, b) => a + b, 0) / returns.length;
  const variance =
    returns.reduce((a, r) => a + (r - mean) ** 2, 0) / Math.max(1, returns.length - 1);
  const annualVolatility = Math.min(5, Math.sqrt(variance * ((365 * 86_400_000) / intervalMs)));
  return {
    startTime: candles[0]!.time,
    tickMs,
    takerFeeRate: '0.001',
    assets: [
      {
        symbol,
        name: `${symbol} (real candles)`,
        tickSize,
        stepSize: '0.00000001',
        minNotional: '10',
        startPrice: candles[0]!.open,
        annualVolatility: Number(annualVolatility.toFixed(4)),
      },
    ],
    replay: { intervalMs, candles },
  };
}
