import { tick } from 'svelte';
import * as z from 'zod/mini';
import type { AlertRule } from '../../engine/monitor/alert-rule.ts';
import type { MetricId } from '../../engine/monitor/metrics.ts';
import { describeIssues, resultSchema } from '../../schema/messages.ts';
import {
  alertRowSchema,
  alertRulesSchema,
  logRowSchema,
  metricCatalogueSchema,
  monitorPrefsSchema,
  monitorTickSchema,
  type AlertRow,
  type LogLevel,
  type LogRow,
  type MetricCatalogue,
  type MetricSampleRow,
  type MonitorPrefs,
  type MonitorTick,
} from '../../schema/monitor.ts';
import type { ComponentHealth, ComponentId } from '../../schema/dashboard-file.ts';
import type { SessionClient } from '../../worker/client.ts';
import type { PwaState } from '../pwa-state.svelte.ts';
import { FrameProbe, MemoryProbe, StorageProbe } from './probes.ts';

const tickResult = resultSchema(monitorTickSchema);
const rulesResult = resultSchema(alertRulesSchema);
const alertsResult = resultSchema(z.array(alertRowSchema));
const logsResult = resultSchema(z.array(logRowSchema));

/** Samples kept for the charts: ten minutes at the default period. */
const HISTORY = 600;
/** A worker that has not answered a sample in this long is reported down. */
const WORKER_TIMEOUT_MS = 5000;
/** The window over which the monitor's own cost is measured. */
const OVERHEAD_WINDOW_MS = 10_000;
const PREFS_KEY = 'powertrader.monitor-prefs';
const DEFAULT_PREFS: MonitorPrefs = { sound: false, notifications: false, intervalMs: 1000 };
const LABELS: Record<ComponentId, string> = {
  ui: 'Page (UI)',
  worker: 'Session worker',
  database: 'Database (IndexedDB)',
  'service-worker': 'Service worker (offline)',
  storage: 'Storage persistence',
};

function loadPrefs(): MonitorPrefs {
  try {
    const parsed = monitorPrefsSchema.safeParse(
      JSON.parse(localStorage.getItem(PREFS_KEY) ?? 'null'),
    );
    return parsed.success ? parsed.data : DEFAULT_PREFS;
  } catch {
    return DEFAULT_PREFS;
  }
}

/**
 * Live monitoring on the page: it samples the browser once a period, sends the sample to the
 * session worker (which adds its own figures, runs the alert rules and stores the alerts), and
 * hands raised alerts to the toast, the system notification and the sound. It times its own
 * work, so the dashboard can say what monitoring costs.
 */
/** Metrics about the app's own speed, which raise no toast unless critical. */
const QUIET_SOURCES = ['frames.', 'worker.', 'db.', 'monitor.'];

export class MonitorState {
  latest = $state.raw<MonitorTick | null>(null);
  history = $state.raw<readonly MetricSampleRow[]>([]);
  active = $state.raw<readonly AlertRow[]>([]);
  toasts = $state.raw<readonly AlertRow[]>([]);
  components = $state.raw<readonly ComponentHealth[]>([]);
  catalogue = $state.raw<MetricCatalogue>([]);
  rules = $state.raw<readonly AlertRule[]>([]);
  prefs = $state<MonitorPrefs>(loadPrefs());
  /** Megabytes the load test holds, and whether it is filling. */
  ballastMb = $state(0);
  filling = $state(false);
  readonly memory = new MemoryProbe({ performance, crossOriginIsolated });
  readonly frames = new FrameProbe(window);
  readonly storage = new StorageProbe(navigator);
  readonly startedAt = Date.now();
  /** Set while the dashboard is on screen: then each update's render time is measured. */
  watching = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  /** When the sample in flight was sent, or null when none is. */
  private asked: number | null = null;
  private roundtrip: number | null = null;
  private workerDown = false;
  private lastCommandMs: number | null = null;
  private ownBusy = 0;
  private costWindow: { at: number; busy: number }[] = [];
  private since: Partial<Record<ComponentId, { status: ComponentHealth['status']; at: number }>> =
    {};
  private ballast: number[][] = [];
  private audio: AudioContext | undefined;

