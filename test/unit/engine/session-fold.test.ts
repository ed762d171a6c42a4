import { describe, expect, it } from 'vitest';
import { Session, replay, replayFrom, stateHash } from '../../../src/engine/session.ts';
import { CONFIG, buy, deposit, minuteApart, sell } from '../../support/sessions.ts';

const log = minuteApart(
  deposit('50000'),
  buy('0.25'),
  buy('0.1'),
  sell('0.2'),
  deposit('10.5'),
  sell('0.15'),
);

async function hashOf(seed: string) {
  const result = replay(seed, CONFIG, log);
  if (!result.ok) throw new Error(result.message);
  return stateHash(result.value.snapshot());
}

describe('a session is a fold over its command log', () => {
  it('gives the same state hash for the same seed, config and commands', async () => {
    expect(await hashOf('seed-42')).toBe(await hashOf('seed-42'));
  });

  it('gives a different state for a different seed', async () => {
    expect(await hashOf('seed-42')).not.toBe(await hashOf('seed-43'));
  });

  it('resumes from a snapshot to exactly the state of a full replay', async () => {
    const head = replay('resume', CONFIG, log.slice(0, 3));
    if (!head.ok) throw new Error(head.message);
    const saved = JSON.parse(JSON.stringify(head.value.snapshot()));
    const resumed = replayFrom(Session.fromSnapshot(CONFIG, saved), log.slice(3));
    const full = replay('resume', CONFIG, log);
    if (!resumed.ok || !full.ok) throw new Error('replay failed');
    expect(await stateHash(resumed.value.snapshot())).toBe(await stateHash(full.value.snapshot()));
  });

  it('moves the market the same however the time is chopped up', async () => {
    const once = Session.create('chop', CONFIG);
    once.advanceTo(CONFIG.startTime + 3_600_000);
    const inSteps = Session.create('chop', CONFIG);
    for (let t = 0; t <= 3_600_000; t += 7_777) inSteps.advanceTo(CONFIG.startTime + t);
    inSteps.advanceTo(CONFIG.startTime + 3_600_000);
    expect(await stateHash(inSteps.snapshot())).toBe(await stateHash(once.snapshot()));
  });

  it('keeps prices positive and on the tick grid over a simulated day', () => {
    const session = Session.create('grid', CONFIG);
    for (let hour = 1; hour <= 24; hour++) {
      session.advanceTo(CONFIG.startTime + hour * 3_600_000);
      const price = session.lastPrice('BTC');
      expect(price.isPositive()).toBe(true);
      expect(price.modulo('0.01').isZero()).toBe(true);
    }
  });

  it('refuses a log whose commands are no longer valid, naming the command', () => {
    const edited = minuteApart(deposit('100'), buy('1'));
    const result = replay('edited', CONFIG, edited);
    expect(result).toMatchObject({ ok: false, code: 'invalid-log' });
    expect(!result.ok && result.message).toMatch(/Command 2 \(market-buy\) is refused on replay/);
  });

  it('refuses to go back in time', () => {
    const session = Session.create('time', CONFIG);
    session.advanceTo(CONFIG.startTime + 5000);
    expect(() => session.advanceTo(CONFIG.startTime)).toThrow(/back in time/);
  });
});
