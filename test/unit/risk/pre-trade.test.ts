import { describe, expect, it } from 'vitest';
import type { Command } from '../../../src/engine/commands.ts';
import type { EngineEvent } from '../../../src/engine/events.ts';
import { TIERS, type TierName } from '../../../src/engine/risk/tiers.ts';
import { Session, stateHash } from '../../../src/engine/session.ts';
import { AT_LAST, START, deposit } from '../../support/sessions.ts';

/** A session under a tier, at the last price (no spread), with some cash. */
function under(tier: TierName, cash = '49973.07') {
  const s = Session.create('risk', { ...AT_LAST, risk: TIERS[tier] });
  const events: EngineEvent[] = [];
  s.onEvent = (e) => events.push(e);
  expect(s.apply(deposit(cash)).ok).toBe(true);
  let n = 0;
  const order = (symbol: string, side: 'buy' | 'sell', quantity: string, more = {}): Command => ({
    type: 'place-order',
    clientOrderId: `r${++n}`,
    symbol,
    side,
    orderType: 'market',
    quantity,
    ...more,
  });
  return { s, events, order };
}

describe('pre-trade checks', () => {
  it('refuse a buy over the position limit with the numbers of the original report', () => {
    const { s, order } = under('moderate');
    // 0.03 BTC at 49,973.07 is $1,499.19; 2 % of $49,973.07 is $999.46.
    expect(
      s.apply(order('BTC', 'buy', '0.03', { orderType: 'limit', limitPrice: '49973.07' })),
    ).toEqual({
      ok: false,
      code: 'max-position',
      message: "Order notional $1,499.19 is over the Moderate tier's position limit of $999.46.",
    });
  });

  it('count the position already held against the limit', () => {
    const { s, order } = under('moderate');
    expect(s.apply(order('BTC', 'buy', '0.015')).ok).toBe(true);
    const refused = s.apply(order('BTC', 'buy', '0.01'));
    expect(refused).toMatchObject({ ok: false, code: 'max-position' });
    expect(!refused.ok && refused.message).toMatch(/would make the BTC position \$1,249\.\d\d/);
  });

  it("refuse a new asset beyond the tier's number of open positions", () => {
    const { s, order } = under('conservative');
    const sizes = { BTC: '0.001', ETH: '0.01', SOL: '1', ADA: '100', DOT: '10' };
    for (const [symbol, quantity] of Object.entries(sizes)) {
      expect(s.apply(order(symbol, 'buy', quantity)).ok).toBe(true);
    }
    expect(s.apply(order('LTC', 'buy', '1'))).toEqual({
      ok: false,
      code: 'max-open-positions',
      message: 'You already hold or are buying 5 assets; the Conservative tier allows 5.',
    });
  });

  it('refuse a limit too far from the market', () => {
    const { s, order } = under('moderate');
    const refused = s.apply(order('ETH', 'buy', '0.1', { orderType: 'limit', limitPrice: '2000' }));
    expect(refused).toMatchObject({ ok: false, code: 'price-band' });
    expect(!refused.ok && refused.message).toBe(
      'The price $2,000.00 is 33.1 % from the last price $2,987.45; the Moderate tier allows 10.0 %.',
    );
  });

  it('leave the session exactly as it was when they refuse', async () => {
    const { s, order } = under('moderate');
    const before = await stateHash(s.snapshot());
    expect(s.apply(order('BTC', 'buy', '1')).ok).toBe(false);
    expect(await stateHash(s.snapshot())).toBe(before);
  });
});

describe('circuit breakers', () => {
  it('halt new buys after the daily loss limit, never sells, and clear the next day', () => {
    const { s, events, order } = under('moderate', '10000');
    const sizes = { SOL: '1', ADA: '400', DOT: '30', ETH: '0.06', BTC: '0.003' };
    for (const [symbol, quantity] of Object.entries(sizes)) {
      expect(s.apply(order(symbol, 'buy', quantity)).ok).toBe(true);
    }
    // About $850 invested: a 70 % crash of everything loses more than 4 % of $10,000 in a day.
    s.apply({ type: 'scenario', event: { type: 'flash-crash', drop: 0.7 } });
    s.advanceTo(START + 120_000);
    expect(events.find((e) => e.type === 'breaker')).toMatchObject({
      breaker: { kind: 'daily-loss', until: START + 86_400_000 },
    });
    expect(s.apply(order('BTC', 'buy', '0.001'))).toMatchObject({ ok: false, code: 'breaker' });
    expect(s.apply(order('SOL', 'sell', '1')).ok).toBe(true);
    s.advanceTo(START + 86_400_000 + 120_000);
    expect(events.at(-1)).toEqual({ type: 'breaker', breaker: null });
    expect(s.apply(order('BTC', 'buy', '0.001')).ok).toBe(true);
  });

  it('the kill switch cancels resting buys, keeps protective stops, and halts until a reset', () => {
    const { s, order } = under('moderate');
    expect(s.apply(order('ETH', 'buy', '0.3')).ok).toBe(true);
    s.apply(order('ETH', 'sell', '0.3', { orderType: 'stop', triggerPrice: '2800' }));
    s.apply(order('SOL', 'buy', '1', { orderType: 'limit', limitPrice: '140' }));
    expect(s.orders().open.map((o) => o.side)).toEqual(['sell', 'buy']);
    expect(s.apply({ type: 'kill-switch' }).ok).toBe(true);
    expect(s.orders().open.map((o) => [o.side, o.type])).toEqual([['sell', 'stop']]);
    expect(s.apply(order('BTC', 'buy', '0.001'))).toMatchObject({
      ok: false,
      code: 'breaker',
      message:
        'New buys are halted: the kill switch is on (until you reset it). Sells and stops still work.',
    });
    expect(s.apply({ type: 'reset-breaker' }).ok).toBe(true);
    expect(s.apply({ type: 'reset-breaker' })).toMatchObject({ ok: false, code: 'no-breaker' });
    expect(s.apply(order('BTC', 'buy', '0.001')).ok).toBe(true);
  });
});
