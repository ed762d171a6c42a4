import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command, TimedCommand } from '../../../src/engine/commands.ts';
import { Session, replay, stateHash } from '../../../src/engine/session.ts';
import { CONFIG, START } from '../../support/sessions.ts';

const quantity = fc
  .integer({ min: -5, max: 5_000_000 })
  .map((satoshi) =>
    satoshi < 0 ? String(satoshi) : (satoshi / 1e8).toFixed(8).replace(/\.?0+$/, '') || '0',
  );
const amount = fc.integer({ min: 0, max: 10_000_000 }).map((cents) => (cents / 100).toFixed(2));
const command: fc.Arbitrary<Command> = fc.oneof(
  amount.map((a) => ({ type: 'deposit', amount: a }) as const),
  quantity.map((q) => ({ type: 'market-buy', symbol: 'BTC', quantity: q }) as const),
  quantity.map((q) => ({ type: 'market-sell', symbol: 'BTC', quantity: q }) as const),
);
const timedLog = fc.array(fc.tuple(fc.integer({ min: 0, max: 600_000 }), command), {
  maxLength: 40,
});

describe('random command sequences', () => {
  it('keep every invariant and replay to the same hash', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 12 }),
        timedLog,
        async (seed, steps) => {
          const live = Session.create(seed, CONFIG);
          const accepted: TimedCommand[] = [];
          let at = START;
          for (const [gap, next] of steps) {
            at += gap;
            live.advanceTo(at);
            // The ledger throws on a broken invariant, so reaching the end proves they held.
            if (live.apply(next).ok) accepted.push({ at, command: next });
          }
          const replayed = replay(seed, CONFIG, accepted);
          expect(replayed.ok).toBe(true);
          if (!replayed.ok) return;
          replayed.value.advanceTo(at);
          expect(await stateHash(replayed.value.snapshot())).toBe(await stateHash(live.snapshot()));
          const cash = Number(live.view().cash);
          expect(cash).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
