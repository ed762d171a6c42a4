import type { AssetSpec } from '../config.ts';
import { assertNever, ok, refuse, type Result } from '../result.ts';
import { Rng, type RngState } from '../rng.ts';
import { detExp, detLog } from './det-math.ts';
import { fatTailedShock } from './fast-shocks.ts';
import params from './params.json';
import type { Quote } from './quote.ts';
import { buildQuote } from './quote-book.ts';
import type { ActiveEffect, ScenarioEvent } from './scenario.ts';
import { cholesky, correlationFor } from './universe.ts';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const HOURS_PER_YEAR = 8760;
const { alpha: GARCH_ALPHA, beta: GARCH_BETA } = params.garchHourly;

/**
 * Regimes: calm spells last about 60 days, turbulent ones about 20 with three times the variance;
 * the calm multiplier keeps the long-run variance at the target.
 */
const CALM_TO_TURBULENT = 1 / (24 * 60);
const TURBULENT_TO_CALM = 1 / (24 * 20);
const TURBULENT_VARIANCE = 3;
const TURBULENT_SHARE = CALM_TO_TURBULENT / (CALM_TO_TURBULENT + TURBULENT_TO_CALM);
const CALM_VARIANCE = (1 - TURBULENT_SHARE * TURBULENT_VARIANCE) / (1 - TURBULENT_SHARE);
/** Market-wide jumps: one every 20 days on average, two daily volatilities in size, a fifth of the variance. */
const JUMPS_PER_HOUR = 1 / (20 * 24);
const JUMP_DAILY_VOLS = 2;
const DIFFUSION_SHARE = 1 - JUMPS_PER_HOUR * 24 * JUMP_DAILY_VOLS ** 2;
/** Student-t with 4 degrees of freedom has variance 2: this scales it to 1. */
const T4_SCALE = Math.SQRT1_2;

/**
 * Which generator makes the shocks. 1: Student-t draws from uniforms and logarithms, as every
 * session made before file version 3 has. 2: the same distribution from a ziggurat and a table
 * (`fast-shocks.ts`), which makes a tick about a third of model 1's cost; new sessions use it.
 * A session keeps its model for life, so each replays exactly.
 */
export type MarketModel = 1 | 2;

/** The market's resumable state: everything it needs to continue exactly. */
export interface MarketState {
  readonly rng: RngState;
  readonly spareNormal: number | null;
  /** The hour (time / 1 h) whose volatility is in force. */
  readonly hour: number;
  readonly turbulent: boolean;
  readonly prices: readonly number[];
  /** GARCH variance of deseasonalized hourly log returns, per asset. */
  readonly variances: readonly number[];
  /** Log return so far in the current hour, per asset. */
  readonly hourReturns: readonly number[];
  readonly effects: readonly ActiveEffect[];
}

/** Per-tick observer, for candles: time, prices and volumes by asset index. */
export type TickListener = (time: number, prices: Float64Array, volumes: Float64Array) => void;

/**
 * A seeded multi-asset crypto market: GARCH(1,1) volatility clustering on an hourly clock,
 * Student-t shocks correlated through a Cholesky factor, calm and turbulent regimes, market-wide
 * jumps, and the intraday and weekday rhythm of crypto volatility — calibrated to real data.
 */
export class Market {
  private readonly n: number;
  /** The Cholesky factor's lower triangle, row by row. */
  private readonly factor: Float64Array;
  private readonly targets: Float64Array;
  private readonly tickSigma: Float64Array;
  private readonly shocks: Float64Array;
  private readonly volumeScale: Float64Array;
  private readonly volumes: Float64Array;
  private readonly ticksPerHour: number;
  private readonly rng: Rng;
  private readonly prices: Float64Array;
  private readonly variances: Float64Array;
  private readonly hourReturns: Float64Array;
  /** The polar method's second value, kept for the next draw when `hasSpare`. */
  private spare = 0;
  private hasSpare: boolean;
  private hour: number;
  private turbulent: boolean;
  private effects: ActiveEffect[];
  /** The earliest `until` of the effects in force: the first tick after it ends that effect. */
  private nextExpiry = Infinity;
  private together = false;
  /** The time of the last tick: stepping to it again does nothing (sessions may share a market). */
  private steppedTo: number;
  private readonly halted: Uint8Array;
  /** The last quote made for each asset, and the stress it was made at (see `quote`). */
  private readonly quotes: (Quote | undefined)[] = [];
  private readonly quoteStress: number[] = [];
  /** Called after every tick, when set. */
  onTick: TickListener | undefined;

