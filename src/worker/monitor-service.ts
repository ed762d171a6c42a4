import { DEFAULT_RULES, type AlertRule } from '../engine/monitor/alert-rule.ts';
import {
  evaluateAlerts,
  formatMetricValue,
  type AlertEvent,
  type AlertsState,
} from '../engine/monitor/evaluate-alerts.ts';
import { METRICS } from '../engine/monitor/metric-catalogue.ts';
import type { MetricId, MetricSample } from '../engine/monitor/metrics.ts';
import { ok, refuse, type Result } from '../engine/result.ts';
import type { PowerTraderDb } from '../db/database.ts';
import {
  acknowledgeAlert,
  appendLogs,
  loadRules,
  recentAlerts,
  recentLogs,
  recordAlerts,
  saveRules,
} from '../db/monitor-repository.ts';
import { describeError, describeIssues } from '../schema/messages.ts';
import {
  alertRulesSchema,
  metricSampleSchema,
  logRequestSchema,
  type AlertChange,
  type AlertRow,
  type LogLevel,
  type LogRow,
  type MetricCatalogue,
  type MonitorTick,
} from '../schema/monitor.ts';

/** Samples kept in memory: enough to attach the lead-up to an alert. */
const HISTORY = 60;
/** Samples of its metric stored with each alert. */
const ALERT_CONTEXT = 30;

/** What the page may report itself: its own figures and the round trips it timed. */
const PAGE_METRICS = new Set<MetricId>([
  ...(Object.values(METRICS)
    .filter((m) => m.source === 'browser')
    .map((m) => m.id) as MetricId[]),
  'worker.roundtrip-ms',
  'worker.command-ms',
]);

const LOG_LEVEL_OF_ALERT: Record<AlertRow['level'], LogLevel> = {
  info: 'info',
  warning: 'warn',
  critical: 'error',
};

/** What the monitor reads of the worker that hosts it. */
export interface MonitorHost {
  /** The open session's database, where rules, alerts and logs live. */
  database(): Promise<PowerTraderDb> | undefined;
  /** The worker's and the portfolio's figures now. */
  figures(): Partial<Record<MetricId, number | null>>;
}

/**
 * The alerting half of live monitoring, in the session worker: it merges the page's sample with
 * the worker's own figures, runs the rules, and stores every alert with its lead-up and a log
 * line, so the alert centre survives a reload.
 */
export class MonitorService {
  private rules: readonly AlertRule[] = DEFAULT_RULES;
  private rulesOf: PowerTraderDb | undefined;
  /** The stored rules being read: every call waits for them, not only the one that asked first. */
  private rulesRead: Promise<void> = Promise.resolve();
  private state: AlertsState = {};
  private history: MetricSample[] = [];
  private active = new Map<string, AlertRow>();
  private slowestWrite: number | null = null;
  private dbError: string | null = null;

  constructor(private readonly host: MonitorHost) {}

  /** Notes how long one IndexedDB write transaction took. */
  noteWrite(ms: number): void {
    this.slowestWrite = Math.max(this.slowestWrite ?? 0, ms);
    this.dbError = null;
  }

  /** Notes a write that failed, for the database's health. */
  noteWriteFailed(error: unknown): void {
    this.dbError = describeError(error);
    // The log lives in the same database, so this line may fail too; the health still shows it.
    const line: LogRow = {
      at: Date.now(),
      level: 'error',
      source: 'database',
      message: `A write failed: ${this.dbError}`,
    };
    void this.host
      .database()
      ?.then((db) => appendLogs(db, [line]))
      .catch(() => undefined);
  }

  /** Takes one sample: the page's figures plus the worker's; runs the rules; stores alerts. */
  async sample(input: unknown): Promise<Result<MonitorTick>> {
    const parsed = metricSampleSchema.safeParse(input);
    if (!parsed.success) return refuse('bad-sample', describeIssues(parsed.error));
    const db = await this.loadedDatabase();
    const at = parsed.data.at;
    const values: Partial<Record<MetricId, number | null>> = {};
    for (const [id, value] of Object.entries(parsed.data.values) as [MetricId, number | null][])
      if (PAGE_METRICS.has(id)) values[id] = value;
    Object.assign(values, this.host.figures(), { 'db.txn-ms': this.slowestWrite });
    this.slowestWrite = null;
    const sample: MetricSample = { at, values };
    this.history.push(sample);
    if (this.history.length > HISTORY) this.history.shift();
    const result = evaluateAlerts(this.rules, this.state, sample);
    this.state = result.state;
    const changes = result.events.length ? await this.store(db, result.events) : [];
    const shown: Partial<Record<MetricId, string>> = {};
    for (const [id, value] of Object.entries(values) as [MetricId, number | null][])
      if (value !== null && Number.isFinite(value))
        shown[id] = formatMetricValue(value, METRICS[id].unit);
    return ok({
      sample,
      shown,
      changes,
      active: [...this.active.values()],
      database: { ok: this.dbError === null, error: this.dbError },
    });
  }

  /** What each figure is: label, unit and meaning. */
  catalogue(): MetricCatalogue {
    return Object.values(METRICS);
  }

  /** The alert rules in force. */
  async currentRules(): Promise<Result<AlertRule[]>> {
    await this.loadedDatabase();
    return ok([...this.rules]);
  }

