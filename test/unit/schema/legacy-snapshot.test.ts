import { describe, expect, it } from 'vitest';
import { Session, stateHash } from '../../../src/engine/session.ts';
import { sessionRowSchema, snapshotRowSchema } from '../../../src/schema/rows.ts';
import { resumeSession } from '../../../src/worker/resume-session.ts';
import { CONFIG } from '../../support/sessions.ts';

const SMALL = { ...CONFIG, tickMs: 60_000, assets: CONFIG.assets.slice(0, 2) };

describe('a snapshot stored by the version before round-trip statistics', () => {
  it('still opens: read as the current version, then rebuilt from the whole log', async () => {
    const live = Session.create('legacy', SMALL);
    const commands = [
      { type: 'deposit', amount: '10000' },
      { type: 'market-buy', symbol: 'BTC', quantity: '0.01' },
      { type: 'market-sell', symbol: 'BTC', quantity: '0.01' },
    ] as const;
    const logged = commands.map((command) => {
      const at = live.time;
      const applied = live.apply(command);
      if (!applied.ok) throw new Error(applied.message);
      live.advanceTo(live.time + 3_600_000);
      return { sessionId: 'legacy-1', seq: live.seq, at, command };
    });
    const current = live.snapshot();
    // What version 2 wrote: no break-even count, no open trips, its own hash.
    const { breakEven: _b, openTrips: _o, ...oldStats } = current.stats;
    const stored = snapshotRowSchema.parse({
      sessionId: 'legacy-1',
      hash: 'ab'.repeat(32),
      savedAt: 1,
      clock: { running: false, speed: 1 },
      state: { ...current, version: 2, stats: oldStats },
    });
    expect(stored.state.version).toBe(3);
    const row = sessionRowSchema.parse({
      id: 'legacy-1',
      name: 'Old session',
      seed: 'legacy',
      config: SMALL,
      createdAt: 1,
      writerEpoch: 0,
    });
    const resumed = await resumeSession({ row, snapshot: stored, commandsAfter: [] }, async () =>
      logged.map(({ at, command }) => ({ at, command })),
    );
    expect(resumed.ok).toBe(true);
    if (!resumed.ok) return;
    resumed.value.advanceTo(live.time);
    expect(await stateHash(resumed.value.snapshot())).toBe(await stateHash(current));
  });
});
