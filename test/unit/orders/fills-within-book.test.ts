import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../../src/engine/commands.ts';
import { Dec } from '../../../src/engine/decimal.ts';
import type { EngineEvent } from '../../../src/engine/events.ts';
import { Session } from '../../../src/engine/session.ts';
import { CONFIG, START } from '../../support/sessions.ts';

const START_PRICE = { BTC: 49973.07, ETH: 2987.45 };
const symbol = fc.constantFrom('BTC' as const, 'ETH' as const);
/** Limits and triggers a few spreads from the start price, so that they meet the book often. */
const near = fc.integer({ min: -40, max: 40 }).map((bp) => 1 + bp / 10_000);
const place: fc.Arbitrary<Command> = fc
  .record({
    id: fc.integer({ min: 0, max: 8 }),
    symbol,
    side: fc.constantFrom('buy' as const, 'sell' as const),
    kind: fc.constantFrom('limit', 'limit', 'stop', 'stop-limit'),
    at: near,
  })
  .map(({ id, symbol, side, kind, at }): Command => {
    const quantity = symbol === 'BTC' ? '0.05' : '1';
    const price = (START_PRICE[symbol] * at).toFixed(2);
    const base = { type: 'place-order', clientOrderId: `o${id}`, symbol, side, quantity } as const;
    if (kind === 'limit') return { ...base, orderType: 'limit', limitPrice: price };
    if (kind === 'stop') return { ...base, orderType: 'stop', triggerPrice: price };
    return { ...base, orderType: 'stop-limit', triggerPrice: price, limitPrice: price };
  });
const command: fc.Arbitrary<Command> = fc.oneof(
  place,
  place,
  place,
  fc
    .tuple(fc.constantFrom('market-buy' as const, 'market-sell' as const), symbol)
    .map(([type, s]) => ({ type, symbol: s, quantity: s === 'BTC' ? '0.1' : '2' })),
  fc
    .tuple(symbol, fc.boolean())
    .map(([s, up]): Command =>
      up
        ? { type: 'scenario', event: { type: 'rally', symbol: s, rise: 0.002 } }
        : { type: 'scenario', event: { type: 'flash-crash', symbol: s, drop: 0.002 } },
    ),
);
const log = fc.array(fc.tuple(fc.integer({ min: 0, max: 30_000 }), command), { maxLength: 25 });

describe('fills never beat the book', () => {
  it('a resting order never fills at a price better than the book offered at that tick', () => {
    let makerFills = 0;
    fc.assert(
      fc.property(fc.nat(1000), log, (seed, steps) => {
        const s = Session.create(`book${seed}`, CONFIG);
        s.apply({ type: 'deposit', amount: '100000' });
        s.apply({ type: 'market-buy', symbol: 'BTC', quantity: '0.5' });
        s.apply({ type: 'market-buy', symbol: 'ETH', quantity: '5' });
        // Every fill is checked against the quote of the tick it happened in.
        const check = (event: EngineEvent) => {
          if (event.type !== 'filled') return;
          const quote = s.quote(event.symbol);
          const price = new Dec(event.price);
          if (event.side === 'buy') expect(price.greaterThanOrEqualTo(quote.ask)).toBe(true);
          else expect(price.lessThanOrEqualTo(quote.bid)).toBe(true);
          if (event.liquidity !== 'maker') return;
          makerFills++;
          // A maker fills no more than the levels at or better than its price show.
          const reaching = (event.side === 'buy' ? quote.asks : quote.bids).filter((l) =>
            event.side === 'buy'
              ? l.price.lessThanOrEqualTo(price)
              : l.price.greaterThanOrEqualTo(price),
          );
          const shown = reaching.reduce((sum, l) => sum.plus(l.quantity), new Dec(0));
          expect(new Dec(event.quantity).lessThanOrEqualTo(shown)).toBe(true);
        };
        s.onEvent = check;
        let at = START;
        for (const [gap, next] of steps) {
          s.advanceTo((at += gap));
          const applied = s.apply(next);
          if (applied.ok) applied.value.forEach(check);
        }
        s.advanceTo(at + 60_000);
      }),
      { numRuns: 300 },
    );
    // The orders sit close enough to the market for resting fills to be common.
    expect(makerFills).toBeGreaterThan(20);
  }, 60_000);
});
