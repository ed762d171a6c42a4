import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command, TimedCommand } from '../../../src/engine/commands.ts';
import type { SessionConfig } from '../../../src/engine/config.ts';
import { DEFAULT_ASSETS } from '../../../src/engine/market/universe.ts';
import { TIERS } from '../../../src/engine/risk/tiers.ts';
import { Session, replay, replayFrom, stateHash } from '../../../src/engine/session.ts';
import { CONFIG, START } from '../../support/sessions.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Continues a session from its snapshot, as the worker does after storing it. */
const resumeOf = (config: SessionConfig, s: Session) =>
  Session.fromSnapshot(config, JSON.parse(JSON.stringify(s.snapshot())));

describe('a resumed session moves exactly as the uninterrupted one', () => {
  it('ends a one-hour volatility spike from 00:30 at the same tick live and resumed', () => {
    const live = Session.create('spike', CONFIG);
    live.advanceTo(START + 30 * MINUTE);
    live.apply({ type: 'scenario', event: { type: 'volatility-spike', factor: 4, hours: 1 } });
    live.advanceTo(START + HOUR + 40 * MINUTE);
    const resumed = resumeOf(CONFIG, live);
    live.advanceTo(START + 2 * HOUR + 10 * MINUTE);
    resumed.advanceTo(START + 2 * HOUR + 10 * MINUTE);
    expect(resumed.lastPrice('BTC').toFixed()).toBe(live.lastPrice('BTC').toFixed());
    expect(resumed.snapshot()).toEqual(live.snapshot());
  });

  it('ends a one-hour halt from 00:30 with the first tick after 01:30, not at the next hour', () => {
    const live = Session.create('halt', CONFIG);
    live.advanceTo(START + 30 * MINUTE);
    live.apply({ type: 'scenario', event: { type: 'halt', symbol: 'ETH', hours: 1 } });
    live.advanceTo(START + HOUR + 20 * MINUTE);
    const resumed = resumeOf(CONFIG, live);
    for (const s of [live, resumed]) {
      s.advanceTo(START + HOUR + 30 * MINUTE);
      expect(s.haltedSymbols()).toEqual(['ETH']);
      s.advanceTo(START + HOUR + 30 * MINUTE + 1000);
      expect(s.haltedSymbols()).toEqual([]);
    }
  });
});

/** Two coins, a minute per tick and the Moderate tier: hours of scenarios stay cheap to run. */
const SMALL: SessionConfig = {
  ...CONFIG,
  tickMs: MINUTE,
  assets: DEFAULT_ASSETS.slice(0, 2),
  risk: TIERS.moderate,
};
const symbol = fc.constantFrom('BTC', 'ETH');
const hours = fc.constantFrom(0.25, 0.5, 1, 1.5, 2, 3.25);
const scenario: fc.Arbitrary<Command> = fc
  .oneof(
    fc.record({ type: fc.constant('volatility-spike' as const), factor: fc.constant(4), hours }),
    fc.record({ type: fc.constant('correlation-breakdown' as const), hours }),
    fc.record({ type: fc.constant('halt' as const), symbol, hours }),
    fc.record({ type: fc.constant('flash-crash' as const), symbol, drop: fc.constant(0.08) }),
    fc.record({ type: fc.constant('rally' as const), symbol, rise: fc.constant(0.05) }),
  )
  .map((event) => ({ type: 'scenario', event }));
const order: fc.Arbitrary<Command> = fc
  .record({
    id: fc.integer({ min: 0, max: 5 }),
    symbol,
    side: fc.constantFrom('buy' as const, 'sell' as const),
    kind: fc.constantFrom('limit', 'stop', 'gtd'),
    offset: fc.constantFrom(0.97, 0.99, 1.01, 1.03),
  })
  .map(({ id, symbol, side, kind, offset }): Command => {
    const [quantity, price] = symbol === 'BTC' ? ['0.005', 49973.07] : ['0.1', 2987.45];
    const at = (price * offset).toFixed(2);
    const base = { type: 'place-order', clientOrderId: `o${id}`, symbol, side, quantity } as const;
    if (kind === 'stop') return { ...base, orderType: 'stop', triggerPrice: at };
    if (kind !== 'gtd') return { ...base, orderType: 'limit', limitPrice: at };
    const expiresAt = START + 4 * HOUR;
    return { ...base, orderType: 'limit', limitPrice: at, timeInForce: 'GTD', expiresAt };
  });
const command: fc.Arbitrary<Command> = fc.oneof(
  scenario,
  scenario,
  order,
  fc
    .tuple(fc.constantFrom('market-buy' as const, 'market-sell' as const), symbol)
    .map(([type, s]) => ({ type, symbol: s, quantity: s === 'BTC' ? '0.01' : '0.2' })),
  fc.constant({ type: 'withdraw', amount: '1500' } as const),
  fc.constant({ type: 'reset-breaker' } as const),
);
/** Gaps from nothing to several hours, in whole ticks. */
const log = fc.array(fc.tuple(fc.integer({ min: 0, max: 200 }), command), { maxLength: 8 });

describe('resume anywhere', () => {
  it('gives the hash of the uninterrupted fold, whatever the scenarios (5,000 logs)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(1000), log, fc.nat(), async (seed, steps, cut) => {
        const timed: TimedCommand[] = [{ at: START, command: { type: 'deposit', amount: '5000' } }];
        let at = START;
        for (const [ticks, next] of steps)
          timed.push({ at: (at += ticks * MINUTE), command: next });
        // A refused command is not logged: keep the ones a live session accepts.
        const live = Session.create(`r${seed}`, SMALL);
        const accepted = timed.filter(({ at, command }) => {
          live.advanceTo(at);
          return live.apply(command).ok;
        });
        const end = at + 2 * HOUR;
        live.advanceTo(end);
        // Cut at a time between commands (or after the last), snapshot, resume and go on.
        const cutAt = START + (cut % (end - START + 1));
        const before = accepted.filter((c) => c.at <= cutAt);
        const head = replay(`r${seed}`, SMALL, before);
        if (!head.ok) throw new Error(head.message);
        head.value.advanceTo(cutAt);
        const after = accepted.slice(before.length);
        const resumed = replayFrom(resumeOf(SMALL, head.value), after);
        if (!resumed.ok) throw new Error(resumed.message);
        resumed.value.advanceTo(end);
        expect(await stateHash(resumed.value.snapshot())).toBe(await stateHash(live.snapshot()));
      }),
      { numRuns: 5000 },
    );
  }, 120_000);
});