  private constructor(
    readonly assets: readonly AssetSpec[],
    readonly tickMs: number,
    time: number,
    state: MarketState,
    private readonly model: MarketModel,
  ) {
    this.n = assets.length;
    this.factor = Float64Array.from(
      cholesky(correlationFor(assets.map((a) => a.symbol))).flatMap((row, i) =>
        row.slice(0, i + 1),
      ),
    );
    this.targets = Float64Array.from(
      assets,
      (a) => (a.annualVolatility ** 2 / HOURS_PER_YEAR) * DIFFUSION_SHARE,
    );
    this.ticksPerHour = HOUR / tickMs;
    // Assumed turnover: about $1 billion a day for a coin as volatile as Bitcoin, less for wilder ones.
    this.volumeScale = Float64Array.from(
      assets,
      (a) => (1e9 * (0.6 / Math.max(0.1, a.annualVolatility)) ** 2) / (DAY / tickMs),
    );
    this.tickSigma = new Float64Array(this.n);
    this.shocks = new Float64Array(this.n);
    this.volumes = new Float64Array(this.n);
    this.halted = new Uint8Array(this.n);
    this.rng = Rng.fromState(state.rng);
    this.hasSpare = state.spareNormal !== null;
    if (state.spareNormal !== null) this.spare = state.spareNormal;
    this.hour = state.hour;
    this.turbulent = state.turbulent;
    this.prices = Float64Array.from(state.prices);
    this.variances = Float64Array.from(state.variances);
    this.hourReturns = Float64Array.from(state.hourReturns);
    this.effects = [...state.effects];
    this.steppedTo = time;
    // A resumed market applies the effects exactly as they stood: they end at the same tick
    // as in the session that was never interrupted, not at the moment of the resume.
    this.refreshHour();
  }

  /** A new market at its start prices, volatility at its long-run level. */
  static create(
    seed: string,
    assets: readonly AssetSpec[],
    tickMs: number,
    startTime: number,
    model: MarketModel,
  ): Market {
    if (HOUR % tickMs !== 0) throw new Error(`The tick (${tickMs} ms) must divide one hour.`);
    const prices = assets.map((a) => Number(a.startPrice));
    return new Market(
      assets,
      tickMs,
      startTime,
      {
        rng: Rng.fromSeed(`${seed}:market`).state(),
        spareNormal: null,
        hour: Math.floor(startTime / HOUR),
        turbulent: false,
        prices,
        variances: assets.map((a) => (a.annualVolatility ** 2 / HOURS_PER_YEAR) * DIFFUSION_SHARE),
        hourReturns: assets.map(() => 0),
        effects: [],
      },
      model,
    );
  }

  /** A market continuing from a saved state at `time`. */
  static fromState(
    assets: readonly AssetSpec[],
    tickMs: number,
    time: number,
    state: MarketState,
    model: MarketModel,
  ): Market {
    return new Market(assets, tickMs, time, state, model);
  }

  /** Advances one tick that ends at `time`. */
  step(time: number): void {
    if (time <= this.steppedTo) return;
    this.steppedTo = time;
    const hour = Math.floor((time - 1) / HOUR);
    if (hour !== this.hour) this.closeHour(hour, time);
    if (time > this.nextExpiry) this.expire(time);
    const n = this.n;
    const shocks = this.shocks;
    if (this.model === 2) for (let j = 0; j < n; j++) shocks[j] = fatTailedShock(this.rng);
    else for (let j = 0; j < n; j++) shocks[j] = this.studentT();
    const factor = this.factor;
    for (let i = n - 1, row = (n * (n - 1)) / 2; i >= 0; row -= i, i--) {
      if (this.halted[i]) {
        this.volumes[i] = 0;
        continue;
      }
      let e: number;
      if (this.together) e = shocks[0]!;
      else {
        e = 0;
        for (let j = 0; j <= i; j++) e += factor[row + j]! * shocks[j]!;
      }
      const sigma = this.tickSigma[i]!;
      const r = sigma * e - 0.5 * sigma * sigma;
      // e^r by its series: at tick sizes r is tiny and four terms are exact to the last bit.
      const growth = r > -1e-3 && r < 1e-3 ? 1 + r * (1 + r * (0.5 + r / 6)) : detExp(r);
      const price = this.prices[i]! * growth;
      this.prices[i] = price;
      this.hourReturns[i]! += r;
      this.volumes[i] = (this.volumeScale[i]! * (0.25 + Math.abs(e))) / price;
    }
    this.onTick?.(time, this.prices, this.volumes);
  }

