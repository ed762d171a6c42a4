import { afterEach, describe, expect, it } from 'vitest';
import { PowerTraderDb } from '../../src/db/database.ts';
import { Session, replay, stateHash } from '../../src/engine/session.ts';
import { commandAckSchema, resultSchema, sessionViewSchema } from '../../src/schema/messages.ts';
import { freshDb, hashOf, openTab, stopTabs } from '../support/worker-tabs.ts';

const views = resultSchema(sessionViewSchema);
const acks = resultSchema(commandAckSchema);
afterEach(stopTabs);

async function dump(dbName: string) {
  const db = new PowerTraderDb(dbName);
  const tables = {
    sessions: await db.sessions.toArray(),
    commands: await db.commands.toArray(),
    snapshots: await db.snapshots.toArray(),
  };
  db.close();
  return tables;
}

describe('the session worker with real IndexedDB', () => {
  it('starts a new session with its opening deposit, as the writer', async () => {
    const tab = await openTab(freshDb());
    expect(tab.view.role).toBe('leader');
    expect(tab.view.portfolio.cash).toBe('50000');
    expect(tab.view.portfolio.seq).toBe(1);
  });

  it('names a second demo of the same seed apart from the first', async () => {
    const dbName = freshDb();
    const tab = await openTab(dbName);
    views.parse(await tab.client.startDemo('42'));
    views.parse(await tab.client.startDemo('42'));
    const names = (await dump(dbName)).sessions.map((s) => s.name).filter((n) => /^Demo/.test(n));
    expect(names.sort()).toEqual(['Demo, seed 42', 'Demo, seed 42 (2)']);
  });

  it('has a command durable in IndexedDB when it acknowledges it', async () => {
    const dbName = freshDb();
    const tab = await openTab(dbName);
    const ack = acks.parse(
      await tab.client.submit({ type: 'market-buy', symbol: 'BTC', quantity: '0.01' }),
    );
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    // Kill the worker at once, as a crashed tab would: what was acknowledged must be there.
    tab.stop();
    const stored = await dump(dbName);
    expect(stored.commands.map((c) => [c.seq, c.command.type])).toEqual([
      [1, 'deposit'],
      [2, 'market-buy'],
    ]);
    // Between checkpoints only the command is written: the log, replayed, holds the position.
    const row = stored.sessions[0]!;
    const replayed = replay(row.seed, row.config, stored.commands);
    if (!replayed.ok) throw new Error(replayed.message);
    expect(replayed.value.view().positions.map((p) => [p.symbol, p.quantity])).toEqual([
      ['BTC', '0.01'],
    ]);
  });

  it('writes a snapshot every 100 commands and resumes a killed tab exactly from it', async () => {
    const dbName = freshDb();
    const tab = await openTab(dbName);
    await tab.client.setRunning(false);
    for (let i = 0; i < 149; i++) {
      const command =
        i % 10 === 0
          ? { type: 'market-buy', symbol: 'ETH', quantity: '0.01' }
          : { type: 'deposit', amount: '1.25' };
      const ack = acks.parse(await tab.client.submit(command));
      if (!ack.ok) throw new Error(ack.message);
    }
    const before = await hashOf(tab.client);
    // Killed, not closed: no final save. The snapshot is the checkpoint at command 100, or a
    // later one if the clock's periodic save ran on a slow machine.
    tab.stop();
    const stored = await dump(dbName);
    expect(stored.commands).toHaveLength(150);
    expect(stored.snapshots[0]!.state.seq).toBeGreaterThanOrEqual(100);
    const again = await openTab(dbName);
    expect(again.view.portfolio.seq).toBe(150);
    expect(await hashOf(again.client)).toBe(before);
  });

  it('resumes a session to the same state hash, which a full replay of its log confirms', async () => {
    const dbName = freshDb();
    const first = await openTab(dbName);
    await first.client.submit({ type: 'market-buy', symbol: 'BTC', quantity: '0.015' });
    await first.client.submit({ type: 'market-sell', symbol: 'BTC', quantity: '0.005' });
    await first.client.setRunning(false);
    const before = await hashOf(first.client);
    await first.client.close();
    first.stop();

    const second = await openTab(dbName);
    const after = await hashOf(second.client);
    expect(after).toBe(before);

    const stored = await dump(dbName);
    const row = stored.sessions[0]!;
    const replayed = replay(row.seed, row.config, stored.commands);
    if (!replayed.ok) throw new Error(replayed.message);
    replayed.value.advanceTo(stored.snapshots[0]!.state.time);
    expect(await stateHash(replayed.value.snapshot())).toBe(after);
    expect(replayed.value).toBeInstanceOf(Session);
  });

  it('sends a hidden page no views while the market runs, and one fresh view when it is seen', async () => {
    const WAIT = { timeout: 20_000 };
    const tab = await openTab(freshDb());
    const pushed = () => tab.messages.filter((m) => m.type === 'view');
    await tab.client.setSpeed(600);
    await expect.poll(() => pushed().length, WAIT).toBeGreaterThan(0);
    await tab.client.setVisible(false);
    const timeAt = async () => {
      const now = views.parse(await tab.client.current());
      return now.ok ? now.value.portfolio.time : 0;
    };
    // Ten simulated minutes pass (a second at 600×), twice: in the second, nothing is sent.
    await expect.poll(timeAt, WAIT).toBeGreaterThan((await timeAt()) + 600_000);
    const hiddenAt = pushed().length;
    const hiddenTime = await timeAt();
    await expect.poll(timeAt, WAIT).toBeGreaterThan(hiddenTime + 600_000);
    expect(pushed()).toHaveLength(hiddenAt);
    await tab.client.setVisible(true);
    await expect.poll(() => pushed().length, WAIT).toBeGreaterThan(hiddenAt);
    const fresh = pushed()[hiddenAt]!;
    expect(fresh.type === 'view' && fresh.view.portfolio.time).toBeGreaterThan(
      hiddenTime + 600_000,
    );
  }, 90_000);

  it('writes nothing for a refused command and says why', async () => {
    const dbName = freshDb();
    const tab = await openTab(dbName);
    await tab.client.setRunning(false);
    const before = await dump(dbName);
    const refused = acks.parse(
      await tab.client.submit({ type: 'market-sell', symbol: 'BTC', quantity: '1' }),
    );
    expect(refused).toEqual({
      ok: false,
      code: 'insufficient-position',
      message: 'You have 0 BTC free to sell; you cannot sell 1.',
    });
    const invalid = acks.parse(
      await tab.client.submit({ type: 'market-buy', symbol: 'BTC', quantity: 1 }),
    );
    expect(invalid).toMatchObject({ ok: false, code: 'invalid-command' });
    expect(await dump(dbName)).toEqual(before);
  });

  it('lets only one tab write, and hands over safely when another takes over', async () => {
    const dbName = freshDb();
    const first = await openTab(dbName);
    const second = await openTab(dbName);
    expect(first.view.role).toBe('leader');
    expect(second.view.role).toBe('follower');

    const blocked = acks.parse(await second.client.submit({ type: 'deposit', amount: '5' }));
    expect(blocked).toMatchObject({ ok: false, code: 'not-writer' });

    await first.client.submit({ type: 'deposit', amount: '1' });
    const taken = views.parse(await second.client.takeOver());
    expect(taken.ok && taken.value.role).toBe('leader');
    // The new writer sees everything the old one committed.
    expect(taken.ok && taken.value.portfolio.cash).toBe('50001');

    const stale = acks.parse(await first.client.submit({ type: 'deposit', amount: '2' }));
    expect(stale).toMatchObject({ ok: false, code: 'not-writer' });
    const fresh = acks.parse(await second.client.submit({ type: 'deposit', amount: '3' }));
    expect(fresh.ok && fresh.value.seq).toBe(3);

    const stored = await dump(dbName);
    expect(stored.commands.map((c) => c.command)).toEqual([
      { type: 'deposit', amount: '50000' },
      { type: 'deposit', amount: '1' },
      { type: 'deposit', amount: '3' },
    ]);
    const firstView = views.parse(await first.client.current());
    expect(firstView.ok && firstView.value.role).toBe('follower');
  });
});

describe('the fenced append', () => {
  it('answers "not-writer" to a stale writer even when its sequence number collides', async () => {
    const dbName = freshDb();
    const first = await openTab(dbName);
    await first.client.setRunning(false);
    const second = await openTab(dbName);
    await second.client.takeOver();
    const fresh = acks.parse(await second.client.submit({ type: 'deposit', amount: '7' }));
    expect(fresh.ok && fresh.value.seq).toBe(2);
    // The first tab may not have heard yet that it lost the lock; its seq 2 collides.
    const stale = acks.parse(await first.client.submit({ type: 'deposit', amount: '9' }));
    expect(stale).toMatchObject({ ok: false, code: 'not-writer' });
    const stored = await dump(dbName);
    expect(stored.commands.map((c) => c.command)).toEqual([
      { type: 'deposit', amount: '50000' },
      { type: 'deposit', amount: '7' },
    ]);
  });
});
