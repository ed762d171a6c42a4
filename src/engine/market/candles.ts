/** Candle intervals the app and the CLI offer, in milliseconds. */
export const INTERVALS = {
  '1m': 60_000,
  '5m': 300_000,
  '1h': 3_600_000,
  '1d': 86_400_000,
} as const;
export type Interval = keyof typeof INTERVALS;

/** One OHLCV candle; `time` is its open time. Prices are unrounded; volume in the asset's units. */
export interface Candle {
  readonly time: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

const FIELDS = 6;

/**
 * Candles of one asset at one interval, built tick by tick in a fixed-size ring: the oldest
 * completed candle is dropped when it is full, so memory stays flat however long a session runs.
 */
export class CandleRing {
  private readonly data: Float64Array;
  private start = 0;
  private count = 0;
  private current: [number, number, number, number, number, number] | null = null;
  private lastClose: number | null = null;
  private drained = 0;

  constructor(
    readonly intervalMs: number,
    readonly capacity: number,
  ) {
    this.data = new Float64Array(capacity * FIELDS);
  }

  /** Adds a tick that ended at `time` (it belongs to the candle holding time − 1 ms). */
  update(time: number, price: number, volume: number): void {
    const open = Math.floor((time - 1) / this.intervalMs) * this.intervalMs;
    let c = this.current;
    if (!c || c[0] !== open) {
      if (c) this.push(c);
      const first = this.lastClose ?? price;
      c = this.current = [open, first, Math.max(first, price), Math.min(first, price), price, 0];
    }
    if (price > c[2]) c[2] = price;
    if (price < c[3]) c[3] = price;
    c[4] = price;
    c[5] += volume;
    this.lastClose = price;
  }

  /** Completed candles, oldest first, then the one still forming. */
  toArray(includeCurrent = true): Candle[] {
    const out: Candle[] = [];
    for (let k = 0; k < this.count; k++) out.push(this.read((this.start + k) % this.capacity));
    if (includeCurrent && this.current) out.push(toCandle(this.current));
    return out;
  }

  /** Candles completed since the last call (at most a ring's worth). */
  drainCompleted(): Candle[] {
    const fresh = Math.min(this.drained, this.count);
    this.drained = 0;
    const all = this.toArray(false);
    return all.slice(all.length - fresh);
  }

  private push(c: readonly number[]): void {
    const slot = (this.start + this.count) % this.capacity;
    this.data.set(c, slot * FIELDS);
    if (this.count < this.capacity) this.count++;
    else this.start = (this.start + 1) % this.capacity;
    this.drained++;
  }

  private read(slot: number): Candle {
    const d = this.data;
    const o = slot * FIELDS;
    return toCandle([d[o]!, d[o + 1]!, d[o + 2]!, d[o + 3]!, d[o + 4]!, d[o + 5]!]);
  }
}

function toCandle(c: readonly number[]): Candle {
  return { time: c[0]!, open: c[1]!, high: c[2]!, low: c[3]!, close: c[4]!, volume: c[5]! };
}