  /** The last price of an asset on its tick grid, as a number of ticks (at least one). */
  lastTicks(index: number): number {
    return Math.max(1, Math.round(this.prices[index]! / Number(this.assets[index]!.tickSize)));
  }

  /** What the market offers for one asset now: bid, ask and depth. Reading it changes nothing. */
  quote(index: number, time: number): Quote {
    const midTicks = this.lastTicks(index);
    const stress = this.stress(index);
    const halted = this.halted[index] === 1;
    // A quote is a function of these inputs alone and never changes once made, so an order that
    // reads the book twice (its cash check, then its fill) reads the same quote.
    const last = this.quotes[index];
    if (
      last !== undefined &&
      last.time === time &&
      last.lastTicks === midTicks &&
      last.halted === halted &&
      this.quoteStress[index] === stress
    )
      return last;
    const quote = buildQuote({ asset: this.assets[index]!, time, midTicks, stress, halted });
    this.quotes[index] = quote;
    this.quoteStress[index] = stress;
    return quote;
  }

  /** Volatility of an asset now over its long-run level (1 = normal). */
  stress(index: number): number {
    return Math.sqrt(this.varianceMultiplier() * (this.variances[index]! / this.targets[index]!));
  }

  /** Applies a teaching scenario at `time`; refuses one that names an unknown asset. */
  applyScenario(event: ScenarioEvent, time: number): Result<true, 'unknown-symbol'> {
    const indexOf = (symbol: string | undefined) =>
      symbol === undefined ? -1 : this.assets.findIndex((a) => a.symbol === symbol);
    if ('symbol' in event && event.symbol !== undefined && indexOf(event.symbol) < 0) {
      return refuse('unknown-symbol', `There is no asset "${event.symbol}" in this session.`);
    }
    switch (event.type) {
      case 'flash-crash':
      case 'rally': {
        const factor = event.type === 'flash-crash' ? 1 - event.drop : 1 + event.rise;
        const target = indexOf(event.symbol);
        for (let i = 0; i < this.n; i++) {
          if (target >= 0 && i !== target) continue;
          this.prices[i]! *= factor;
        }
        if (event.type === 'flash-crash')
          this.effects.push({ type: 'volatility-spike', factor: 4, until: time + 6 * HOUR });
        break;
      }
      case 'volatility-spike':
        this.effects.push({
          type: 'volatility-spike',
          factor: event.factor,
          until: time + event.hours * HOUR,
        });
        break;
      case 'correlation-breakdown':
        this.effects.push({ type: 'correlation-breakdown', until: time + event.hours * HOUR });
        break;
      case 'halt':
        this.effects.push({ type: 'halt', symbol: event.symbol, until: time + event.hours * HOUR });
        break;
      default:
        return assertNever(event, 'scenario');
    }
    this.expire(time);
    return ok(true);
  }

  /** Whether an asset is halted now. */
  isHalted(index: number): boolean {
    return this.halted[index] === 1;
  }

  /** The resumable state, as plain JSON-able data. */
  state(): MarketState {
    return {
      rng: this.rng.state(),
      spareNormal: this.hasSpare ? this.spare : null,
      hour: this.hour,
      turbulent: this.turbulent,
      prices: Array.from(this.prices),
      variances: Array.from(this.variances),
      hourReturns: Array.from(this.hourReturns),
      effects: this.effects.map((e) => ({ ...e })),
    };
  }