  constructor(
    private readonly client: SessionClient,
    private readonly pwa: PwaState,
  ) {}

  /** Starts sampling; safe to call once at start-up. */
  async start(): Promise<void> {
    this.frames.start();
    new PerformanceObserver((list) => {
      for (const entry of list.getEntriesByName('command-persisted'))
        this.lastCommandMs = entry.duration;
    }).observe({ type: 'measure' });
    window.addEventListener(
      'error',
      (e) => void this.log('error', 'page', e.message || 'Script error'),
    );
    window.addEventListener(
      'unhandledrejection',
      (e) =>
        void this.log(
          'error',
          'page',
          `Unhandled: ${e.reason instanceof Error ? e.reason.message : String(e.reason)}`,
        ),
    );
    this.catalogue = metricCatalogueSchema.parse(await this.client.monitor.catalogue());
    await this.loadRules();
    this.schedule();
    void this.log('info', 'app', `Started: ${navigator.userAgent}`);
  }

  private schedule(): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => void this.sampleOnce(), this.prefs.intervalMs);
  }

  /**
   * One sample: read the probes, ask the worker, apply its answer. Its own time on the main
   * thread (probes, the message out, parsing and applying the answer) is counted as the cost of
   * monitoring; drawing the dashboard is not, it is measured on its own as `monitor-render`.
   */
  async sampleOnce(): Promise<void> {
    if (this.asked !== null) {
      // The last sample is still unanswered: after a while the worker counts as down.
      if (performance.now() - this.asked > WORKER_TIMEOUT_MS && !this.workerDown) {
        this.workerDown = true;
        this.updateComponents();
      }
      return;
    }
    const t0 = performance.now();
    this.asked = t0;
    const answer = this.client.monitor
      .sample({ at: Date.now(), values: this.readProbes() })
      .catch(() => undefined);
    this.ownBusy += performance.now() - t0;
    const reply = await answer;
    const t1 = performance.now();
    this.roundtrip = t1 - this.asked;
    this.asked = null;
    const parsed = tickResult.safeParse(reply);
    this.workerDown = !parsed.success || !parsed.data.ok;
    if (parsed.success && parsed.data.ok) this.apply(parsed.data.value);
    else this.updateComponents();
    this.ownBusy += performance.now() - t1;
    if (this.watching) {
      await tick();
      performance.measure('monitor-render', { start: t1 });
    }
  }

  private readProbes(): Partial<Record<MetricId, number | null>> {
    const memory = this.memory.read();
    const frames = this.frames.read();
    const storage = this.storage.read();
    const now = performance.now();
    const busy = this.ownBusy + this.frames.busy;
    this.costWindow.push({ at: now, busy });
    while (this.costWindow.length > 2 && now - this.costWindow[0]!.at > OVERHEAD_WINDOW_MS)
      this.costWindow.shift();
    const first = this.costWindow[0]!;
    const overhead = now - first.at >= 1000 ? ((busy - first.busy) / (now - first.at)) * 100 : null;
    return {
      'memory.heap-used': memory.heapUsed,
      'memory.heap-pct': memory.heapPct,
      'memory.tab': memory.tab,
      'storage.used': storage.used,
      'storage.used-pct': storage.pct,
      'frames.fps': frames.fps,
      'frames.long-frames': frames.longFrames,
      'frames.blocked-ms': frames.blockedMs,
      'monitor.overhead-pct': overhead,
      'worker.roundtrip-ms': this.roundtrip,
      'worker.command-ms': this.lastCommandMs,
    };
  }

  private apply(tickValue: MonitorTick): void {
    this.latest = tickValue;
    const history = this.history.length >= HISTORY ? this.history.slice(1) : this.history.slice();
    history.push(tickValue.sample);
    this.history = history;
    this.active = tickValue.active;
    for (const change of tickValue.changes)
      if (change.type === 'raised' && !change.alert.silent) this.announce(change.alert);
    this.updateComponents();
  }

  /**
   * Tells the person: a toast, and the system notification and sound if they chose them. The
   * app's own speed (frames, worker, database, the monitor) is for the alert centre, unless
   * critical: on a busy device a toast about slowness only adds to it and covers the page.
   */
  private announce(alert: AlertRow): void {
    if (alert.level !== 'critical' && QUIET_SOURCES.some((s) => alert.metric.startsWith(s))) return;
    this.toasts = [...this.toasts.filter((t) => t.ruleId !== alert.ruleId), alert].slice(-3);
    if (alert.level !== 'critical') setTimeout(() => this.dismiss(alert), 8000);
    if (
      this.prefs.notifications &&
      'Notification' in window &&
      Notification.permission === 'granted'
    )
      void this.notify(alert);
    if (this.prefs.sound) this.beep(alert.level === 'critical' ? 2 : 1);
  }

  private async notify(alert: AlertRow): Promise<void> {
    const title = `PowerTrader: ${alert.level}`;
    try {
      // Installed apps on phones show notifications only through the service worker.
      const registration = await navigator.serviceWorker?.getRegistration();
      if (registration)
        await registration.showNotification(title, { body: alert.message, tag: alert.ruleId });
      else new Notification(title, { body: alert.message, tag: alert.ruleId });
    } catch (error) {
      void this.log('warn', 'monitor', `A notification could not be shown: ${String(error)}`);
    }
  }

  private beep(times: number): void {
    // After a reload the choice is remembered but the audio is not: make it again. The browser
    // lets it play once the person has interacted with the page.
    const audio = (this.audio ??= new AudioContext());
    void audio.resume().catch(() => undefined);
    for (let i = 0; i < times; i++) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      gain.gain.value = 0.08;
      oscillator.frequency.value = 880;
      oscillator.connect(gain).connect(audio.destination);
      const at = audio.currentTime + i * 0.25;
      oscillator.start(at);
      oscillator.stop(at + 0.15);
    }
  }

  /** Removes a toast (the alert itself stays in the alert centre). */
  dismiss(alert: AlertRow): void {
    this.toasts = this.toasts.filter((t) => t !== alert);
  }

  /** Turns the alert sound on or off; turning it on plays one beep, from the click. */
  setSound(on: boolean): void {
    // Browsers let a page make sound only after a person's gesture: this click is that gesture.
    this.savePrefs({ ...this.prefs, sound: on });
    if (on) this.beep(1);
  }

  /** Turns system notifications on (asking the browser's permission) or off. */
  async setNotifications(on: boolean): Promise<string | null> {
    if (on) {
      if (!('Notification' in window)) return 'This browser cannot show notifications.';
      const permission = await Notification.requestPermission();
      if (permission !== 'granted')
        return 'The browser did not allow notifications; you can allow them in its site settings.';
    }
    this.savePrefs({ ...this.prefs, notifications: on });
    return null;
  }

  setInterval(intervalMs: MonitorPrefs['intervalMs']): void {
    this.savePrefs({ ...this.prefs, intervalMs });
    this.schedule();
  }

  private savePrefs(prefs: MonitorPrefs): void {
    this.prefs = monitorPrefsSchema.parse(prefs);
    localStorage.setItem(PREFS_KEY, JSON.stringify(this.prefs));
  }

  async loadRules(): Promise<void> {
    const answer = rulesResult.parse(await this.client.monitor.currentRules());
    if (answer.ok) this.rules = answer.value;
  }

  /** Saves edited rules; a refusal says why, and the rules in force stay as they were. */
  async saveRules(rules: readonly AlertRule[]): Promise<string | null> {
    const checked = alertRulesSchema.safeParse($state.snapshot(rules));
    if (!checked.success) return describeIssues(checked.error);
    const answer = rulesResult.parse(await this.client.monitor.setRules(checked.data));
    if (!answer.ok) return answer.message;
    this.rules = answer.value;
    return null;
  }

  async resetRules(): Promise<void> {
    const answer = rulesResult.parse(await this.client.monitor.resetRules());
    if (answer.ok) this.rules = answer.value;
  }

  async acknowledge(alert: AlertRow): Promise<void> {
    if (alert.id === undefined) return;
    await this.client.monitor.acknowledge(alert.id);
    this.active = this.active.map((a) => (a.id === alert.id ? { ...a, acknowledged: true } : a));
    this.dismiss(alert);
  }

  async recentAlerts(): Promise<AlertRow[]> {
    const answer = alertsResult.parse(await this.client.monitor.alerts(100));
    return answer.ok ? answer.value : [];
  }

  async logs(): Promise<LogRow[]> {
    const answer = logsResult.parse(await this.client.monitor.logs(500));
    return answer.ok ? answer.value : [];
  }

  /** Writes a line to the device's log (kept in IndexedDB, bounded). */
  async log(level: LogLevel, source: string, message: string): Promise<void> {
    await this.client.monitor
      .log({ level, source, message: message.slice(0, 2000) })
      .catch(() => undefined);
  }

  /** Works out each component's status, and since when it has had it. */
  private updateComponents(): void {
    const v = this.latest?.sample.values ?? {};
    const now = Date.now();
    const fps = v['frames.fps'];
    const blocked = v['frames.blocked-ms'];
    const txn = v['db.txn-ms'];
    const db = this.latest?.database;
    const persisted = this.pwa.persisted;
    const storagePct = v['storage.used-pct'];
    const list: [ComponentId, ComponentHealth['status'], string][] = [
      [
        'ui',
        fps == null ? 'ok' : fps < 30 || (blocked ?? 0) > 250 ? 'degraded' : 'ok',
        fps == null
          ? 'hidden: drawing nothing'
          : `${fps} fps, ${Math.round(blocked ?? 0)} ms blocked a second`,
      ],
      [
        'worker',
        this.workerDown ? 'down' : (this.roundtrip ?? 0) > 250 ? 'degraded' : 'ok',
        this.workerDown
          ? `no answer for over ${WORKER_TIMEOUT_MS / 1000} s`
          : `answers in ${Math.round(this.roundtrip ?? 0)} ms`,
      ],
      [
        'database',
        db && !db.ok ? 'down' : (txn ?? 0) > 200 ? 'degraded' : 'ok',
        db && !db.ok
          ? `last write failed: ${db.error}`
          : txn == null
            ? 'no writes this period'
            : `slowest write ${Math.round(txn)} ms`,
      ],
      [
        'service-worker',
        this.pwa.offline.state === 'ready'
          ? 'ok'
          : this.pwa.offline.state === 'preparing'
            ? 'degraded'
            : 'unavailable',
        this.pwa.offline.text,
      ],
      [
        'storage',
        persisted === null
          ? 'unavailable'
          : persisted && (storagePct ?? 0) < 80
            ? 'ok'
            : 'degraded',
        `${persisted === null ? 'asking' : persisted ? 'persistent' : 'may be cleared by the browser'}${this.latest?.shown['storage.used'] ? `, ${this.latest.shown['storage.used']} used` : ''}`,
      ],
    ];
    this.components = list.map(([id, status, detail]) => {
      const before = this.since[id];
      const since =
        before && before.status === status
          ? before.at
          : id === 'ui' && !before
            ? this.startedAt
            : now;
      this.since[id] = { status, at: since };
      return { id, label: LABELS[id], status, detail, since };
    });
  }

  /**
   * The load test: fills the page's JS heap to `targetPct` of its limit in 8 MB steps (or holds
   * 256 MB where the browser does not say its limit), so the memory alerts can be seen working.
   */
  async fillHeap(targetPct = 85): Promise<void> {
    if (this.filling) return;
    this.filling = true;
    try {
      const chunk = 1024 * 1024; // numbers of 8 bytes: 8 MB a step
      for (let step = 0; step < 1000; step++) {
        const { heapPct } = this.memory.read();
        if (heapPct === null ? this.ballastMb >= 256 : heapPct >= targetPct) break;
        this.ballast.push(new Array<number>(chunk).fill(step + 0.5));
        this.ballastMb = this.ballast.length * 8;
        // Let the page breathe and draw the progress.
        if (step % 4 === 3) await new Promise((r) => setTimeout(r, 0));
      }
      void this.log('warn', 'load-test', `Holding ${this.ballastMb} MB of test data.`);
    } finally {
      this.filling = false;
    }
  }

  /** Lets the load test's memory go; the browser reclaims it at its next garbage collection. */
  releaseHeap(): void {
    this.ballast = [];
    this.ballastMb = 0;
    void this.log('info', 'load-test', 'Released the test data.');
  }
}
