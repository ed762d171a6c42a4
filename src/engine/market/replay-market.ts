import type { AssetSpec } from '../config.ts';
import { refuse, type Result } from '../result.ts';
import { Rng } from '../rng.ts';
import type { ImportedCandle } from './candle-csv.ts';
import { detLog } from './det-math.ts';
import type { TickListener } from './market.ts';
import type { Quote } from './quote.ts';
import type { ScenarioEvent } from './scenario.ts';
import { buildQuote } from './quote-book.ts';

/** Real candles a replay session runs on, as the session config stores them. */
export interface ReplaySource {
  readonly intervalMs: number;
  readonly candles: readonly ImportedCandle[];
}

/** What a replay needs to continue exactly: nothing but the time, as the path is regenerated from the seed. */
export interface ReplayState {
  readonly type: 'replay';
}

/**
 * A market that replays imported candles. Inside each candle the price follows a seeded bridge
 * open → first extreme → second extreme → close (low first on an up candle, high first on a down
 * one) with noise clamped to the candle's range, so no tick leaves [low, high] and every candle
 * is reproduced exactly. After the last candle the price stays at its close.
 */
export class ReplayMarket {
  onTick: TickListener | undefined;
  private readonly ticksPerCandle: number;
  private readonly prices = new Float64Array(1);
  private readonly volumes = new Float64Array(1);
  private path: Float64Array | null = null;
  private pathIndex = -1;

  constructor(
    private readonly seed: string,
    readonly asset: AssetSpec,
    private readonly tickMs: number,
    private readonly startTime: number,
    private readonly source: ReplaySource,
  ) {
    this.ticksPerCandle = source.intervalMs / tickMs;
    if (!Number.isInteger(this.ticksPerCandle) || this.ticksPerCandle < 4) {
      throw new Error('A replayed candle needs at least four ticks.');
    }
    this.prices[0] = Number(source.candles[0]!.open);
  }

  /** Where the price is at a simulated time (restores the price after a resume). */
  seek(time: number): void {
    if (time > this.startTime) this.priceAt(time);
  }

  /** Advances one tick that ends at `time`. */
  step(time: number): void {
    this.priceAt(time);
    this.onTick?.(time, this.prices, this.volumes);
  }

  lastTicks(_index: number): number {
    return Math.max(1, Math.round(this.prices[0]! / Number(this.asset.tickSize)));
  }

  quote(_index: number, time: number): Quote {
    return buildQuote({
      asset: this.asset,
      time,
      midTicks: this.lastTicks(0),
      stress: 1,
      halted: false,
    });
  }

  /** Real history cannot be rewritten by a scenario. */
  applyScenario(_event: ScenarioEvent, _time: number): Result<true, 'not-available'> {
    return refuse('not-available', 'Scenarios cannot change a replay of real candles.');
  }

  isHalted(_index: number): boolean {
    return false;
  }

  /** Real candles carry their own volatility; the replay adds no stress of its own. */
  stress(_index: number): number {
    return 1;
  }

  state(): ReplayState {
    return { type: 'replay' };
  }

  private priceAt(time: number): number {
    const elapsed = time - 1 - this.startTime;
    const k = Math.floor(elapsed / this.source.intervalMs);
    const candles = this.source.candles;
    if (k >= candles.length) {
      this.prices[0] = Number(candles.at(-1)!.close);
      this.volumes[0] = 0;
      return this.prices[0];
    }
    if (k !== this.pathIndex) {
      this.path = bridge(
        candles[k]!,
        this.ticksPerCandle,
        Rng.fromSeed(`${this.seed}:candle:${k}`),
      );
      this.pathIndex = k;
    }
    const position = Math.floor((elapsed - k * this.source.intervalMs) / this.tickMs);
    this.prices[0] = this.path![position]!;
    this.volumes[0] = Number(candles[k]!.volume) / this.ticksPerCandle;
    return this.prices[0];
  }
}

/** The seeded path through one candle: n prices, the last one its close. */
export function bridge(candle: ImportedCandle, n: number, rng: Rng): Float64Array {
  const [open, high, low, close] = [candle.open, candle.high, candle.low, candle.close].map(
    Number,
  ) as [number, number, number, number];
  const up = close >= open;
  const first = up ? low : high;
  const second = up ? high : low;
  const i1 = 1 + Math.floor(rng.nextFloat() * (n - 3));
  const i2 = i1 + 1 + Math.floor(rng.nextFloat() * (n - 2 - i1));
  const path = new Float64Array(n);
  const sigma = (high - low) / Math.sqrt(n) / 2;
  const leg = (from: number, fromIndex: number, to: number, toIndex: number) => {
    for (let i = fromIndex + 1; i <= toIndex; i++) {
      const t = (i - fromIndex) / (toIndex - fromIndex);
      const noise =
        i === toIndex ? 0 : normal(rng) * sigma * Math.sqrt(t * (1 - t) * (toIndex - fromIndex));
      path[i] = Math.min(high, Math.max(low, from + (to - from) * t + noise));
    }
  };
  leg(open, -1, first, i1);
  leg(first, i1, second, i2);
  leg(second, i2, close, n - 1);
  return path;
}

function normal(rng: Rng): number {
  for (;;) {
    const u = 2 * rng.nextFloat() - 1;
    const v = 2 * rng.nextFloat() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * detLog(s)) / s);
  }
}
