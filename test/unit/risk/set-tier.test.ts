import { describe, expect, it } from 'vitest';
import type { Command, TimedCommand } from '../../../src/engine/commands.ts';
import { TIERS } from '../../../src/engine/risk/tiers.ts';
import { Session, replay, replayLog, stateHash } from '../../../src/engine/session.ts';
import { commandSchema } from '../../../src/schema/command.ts';
import { AT_LAST, START, buy, deposit } from '../../support/sessions.ts';

const MINUTE = 60_000;
const MODERATE = { ...AT_LAST, risk: TIERS.moderate };
const setTier = (tier: 'conservative' | 'moderate' | 'aggressive' | 'none'): Command => ({
  type: 'set-tier',
  tier,
});

/** A session of $49,973.07 at the start, where BTC's last price is $49,973.07. */
function atReportEquity() {
  const s = Session.create('tiers', MODERATE);
  s.apply(deposit('49973.07'));
  return s;
}

describe('a tier change is a command of the log', () => {
  const log: TimedCommand[] = [
    { at: START, command: deposit('50000') },
    { at: START + MINUTE, command: buy('0.01') },
    { at: START + 2 * MINUTE, command: setTier('aggressive') },
    { at: START + 30 * MINUTE, command: buy('0.1', 'ETH') },
    { at: START + 60 * MINUTE, command: setTier('conservative') },
  ];

  it('replays to the state hash of the live session, and of one resumed from its snapshot', async () => {
    const live = Session.create('tiers', MODERATE);
    for (const { at, command } of log) {
      live.advanceTo(at);
      expect(live.apply(command).ok, command.type).toBe(true);
    }
    live.advanceTo(START + 90 * MINUTE);
    const replayed = replay('tiers', MODERATE, log);
    if (!replayed.ok) throw new Error(replayed.message);
    replayed.value.advanceTo(START + 90 * MINUTE);
    expect(await stateHash(replayed.value.snapshot())).toBe(await stateHash(live.snapshot()));

    // Stopped after the first change, stored, resumed, then given the rest of the log.
    const first = replay('tiers', MODERATE, log.slice(0, 3));
    if (!first.ok) throw new Error(first.message);
    const stored = JSON.parse(JSON.stringify(first.value.snapshot()));
    const resumed = replayLog(Session.fromSnapshot(MODERATE, stored), log.slice(3), 4);
    if (!resumed.ok) throw new Error(resumed.message);
    resumed.value.advanceTo(START + 90 * MINUTE);
    expect(await stateHash(resumed.value.snapshot())).toBe(await stateHash(live.snapshot()));
    expect(resumed.value.view().tier).toBe('Conservative');
    expect(resumed.value.tierChanges).toEqual([
      { at: START + 2 * MINUTE, tier: 'aggressive' },
      { at: START + 60 * MINUTE, tier: 'conservative' },
    ]);
  });

  it('leaves the state of a log without one as it was: no tier changes are written', () => {
    const s = atReportEquity();
    expect('tierChanges' in s.snapshot().risk).toBe(false);
  });

  it('is refused when it names the tier already in force, and the session is unchanged', () => {
    const s = atReportEquity();
    const before = JSON.stringify(s.snapshot());
    expect(s.apply(setTier('moderate'))).toEqual({
      ok: false,
      code: 'same-tier',
      message: 'The session already trades under the Moderate tier; nothing changes.',
    });
    expect(JSON.stringify(s.snapshot())).toBe(before);
  });

  it('is refused at the boundary when it names no known tier', () => {
    expect(commandSchema.safeParse({ type: 'set-tier', tier: 'reckless' }).success).toBe(false);
    expect(commandSchema.safeParse({ type: 'set-tier' }).success).toBe(false);
    expect(commandSchema.safeParse({ type: 'set-tier', tier: 'moderate', x: 1 }).success).toBe(
      false,
    );
    expect(commandSchema.safeParse({ type: 'set-tier', tier: 'none' }).success).toBe(true);
    // A log that bypassed the schema is refused by the engine too, with the session unchanged.
    const s = atReportEquity();
    const before = JSON.stringify(s.snapshot());
    const odd = { type: 'set-tier', tier: 'reckless' } as unknown as Command;
    expect(s.apply(odd)).toMatchObject({ ok: false, code: 'invalid-tier' });
    expect(JSON.stringify(s.snapshot())).toBe(before);
  });
});

describe('after a tier change, buys are checked against the new tier', () => {
  it('a position bought under Moderate stays; a new buy under Conservative must fit $499.73', () => {
    const s = atReportEquity();
    // 0.0199 BTC × 49,973.07 = $994.46, under Moderate's $999.46: accepted.
    expect(s.apply(limit('a', '0.0199')).ok).toBe(true);
    expect(s.apply(setTier('conservative')).ok).toBe(true);
    expect(s.quantityOf('BTC').toFixed()).toBe('0.0199');
    // 0.1 ETH × 2,987.45 = $298.745, under 1 % of $49,973.07 ($499.73): accepted.
    expect(s.apply(limit('b', '0.1', 'ETH', '2987.45')).ok).toBe(true);
    // 0.2 ETH is $597.49, over it.
    expect(s.apply(limit('c', '0.2', 'ETH', '2987.45'))).toMatchObject({
      ok: false,
      code: 'max-position',
    });
  });

  it('a 0.01 BTC buy is $499.7307: allowed under Moderate, refused under Conservative', () => {
    const moderate = atReportEquity();
    expect(moderate.apply(limit('m', '0.01')).ok).toBe(true);
    const conservative = atReportEquity();
    expect(conservative.apply(setTier('conservative')).ok).toBe(true);
    expect(conservative.apply(limit('c', '0.01'))).toEqual({
      ok: false,
      code: 'max-position',
      message:
        "Order notional $499.7307 is over the Conservative tier's position limit of $499.73.",
    });
    // 0.0099 BTC is $494.733393: under $499.73, accepted.
    expect(conservative.apply(limit('d', '0.0099')).ok).toBe(true);
  });

  it('Aggressive is held by the 2 % cap: 0.02 BTC ($999.4614) is over $999.46, 0.0199 is not', () => {
    const s = atReportEquity();
    expect(s.apply(setTier('aggressive')).ok).toBe(true);
    expect(s.view().tier).toBe('Aggressive');
    expect(s.apply(limit('e', '0.02'))).toEqual({
      ok: false,
      code: 'max-position',
      message: "Order notional $999.4614 is over the Aggressive tier's position limit of $999.46.",
    });
    expect(s.apply(limit('f', '0.0199')).ok).toBe(true);
  });

  it('with no tier, the same 0.1 BTC buy that Moderate refuses is accepted', () => {
    const s = atReportEquity();
    expect(s.apply(limit('g', '0.1')).ok).toBe(false);
    expect(s.apply(setTier('none')).ok).toBe(true);
    expect(s.view().tier).toBeNull();
    expect(s.apply(limit('h', '0.1')).ok).toBe(true);
  });
});

function limit(id: string, quantity: string, symbol = 'BTC', price = '49973.07'): Command {
  return {
    type: 'place-order',
    clientOrderId: id,
    symbol,
    side: 'buy',
    orderType: 'limit',
    quantity,
    limitPrice: price,
  };
}
