import type { MonitorHost, MonitorService } from './monitor-service.ts';

/** A write's outcome noted before the monitor's code has loaded, replayed in order once it has. */
type EarlyNote = { type: 'write'; ms: number } | { type: 'failed'; error: unknown };

/**
 * The session worker's monitor as the page reaches it (`client.monitor.…`), with the same
 * methods as `MonitorService`. The rules, the alert evaluation and the metric catalogue load on
 * the first call, after the session's first view, so that opening a session does not wait for
 * them; the writes noted before then are kept and handed over.
 */
export class LazyMonitor {
  private service: MonitorService | undefined;
  private loading: Promise<MonitorService> | undefined;
  private early: EarlyNote[] = [];

  constructor(private readonly host: MonitorHost) {}

  /** Notes how long one IndexedDB write transaction took. */
  noteWrite(ms: number): void {
    if (this.service) return this.service.noteWrite(ms);
    // Only the slowest counts: consecutive writes fold into one note.
    const last = this.early.at(-1);
    if (last?.type === 'write') last.ms = Math.max(last.ms, ms);
    else this.early.push({ type: 'write', ms });
  }

  /** Notes a write that failed, for the database's health and the device's log. */
  noteWriteFailed(error: unknown): void {
    if (this.service) return this.service.noteWriteFailed(error);
    this.early.push({ type: 'failed', error });
    void this.loaded();
  }

  sample = async (input: unknown) => (await this.loaded()).sample(input);
  catalogue = async () => (await this.loaded()).catalogue();
  currentRules = async () => (await this.loaded()).currentRules();
  setRules = async (input: unknown) => (await this.loaded()).setRules(input);
  resetRules = async () => (await this.loaded()).resetRules();
  alerts = async (limit?: number) => (await this.loaded()).alerts(limit);
  acknowledge = async (id: unknown) => (await this.loaded()).acknowledge(id);
  log = async (input: unknown) => (await this.loaded()).log(input);
  logs = async (limit?: number) => (await this.loaded()).logs(limit);

  private loaded(): Promise<MonitorService> {
    this.loading ??= import('./monitor-service.ts').then(({ MonitorService }) => {
      const service = new MonitorService(this.host);
      for (const note of this.early.splice(0))
        if (note.type === 'write') service.noteWrite(note.ms);
        else service.noteWriteFailed(note.error);
      this.service = service;
      return service;
    });
    return this.loading;
  }
}
