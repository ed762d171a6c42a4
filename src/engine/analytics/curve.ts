import { Dec } from '../decimal.ts';

/** One sample of the equity curve: equity, the part invested, and net deposits so far. */
export type CurvePoint = readonly [equity: string, invested: string, netDeposits: string];

/** The equity curve: evenly spaced samples from `start`, `intervalMs` apart. */
export interface CurveState {
  readonly start: number;
  readonly intervalMs: number;
  readonly points: readonly CurvePoint[];
  /** Equity at the first sample of the current UTC day, for the day's P&L. */
  readonly day: number;
  readonly dayStartEquity: string;
  /** Net deposits at that sample: money moved in or out later in the day is not P&L. */
  readonly dayStartNet: string;
}

const MAX_POINTS = 500;
const FIRST_INTERVAL_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * Samples equity every simulated minute (every sixty ticks of a coarser market); when the curve is full it keeps every second sample
 * and doubles the interval, so it stays evenly spaced and bounded however long the session runs.
 */
export class EquityCurve {
  private readonly points: CurvePoint[];
  private intervalMs: number;
  private day: number;
  private dayStartEquity: string;
  private dayStartNet: string;

  private constructor(
    private readonly start: number,
    state?: CurveState,
    firstInterval = FIRST_INTERVAL_MS,
  ) {
    this.points = [...(state?.points ?? [])];
    this.intervalMs = state?.intervalMs ?? firstInterval;
    this.day = state?.day ?? Math.floor(start / DAY_MS);
    this.dayStartEquity = state?.dayStartEquity ?? '0';
    this.dayStartNet = state?.dayStartNet ?? '0';
  }

  /** A new curve; a coarse market (long ticks) is sampled every sixty ticks at most. */
  static create(start: number, tickMs = 1000): EquityCurve {
    return new EquityCurve(start, undefined, Math.max(FIRST_INTERVAL_MS, tickMs * 60));
  }

  static fromState(state: CurveState): EquityCurve {
    return new EquityCurve(state.start, state);
  }

  /** Simulated time of the next sample. */
  get nextAt(): number {
    return this.start + this.points.length * this.intervalMs;
  }

  /** What the account started the day with, counting the day's deposits and withdrawals. */
  dayBase(netDeposits: Dec): Dec {
    return new Dec(this.dayStartEquity).plus(netDeposits).minus(this.dayStartNet);
  }

  /** Records the sample due at `nextAt` (the caller computes the figures at that tick). */
  record(time: number, point: CurvePoint): void {
    this.points.push(point);
    if (this.points.length > MAX_POINTS) {
      let kept = 0;
      for (let i = 0; i < this.points.length; i += 2) this.points[kept++] = this.points[i]!;
      this.points.length = kept;
      this.intervalMs *= 2;
    }
    if (Math.floor(time / DAY_MS) !== this.day) {
      this.day = Math.floor(time / DAY_MS);
      this.dayStartEquity = point[0];
      this.dayStartNet = point[2];
    }
  }

  snapshot(): CurveState {
    return {
      start: this.start,
      intervalMs: this.intervalMs,
      points: [...this.points],
      day: this.day,
      dayStartEquity: this.dayStartEquity,
      dayStartNet: this.dayStartNet,
    };
  }
}
