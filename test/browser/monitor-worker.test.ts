import * as z from 'zod/mini';
import { afterEach, describe, expect, it } from 'vitest';
import { PowerTraderDb } from '../../src/db/database.ts';
import { LOG_CAP } from '../../src/db/monitor-repository.ts';
import { resultSchema } from '../../src/schema/messages.ts';
import { alertRowSchema, alertRulesSchema, monitorTickSchema } from '../../src/schema/monitor.ts';
import { freshDb, openTab, stopTabs } from '../support/worker-tabs.ts';

const ticks = resultSchema(monitorTickSchema);
const rules = resultSchema(alertRulesSchema);
const alerts = resultSchema(z.array(alertRowSchema));
afterEach(stopTabs);

describe('monitoring in the session worker, on real IndexedDB', () => {
  it('adds its own figures, raises an alert, stores it with its lead-up and clears it', async () => {
    const dbName = freshDb();
    const { client } = await openTab(dbName);
    const t = Date.now();
    const sample = async (at: number, heapPct: number) => {
      const answer = ticks.parse(
        await client.monitor.sample({ at, values: { 'memory.heap-pct': heapPct } }),
      );
      if (!answer.ok) throw new Error(answer.message);
      return answer.value;
    };
    const first = await sample(t, 40);
    expect(first.sample.values['portfolio.equity']).toBe(50000);
    expect(first.sample.values['worker.queue']).toBeGreaterThanOrEqual(0);
    expect(first.shown['portfolio.equity']).toBe('$50,000.00');
    await sample(t + 1000, 60);
    const raised = await sample(t + 2000, 88);
    expect(raised.changes).toMatchObject([{ type: 'raised', alert: { ruleId: 'heap-high' } }]);
    expect(raised.active.map((a) => a.ruleId)).toEqual(['heap-high']);
    expect(raised.changes[0]!.alert.samples.map((s) => s[1])).toEqual([40, 60, 88]);
    const cleared = await sample(t + 3000, 50);
    expect(cleared.changes).toMatchObject([{ type: 'cleared' }]);
    expect(cleared.active).toEqual([]);

    // A new tab finds the alert in the database, cleared, and the log line of each change.
    const { client: other } = await openTab(dbName);
    const stored = alerts.parse(await other.monitor.alerts(10));
    expect(stored.ok && stored.value.map((a) => [a.ruleId, a.clearedAt])).toEqual([
      ['heap-high', t + 3000],
    ]);
    const lines = (await other.monitor.logs(10)) as { ok: true; value: { message: string }[] };
    expect(lines.value.map((l) => l.message).filter((m) => m.startsWith('JS heap high'))).toEqual([
      'JS heap high: cleared, back to 50 %.',
      'JS heap high: JS heap of its limit is 88 %, above 80 %.',
    ]);
  });

  it('refuses a bad sample or rule set with a reason, and keeps the rules it had', async () => {
    const { client } = await openTab(freshDb());
    const bad = ticks.parse(await client.monitor.sample({ at: -1, values: {} }));
    expect(bad.ok).toBe(false);
    const before = rules.parse(await client.monitor.currentRules());
    if (!before.ok) throw new Error(before.message);
    const broken = before.value.map((r, i) => (i === 0 ? { ...r, clearAt: r.threshold + 1 } : r));
    const refused = rules.parse(await client.monitor.setRules(broken));
    expect(refused).toMatchObject({ ok: false, code: 'invalid-rules' });
    expect(!refused.ok && refused.message).toContain('clearAt');
    expect(rules.parse(await client.monitor.currentRules())).toEqual(before);
  });

  it('keeps the log bounded, dropping the oldest lines', async () => {
    const dbName = freshDb();
    const { client } = await openTab(dbName);
    const db = new PowerTraderDb(dbName);
    await db.logs.bulkAdd(
      Array.from({ length: LOG_CAP }, (_, i) => ({
        at: 1,
        level: 'debug' as const,
        source: 'test',
        message: `line ${i}`,
      })),
    );
    await client.monitor.log({ level: 'warn', source: 'test', message: 'the newest' });
    expect(await db.logs.count()).toBe(LOG_CAP);
    expect((await db.logs.orderBy('id').first())?.message).toBe('line 1');
    expect((await db.logs.orderBy('id').last())?.message).toBe('the newest');
    db.close();
  });

  it('gives every early caller the stored rules in a new tab, not the defaults', async () => {
    const dbName = freshDb();
    const { client } = await openTab(dbName);
    const before = rules.parse(await client.monitor.currentRules());
    if (!before.ok) throw new Error(before.message);
    const changed = before.value.map((r, i) => (i === 0 ? { ...r, muted: !r.muted } : r));
    expect(rules.parse(await client.monitor.setRules(changed)).ok).toBe(true);
    // A new tab's worker reads the rules while its database is still loading: the dashboard and
    // the sampler ask at once, and both must get what was saved.
    const { client: other } = await openTab(dbName);
    const [first, second] = await Promise.all([
      other.monitor.currentRules(),
      other.monitor.currentRules(),
    ]);
    expect(rules.parse(first)).toEqual({ ok: true, value: changed });
    expect(rules.parse(second)).toEqual({ ok: true, value: changed });
  });
});
