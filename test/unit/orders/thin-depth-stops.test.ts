import { describe, expect, it } from 'vitest';
import { desk } from './scripted-book.ts';

describe('a stop in thin depth keeps working until it is filled', () => {
  it('a stop for 1.0 BTC against 0.3 BTC of bids fills 0.3 and sells the rest on later ticks', () => {
    // 1 BTC bought for $50,000.00 and a $50.00 fee, out of $100,000.
    const d = desk('100000', { quantity: '1', notional: '50000', fee: '50' });
    d.market.show('50000', [['49995', '5']], [['50005', '5']]);
    d.place('stop', { side: 'sell', orderType: 'stop', quantity: '1', triggerPrice: '49000' });
    d.market.show('48900', [['48890', '0.3']], [['48910', '1']]);
    d.tick();
    expect(d.order('stop')).toMatchObject({
      status: 'partially-filled',
      triggered: true,
      filled: '0.3',
    });
    d.tick();
    d.market.show('48890', [['48880', '1']], [['48900', '1']]);
    d.tick();
    // 0.3 × 48,890 = $14,667.00 twice, then 0.4 × 48,880 = $19,552.00; each against its share
    // of the $50,000.00 cost: −$333.00, −$333.00 and −$448.00.
    expect(d.fills().map((f) => [f.price, f.quantity, f.notional, f.fee, f.realizedPnl])).toEqual([
      ['48890', '0.3', '14667', '14.67', '-333'],
      ['48890', '0.3', '14667', '14.67', '-333'],
      ['48880', '0.4', '19552', '19.55', '-448'],
    ]);
    expect(d.order('stop')!.status).toBe('filled');
    // $49,950.00 left after the buy, + $48,886.00 sold − $48.89 of fees.
    expect(d.ledger.cash.toFixed(2)).toBe('98787.11');
    expect(d.ledger.realizedPnl.toFixed(2)).toBe('-1114.00');
  });

  it("a bracket's stop-loss in thin depth leaves the take-profit covering what is still held", () => {
    const d = desk('100000');
    d.market.show('50000', [['49995', '5']], [['50005', '5']]);
    const bracket = { takeProfit: '52000', stopLoss: '49000' };
    d.place('b', { side: 'buy', orderType: 'market', quantity: '1', bracket });
    expect(d.cover()).toEqual({
      held: '1',
      exits: [
        ['b/tp', '1'],
        ['b/sl', '1'],
      ],
    });
    d.market.show('48995', [['48990', '0.3']], [['49000', '1']]);
    d.tick();
    // The stop-loss sold 0.3; both exits still cover the 0.7 held.
    expect(d.cover()).toEqual({
      held: '0.7',
      exits: [
        ['b/tp', '0.7'],
        ['b/sl', '0.7'],
      ],
    });
    d.tick();
    expect(d.cover()).toEqual({
      held: '0.4',
      exits: [
        ['b/tp', '0.4'],
        ['b/sl', '0.4'],
      ],
    });
    d.market.show('48985', [['48980', '1']], [['48990', '1']]);
    d.tick();
    expect(d.cover()).toEqual({ held: '0', exits: [] });
    expect(d.order('b/sl')!.status).toBe('filled');
    expect(d.order('b/tp')).toMatchObject({ status: 'cancelled', reason: /sibling filled/ });
  });
});
