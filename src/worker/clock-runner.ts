import { refuse, ok, type Result } from '../engine/result.ts';
import type { Session } from '../engine/session.ts';
import type { MetricId } from '../engine/monitor/metrics.ts';
import { speedSchema, type Speed } from '../schema/messages.ts';
import type { ClockSettings } from '../schema/clock.ts';
import { SimClock } from './sim-clock.ts';

const CLOCK_INTERVAL_MS = 100;
const NOT_WRITER = 'Only the tab that owns the session runs its clock.';

/** What the clock needs of the session host. */
export interface ClockHost {
  /** The session the clock drives: only while this tab writes it. */
  driven(): Session | undefined;
  /** The session's tick, for stepping. */
  tickMs(): number;
  /** The market moved or the clock changed: there is something new to save and show. */
  changed(): void;
  /** Saves the clock's settings now (after a pause, a step or a new speed). */
  save(): Promise<void>;
  /** Called every clock period, so the host can save progress from time to time. */
  periodic(): void;
}

interface PaceSample {
  wall: number;
  sim: number;
  speed: Speed;
  elapsed: number;
  asked: number;
  done: number;
}

/**
 * The simulated clock of the session this tab writes: it advances the market with wall time at
 * the chosen speed (or as fast as it can at max), pauses and steps, and measures its own pace.
 */
export class ClockRunner {
  private clock: SimClock | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private currentSpeed: Speed = 1;
  /** The clock at the recent monitor samples, each with what its interval asked for and got. */
  private pace: PaceSample[] = [];

  constructor(private readonly host: ClockHost) {}

  get speed(): Speed {
    return this.currentSpeed;
  }

  get running(): boolean {
    return this.clock?.running ?? false;
  }

  /** Starts ticking from the session's time with the saved settings. */
  start(time: number, settings: ClockSettings): void {
    this.stop();
    this.currentSpeed = settings.speed;
    this.clock = new SimClock(time, numericSpeed(settings.speed), () => performance.now());
    this.clock.setRunning(settings.running);
    this.timer = setInterval(() => this.onTick(), CLOCK_INTERVAL_MS);
  }

  /** Keeps a clock that stays paused (a read-only session can still be stepped in memory). */
  startPaused(time: number): void {
    if (!this.clock) this.start(time, { running: false, speed: this.currentSpeed });
    this.clock!.setRunning(false);
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.clock = undefined;
  }

  settings(): ClockSettings {
    return { running: this.running, speed: this.currentSpeed };
  }

  /** Pauses or runs the clock. */
  async setRunning(running: unknown): Promise<Result<true>> {
    if (typeof running !== 'boolean')
      return refuse('bad-request', 'Running must be true or false.');
    if (!this.clock || !this.host.driven()) return refuse('not-writer', NOT_WRITER);
    this.advance();
    this.clock.setRunning(running);
    return this.changedAndSaved();
  }

  /** While paused, moves the market on by one tick, for looking at it step by step. */
  async step(): Promise<Result<true>> {
    const session = this.host.driven();
    if (!session || !this.clock) return refuse('not-writer', NOT_WRITER);
    if (this.clock.running) return refuse('running', 'Pause the clock before stepping.');
    session.advanceTo(session.time + this.host.tickMs());
    this.clock.catchUp(session.time);
    return this.changedAndSaved();
  }

  /** Changes simulated seconds per wall second. */
  async setSpeed(input: unknown): Promise<Result<true>> {
    const speed = speedSchema.safeParse(input);
    if (!speed.success)
      return refuse('bad-request', 'Choose a speed of 1×, 10×, 60×, 600× or max.');
    const session = this.host.driven();
    if (!this.clock || !session) return refuse('not-writer', NOT_WRITER);
    this.advance();
    // At max speed the worker advances as fast as it can and the wall clock does not matter;
    // on leaving it, the clock picks up from wherever the market got to.
    this.clock.catchUp(session.time);
    this.clock.setSpeed(numericSpeed(speed.data));
    this.currentSpeed = speed.data;
    return this.changedAndSaved();
  }

  /** Brings the market up to the clock (not at max speed, where the clock runs in bursts). */
  advance(): void {
    const session = this.host.driven();
    if (!session || !this.clock || this.currentSpeed === 'max') return;
    const before = session.time;
    session.advanceTo(Math.max(before, this.clock.now()));
    if (session.time !== before) this.host.changed();
  }

  /**
   * The pace for the monitor: simulated time gained over what the speed asked for, across the
   * last five samples, so one late tick does not count.
   */
  paceFigures(tickMs: number): Partial<Record<MetricId, number | null>> {
    const session = this.host.driven();
    const running = !!session && this.running;
    const paced = running && this.currentSpeed !== 'max';
    const wall = performance.now();
    const last = this.pace.at(-1);
    // A pause or a new speed starts the measurement over: the old intervals asked for another pace.
    if (!running || (last && last.speed !== this.currentSpeed)) this.pace = [];
    else {
      const elapsed = last ? wall - last.wall : 0;
      this.pace.push({
        wall,
        sim: session.time,
        speed: this.currentSpeed,
        elapsed,
        asked: elapsed * numericSpeed(this.currentSpeed),
        done: last ? session.time - last.sim : 0,
      });
      if (this.pace.length > 6) this.pace.shift();
    }
    const sum = (key: 'asked' | 'done' | 'elapsed') =>
      this.pace.reduce((total, p) => total + p[key], 0);
    const asked = sum('asked');
    return {
      // Under two simulated ticks of asking, the ratio would only measure tick rounding.
      'worker.tick-ratio': paced && asked >= 2 * tickMs ? sum('done') / asked : null,
      'worker.sim-speed': running && sum('elapsed') >= 1000 ? sum('done') / sum('elapsed') : null,
    };
  }

  /** Forgets the pace measured so far (another session opened). */
  resetPace(): void {
    this.pace = [];
  }

  private onTick(): void {
    if (this.currentSpeed === 'max' && this.running) this.burst();
    else this.advance();
    this.host.periodic();
  }

  /** At max speed: advance the market for most of one clock period, a simulated minute at a time. */
  private burst(): void {
    const session = this.host.driven();
    if (!session) return;
    const deadline = performance.now() + CLOCK_INTERVAL_MS * 0.7;
    while (performance.now() < deadline) session.advanceTo(session.time + 60_000);
    this.host.changed();
  }

  private async changedAndSaved(): Promise<Result<true>> {
    this.host.changed();
    await this.host.save();
    return ok(true);
  }
}

/** The clock's rate for a speed setting; max speed does not use the clock's rate. */
function numericSpeed(speed: Speed): number {
  return speed === 'max' ? 1 : speed;
}
