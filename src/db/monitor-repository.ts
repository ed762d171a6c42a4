import type { Table } from 'dexie';
import type * as z from 'zod/mini';
import {
  alertRowSchema,
  alertRulesSchema,
  logRowSchema,
  type AlertRow,
  type LogRow,
} from '../schema/monitor.ts';
import type { PowerTraderDb } from './database.ts';

/** The most log lines and alerts kept; older ones are dropped as new ones come. */
export const LOG_CAP = 2000;
export const ALERT_CAP = 500;
/** Changing this key needs a migration. */
const RULES_KEY = 'alert-rules';

type Rules = z.infer<typeof alertRulesSchema>;

/** The stored alert rules, or undefined when none were saved (or they no longer parse). */
export async function loadRules(db: PowerTraderDb): Promise<Rules | undefined> {
  const row = await db.settings.get(RULES_KEY);
  const parsed = alertRulesSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : undefined;
}

/** Saves the whole rule set; the caller has parsed it. */
export async function saveRules(db: PowerTraderDb, rules: Rules): Promise<void> {
  await db.settings.put({ key: RULES_KEY, value: alertRulesSchema.parse(rules) });
}

/**
 * Stores raised alerts, marks cleared ones and appends their log lines, in one transaction;
 * then trims both tables to their caps. Returns the raised alerts with their new ids.
 */
export async function recordAlerts(
  db: PowerTraderDb,
  raised: readonly AlertRow[],
  cleared: readonly { id: number; clearedAt: number }[],
  lines: readonly LogRow[],
): Promise<AlertRow[]> {
  const rows = raised.map((r) => alertRowSchema.parse(r));
  const logs = lines.map((l) => logRowSchema.parse(l));
  return db.transaction('rw', db.alerts, db.logs, async () => {
    const ids = await db.alerts.bulkAdd(rows, { allKeys: true });
    for (const c of cleared) await db.alerts.update(c.id, { clearedAt: c.clearedAt });
    if (logs.length) await db.logs.bulkAdd(logs);
    await trim(db.alerts, ALERT_CAP);
    await trim(db.logs, LOG_CAP);
    return rows.map((r, i) => ({ ...r, id: ids[i]! }));
  });
}

/** Appends log lines, keeping at most LOG_CAP of them. */
export async function appendLogs(db: PowerTraderDb, lines: readonly LogRow[]): Promise<void> {
  const logs = lines.map((l) => logRowSchema.parse(l));
  await db.transaction('rw', db.logs, async () => {
    await db.logs.bulkAdd(logs);
    await trim(db.logs, LOG_CAP);
  });
}

/** The newest alerts first. */
export async function recentAlerts(db: PowerTraderDb, limit: number): Promise<AlertRow[]> {
  const rows = await db.alerts.orderBy('id').reverse().limit(limit).toArray();
  return rows.map((r) => alertRowSchema.parse(r));
}

/** Marks an alert as seen by a person. */
export async function acknowledgeAlert(db: PowerTraderDb, id: number): Promise<boolean> {
  return (await db.alerts.update(id, { acknowledged: true })) === 1;
}

/** The newest log lines first. */
export async function recentLogs(db: PowerTraderDb, limit: number): Promise<LogRow[]> {
  const rows = await db.logs.orderBy('id').reverse().limit(limit).toArray();
  return rows.map((r) => logRowSchema.parse(r));
}

/** Deletes the oldest rows of a table beyond its cap. */
async function trim<T>(table: Table<T, number>, cap: number): Promise<void> {
  const extra = (await table.count()) - cap;
  if (extra > 0) await table.orderBy(':id').limit(extra).delete();
}
