import { describe, expect, it } from 'vitest';
import { desk } from './scripted-book.ts';

describe('a resting limit fills only against liquidity that reaches its price', () => {
  it('a bid at 50,000.01 inside a 49,995 / 50,005 market does not fill while nothing moves', () => {
    const d = desk('100000');
    d.market.show('50000', [['49995', '1']], [['50005', '1']]);
    d.place('bid', { side: 'buy', orderType: 'limit', quantity: '0.1', limitPrice: '50000.01' });
    for (let i = 0; i < 5; i++) d.tick();
    expect(d.fills()).toEqual([]);
    expect(d.order('bid')!.status).toBe('accepted');
  });

  it('fills when the best ask touches it, at its own price, as a maker', () => {
    const d = desk('100000');
    d.market.show('50000', [['49995', '1']], [['50005', '1']]);
    d.place('bid', { side: 'buy', orderType: 'limit', quantity: '0.1', limitPrice: '50000.01' });
    d.market.show('49999.5', [['49999', '1']], [['50000.01', '1']]);
    d.tick();
    // 0.1 × 50,000.01 = 5,000.001 → $5,000.00; the fee 0.1 % of that is $5.00.
    expect(d.fills()).toMatchObject([
      { price: '50000.01', quantity: '0.1', notional: '5000', fee: '5', liquidity: 'maker' },
    ]);
    expect(d.ledger.cash.toFixed(2)).toBe('94995.00');
  });

  it('a 0.5 @ 50,007 that took 0.2 from the asks rests 0.3, unfilled while the best ask is 50,010', () => {
    const d = desk('100000');
    d.market.show(
      '50000',
      [['49995', '1']],
      [
        ['50005', '0.2'],
        ['50010', '2'],
      ],
    );
    d.place('o', { side: 'buy', orderType: 'limit', quantity: '0.5', limitPrice: '50007' });
    // It takes the 0.2 at 50,005 as a taker: $10,001.00 and a fee of $10.00.
    expect(d.fills()).toMatchObject([
      { price: '50005', quantity: '0.2', notional: '10001', fee: '10', liquidity: 'taker' },
    ]);
    d.market.show('50005', [['50000', '1']], [['50010', '2']]);
    d.tick();
    d.tick();
    expect(d.fills()).toHaveLength(1);
    expect(d.order('o')).toMatchObject({ status: 'partially-filled', filled: '0.2' });
    // Then 0.1 is offered at 50,006: it fills that much, at 50,007, and the rest rests.
    d.market.show(
      '50003',
      [['50000', '1']],
      [
        ['50006', '0.1'],
        ['50010', '2'],
      ],
    );
    d.tick();
    // 0.1 × 50,007 = $5,000.70; its fee $5.0007 → $5.00.
    expect(d.fills()[1]).toMatchObject({
      price: '50007',
      quantity: '0.1',
      notional: '5000.7',
      fee: '5',
      liquidity: 'maker',
    });
    expect(d.order('o')).toMatchObject({ status: 'partially-filled', filled: '0.3' });
  });

  it('a resting sell fills when the best bid reaches it, for what the bids at or above it show', () => {
    const d = desk('50000', { quantity: '1', notional: '50000', fee: '0' });
    d.market.show('50000', [['49995', '1']], [['50005', '1']]);
    d.place('ask', { side: 'sell', orderType: 'limit', quantity: '0.5', limitPrice: '50010' });
    d.market.show(
      '50013',
      [
        ['50012', '0.2'],
        ['50010', '0.1'],
        ['50008', '1'],
      ],
      [['50014', '1']],
    );
    d.tick();
    // 0.3 × 50,010 = $15,003.00, the fee $15.00; 0.3 of the $50,000 cost is $15,000.00.
    expect(d.fills()).toMatchObject([
      { price: '50010', quantity: '0.3', notional: '15003', fee: '15', realizedPnl: '3' },
    ]);
    expect(d.order('ask')).toMatchObject({ status: 'partially-filled', filled: '0.3' });
  });
});
