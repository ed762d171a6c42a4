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
const START_PRICE = 49973.07;
const price = fc
  .integer({ min: 70, max: 130 })
  .map((percent) => ((START_PRICE * percent) / 100).toFixed(2));
const clientOrderId = fc.integer({ min: 0, max: 12 }).map((n) => `c${n}`);
const side = fc.constantFrom('buy' as const, 'sell' as const);
const place: fc.Arbitrary<Command> = fc
  .record({
    clientOrderId,
    side,
    quantity,
    limit: price,
    trigger: price,
    kind: fc.constantFrom(
      'market',
      'limit',
      'stop',
      'stop-limit',
      'take-profit',
      'trailing-stop',
      'bracket',
    ),
    tif: fc.constantFrom(undefined, 'GTC' as const, 'IOC' as const, 'FOK' as const),
  })
  .map(({ clientOrderId, side, quantity, limit, trigger, kind, tif }): Command => {
    const base = { type: 'place-order', clientOrderId, symbol: 'BTC', side, quantity } as const;
    const timeInForce = tif && { timeInForce: tif };
    switch (kind) {
      case 'market':
        return { ...base, orderType: 'market', ...(tif === 'FOK' && timeInForce) };
      case 'limit':
        return { ...base, orderType: 'limit', limitPrice: limit, ...timeInForce };
      case 'stop':
      case 'take-profit':
        return { ...base, orderType: kind, triggerPrice: trigger };
      case 'stop-limit':
        return { ...base, orderType: kind, triggerPrice: trigger, limitPrice: limit };
      case 'trailing-stop':
        return { ...base, orderType: kind, trail: { by: 'percent', value: '3' } };
      default:
        return {
          ...base,
          side: 'buy',
          orderType: 'market',
          bracket: {
            takeProfit: (START_PRICE * 1.5).toFixed(2),
            stopLoss: (Number(trigger) * 0.5).toFixed(2),
          },
        };
    }
  });
const command: fc.Arbitrary<Command> = fc.oneof(
  amount.map((a) => ({ type: 'deposit', amount: a }) as const),
  amount.map((a) => ({ type: 'withdraw', amount: a }) as const),
  quantity.map((q) => ({ type: 'market-buy', symbol: 'BTC', quantity: q }) as const),
  quantity.map((q) => ({ type: 'market-sell', symbol: 'BTC', quantity: q }) as const),
  place,
  place,
  place,
  clientOrderId.map((orderId) => ({ type: 'cancel-order', orderId }) as const),
  fc.constant({ type: 'cancel-all' } as const),
  fc
    .tuple(clientOrderId, price, fc.option(quantity))
    .map(
      ([orderId, p, q]) =>
        ({ type: 'amend-order', orderId, price: p, ...(q && { quantity: q }) }) as const,
    ),
  fc
    .tuple(fc.boolean(), fc.integer({ min: 1, max: 20 }))
    .map(([down, percent]): Command =>
      down
        ? { type: 'scenario', event: { type: 'flash-crash', symbol: 'BTC', drop: percent / 100 } }
        : { type: 'scenario', event: { type: 'rally', symbol: 'BTC', rise: percent / 100 } },
    ),
);
const timedLog = fc.array(fc.tuple(fc.integer({ min: 0, max: 120_000 }), command), {
  maxLength: 30,
});

describe('random command sequences', () => {
  it('keep every invariant, survive a snapshot and replay to the same hash', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 12 }),
        timedLog,
        async (seed, steps) => {
          let live = Session.create(seed, CONFIG);
          const accepted: TimedCommand[] = [];
          let at = START;
          for (const [index, [gap, next]] of steps.entries()) {
            at += gap;
            live.advanceTo(at);
            // Halfway, continue from a snapshot: a resumed session must be the same session.
            if (index === steps.length >> 1)
              live = Session.fromSnapshot(CONFIG, JSON.parse(JSON.stringify(live.snapshot())));
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
      { numRuns: 1000 },
    );
  }, 120_000);
});