  /** Ends an hour: GARCH update from its deseasonalized return, regime switch, a possible jump. */
  private closeHour(hour: number, time: number): void {
    for (let i = 0; i < this.n; i++) {
      const shock = this.hourReturns[i]! ** 2 / this.varianceMultiplier();
      const omega = this.targets[i]! * (1 - GARCH_ALPHA - GARCH_BETA);
      this.variances[i] = omega + GARCH_ALPHA * shock + GARCH_BETA * this.variances[i]!;
      this.hourReturns[i] = 0;
    }
    // Hours skipped by a long tick still count towards the variance's return to its level.
    for (let h = this.hour + 1; h < hour; h++) {
      for (let i = 0; i < this.n; i++) {
        this.variances[i] =
          this.targets[i]! * (1 - GARCH_ALPHA - GARCH_BETA) +
          (GARCH_ALPHA + GARCH_BETA) * this.variances[i]!;
      }
    }
    this.hour = hour;
    const u = this.rng.nextFloat();
    if (this.turbulent ? u < TURBULENT_TO_CALM : u < CALM_TO_TURBULENT)
      this.turbulent = !this.turbulent;
    if (this.rng.nextFloat() < JUMPS_PER_HOUR) {
      const size = this.normal() * JUMP_DAILY_VOLS;
      for (let i = 0; i < this.n; i++) {
        if (this.halted[i]) continue;
        const daily = Math.sqrt((this.targets[i]! * 24) / DIFFUSION_SHARE);
        this.prices[i]! *= detExp(size * daily - 0.5 * (JUMP_DAILY_VOLS * daily) ** 2);
      }
    }
    this.expire(time);
  }

  /**
   * Ends the scenario effects whose time is over: an effect until T moves every tick that ends
   * at T or before, and none after. Then recomputes what holds now.
   */
  private expire(time: number): void {
    this.effects = this.effects.filter((e) => e.until >= time);
    this.refreshHour();
  }

  /** Recomputes what holds for the current hour: seasonality, regime, scenario effects. */
  private refreshHour(): void {
    this.nextExpiry = Infinity;
    for (const effect of this.effects) this.nextExpiry = Math.min(this.nextExpiry, effect.until);
    this.together = this.effects.some((e) => e.type === 'correlation-breakdown');
    this.halted.fill(0);
    for (const effect of this.effects) {
      if (effect.type === 'halt')
        this.halted[this.assets.findIndex((a) => a.symbol === effect.symbol)] = 1;
    }
    for (let i = 0; i < this.n; i++) {
      this.tickSigma[i] = Math.sqrt(
        (this.variances[i]! * this.varianceMultiplier()) / this.ticksPerHour,
      );
    }
  }

  /** Variance multiplier now: intraday × weekday rhythm, regime, and scenario spikes. */
  private varianceMultiplier(): number {
    const hourOfDay = this.hour % 24;
    const weekday = (Math.floor(this.hour / 24) + 4) % 7;
    const seasonal = params.intradayVolatility[hourOfDay]! * params.weekdayVolatility[weekday]!;
    let multiplier = seasonal * seasonal * (this.turbulent ? TURBULENT_VARIANCE : CALM_VARIANCE);
    for (const effect of this.effects)
      if (effect.type === 'volatility-spike') multiplier *= effect.factor;
    return multiplier;
  }

  /** A standard normal draw (Marsaglia's polar method, the second value kept for the next call). */
  private normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    for (;;) {
      const u = 2 * this.rng.nextFloat() - 1;
      const v = 2 * this.rng.nextFloat() - 1;
      const s = u * u + v * v;
      if (s >= 1 || s === 0) continue;
      const f = Math.sqrt((-2 * detLog(s)) / s);
      this.spare = v * f;
      this.hasSpare = true;
      return u * f;
    }
  }

  /** A Student-t draw with 4 degrees of freedom, scaled to unit variance: fat tails. */
  private studentT(): number {
    const chiSquare4 = -2 * detLog((1 - this.rng.nextFloat()) * (1 - this.rng.nextFloat()));
    return (this.normal() / Math.sqrt(chiSquare4 / 4)) * T4_SCALE;
  }
}
