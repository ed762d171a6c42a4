import { describe, expect, it } from 'vitest';
import { LazyMonitor } from '../../../src/worker/lazy-monitor.ts';

// The monitor's code loads on its first call; the session writes from the moment it opens.
// What those writes said must reach the monitor's health, in the order they happened.
const noDatabase = () => new LazyMonitor({ database: () => undefined, figures: () => ({}) });

async function health(monitor: LazyMonitor) {
  const tick = await monitor.sample({ at: 1000, values: {} });
  if (!tick.ok) throw new Error(tick.message);
  return { database: tick.value.database, slowest: tick.value.sample.values['db.txn-ms'] };
}

describe('writes noted before the monitor has loaded', () => {
  it('report the slowest of them once it has', async () => {
    const monitor = noDatabase();
    monitor.noteWrite(4);
    monitor.noteWrite(9);
    monitor.noteWrite(2);
    expect(await health(monitor)).toEqual({ database: { ok: true, error: null }, slowest: 9 });
  });

  it('report a failure that no write came after', async () => {
    const monitor = noDatabase();
    monitor.noteWrite(3);
    monitor.noteWriteFailed(new Error('disk full'));
    const { database, slowest } = await health(monitor);
    expect(database.ok).toBe(false);
    expect(database.error).toContain('disk full');
    expect(slowest).toBe(3);
  });

  it('count a failure as mended by a write that succeeded after it', async () => {
    const monitor = noDatabase();
    monitor.noteWriteFailed(new Error('disk full'));
    monitor.noteWrite(5);
    expect(await health(monitor)).toEqual({ database: { ok: true, error: null }, slowest: 5 });
  });

  it('go straight to the monitor once it has loaded', async () => {
    const monitor = noDatabase();
    await monitor.catalogue();
    monitor.noteWrite(7);
    expect((await health(monitor)).slowest).toBe(7);
    expect((await health(monitor)).slowest).toBeNull();
  });
});