  /** Replaces the rules after checking every one; a refused set changes nothing. */
  async setRules(input: unknown): Promise<Result<AlertRule[]>> {
    const parsed = alertRulesSchema.safeParse(input);
    if (!parsed.success) return refuse('invalid-rules', describeIssues(parsed.error));
    const db = await this.loadedDatabase();
    if (db) {
      await saveRules(db, parsed.data);
      await appendLogs(db, [
        {
          at: Date.now(),
          level: 'info',
          source: 'monitor',
          message: `Alert rules saved (${parsed.data.length} rules).`,
        },
      ]);
    }
    this.rules = parsed.data;
    // An alert whose rule is gone is cleared now: nothing would ever clear it later.
    const kept = new Set(parsed.data.map((r) => r.id));
    const orphans = [...this.active.values()].filter((row) => !kept.has(row.ruleId));
    for (const row of orphans) this.active.delete(row.ruleId);
    const ids = orphans.flatMap((row) => (row.id === undefined ? [] : [row.id]));
    if (db && ids.length)
      await recordAlerts(
        db,
        [],
        ids.map((id) => ({ id, clearedAt: Date.now() })),
        [],
      );
    return ok([...this.rules]);
  }

  /** Goes back to the default rules. */
  resetRules(): Promise<Result<AlertRule[]>> {
    return this.setRules(DEFAULT_RULES);
  }

  /** The newest alerts, raised or cleared, for the alert centre's history. */
  async alerts(limit = 100): Promise<Result<AlertRow[]>> {
    const db = await this.loadedDatabase();
    return ok(db ? await recentAlerts(db, Math.min(500, Math.max(1, limit))) : []);
  }

  /** Marks an alert as seen. */
  async acknowledge(id: unknown): Promise<Result<true>> {
    const db = await this.loadedDatabase();
    if (typeof id !== 'number' || !Number.isInteger(id) || !db)
      return refuse('bad-request', 'That is not a stored alert.');
    for (const row of this.active.values()) if (row.id === id) row.acknowledged = true;
    return (await acknowledgeAlert(db, id))
      ? ok(true)
      : refuse('not-found', 'That alert is no longer stored.');
  }

  /** Appends a line to the device's log. */
  async log(input: unknown): Promise<Result<true>> {
    const parsed = logRequestSchema.safeParse(input);
    if (!parsed.success) return refuse('bad-log', describeIssues(parsed.error));
    const db = await this.loadedDatabase();
    if (db) await appendLogs(db, [{ at: Date.now(), ...parsed.data }]);
    return ok(true);
  }

  /** The newest log lines. */
  async logs(limit = 500): Promise<Result<LogRow[]>> {
    const db = await this.loadedDatabase();
    return ok(db ? await recentLogs(db, Math.min(2000, Math.max(1, limit))) : []);
  }

  /** The database of the open session, with the rules stored there loaded once. */
  private async loadedDatabase(): Promise<PowerTraderDb | undefined> {
    const db = await this.host.database();
    if (db && db !== this.rulesOf) {
      this.rulesOf = db;
      this.rulesRead = loadRules(db).then(
        (rules) => {
          this.rules = rules ?? DEFAULT_RULES;
        },
        (error: unknown) => {
          // Read again next time.
          this.rulesOf = undefined;
          throw error;
        },
      );
    }
    await this.rulesRead;
    return db;
  }

  private async store(
    db: PowerTraderDb | undefined,
    events: readonly AlertEvent[],
  ): Promise<AlertChange[]> {
    const raised: AlertRow[] = [];
    const cleared: { row: AlertRow; at: number }[] = [];
    const lines: LogRow[] = [];
    for (const event of events) {
      const rule = this.rules.find((r) => r.id === event.ruleId)!;
      if (event.type === 'raised') {
        raised.push({
          ruleId: rule.id,
          label: rule.label,
          metric: rule.metric,
          level: event.level,
          message: event.message,
          raisedAt: event.at,
          clearedAt: null,
          value: event.value,
          silent: event.silent,
          acknowledged: false,
          samples: this.history
            .slice(-ALERT_CONTEXT)
            .map((s) => [s.at, s.values[rule.metric] ?? null] as [number, number | null]),
        });
        lines.push({
          at: event.at,
          level: LOG_LEVEL_OF_ALERT[event.level],
          source: 'alert',
          message: event.message,
        });
      } else {
        const row = this.active.get(event.ruleId);
        if (row) cleared.push({ row, at: event.at });
        lines.push({ at: event.at, level: 'info', source: 'alert', message: event.message });
      }
    }
    let stored = raised;
    if (db) {
      const started = performance.now();
      try {
        stored = await recordAlerts(
          db,
          raised,
          cleared.flatMap(({ row, at }) =>
            row.id === undefined ? [] : [{ id: row.id, clearedAt: at }],
          ),
          lines,
        );
        this.noteWrite(performance.now() - started);
      } catch (error) {
        this.noteWriteFailed(error);
      }
    }
    const changes: AlertChange[] = [];
    for (const { row, at } of cleared) {
      this.active.delete(row.ruleId);
      changes.push({ type: 'cleared', alert: { ...row, clearedAt: at } });
    }
    for (const row of stored) {
      this.active.set(row.ruleId, row);
      changes.push({ type: 'raised', alert: row });
    }
    return changes;
  }
}
