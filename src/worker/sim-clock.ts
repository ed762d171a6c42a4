/**
 * Maps wall time to simulated time: simulated = base + (wall − wallBase) × speed while running.
 * Changing speed or pausing re-bases it, so simulated time never jumps.
 */
export class SimClock {
  private baseSim: number;
  private baseWall: number;
  private currentSpeed: number;
  private isRunning = false;

  constructor(
    simTime: number,
    speed: number,
    private readonly wallNow: () => number,
  ) {
    this.baseSim = simTime;
    this.baseWall = wallNow();
    this.currentSpeed = speed;
  }

  get running(): boolean {
    return this.isRunning;
  }

  get speed(): number {
    return this.currentSpeed;
  }

  /** Simulated time now, ms since the epoch (not yet rounded to a tick). */
  now(): number {
    if (!this.isRunning) return this.baseSim;
    return this.baseSim + (this.wallNow() - this.baseWall) * this.currentSpeed;
  }

  setRunning(running: boolean): void {
    this.rebase();
    this.isRunning = running;
  }

  setSpeed(speed: number): void {
    this.rebase();
    this.currentSpeed = speed;
  }

  /** Moves the clock so that now() is at least `simTime` (after a resume, say). */
  catchUp(simTime: number): void {
    if (simTime > this.now()) {
      this.baseSim = simTime;
      this.baseWall = this.wallNow();
    }
  }

  private rebase(): void {
    this.baseSim = this.now();
    this.baseWall = this.wallNow();
  }
}
