import { describe, expect, it } from 'vitest';
import { desk } from './scripted-book.ts';

describe('a bracket on a limit entry protects every part the entry buys', () => {
  it('entry fills after the take-profit closed the first part get exits sized to the open position', () => {
    const d = desk('100000');
    d.market.show('50050', [['50045', '5']], [['50055', '5']]);
    const bracket = { takeProfit: '50100', stopLoss: '49000' };
    d.place('e', { side: 'buy', orderType: 'limit', quantity: '1', limitPrice: '50000', bracket });
    expect(d.cover()).toEqual({ held: '0', exits: [] });
    // 0.4 offered at 50,000: the entry buys that much, and its exits cover it.
    d.market.show(
      '49997.5',
      [['49995', '1']],
      [
        ['50000', '0.4'],
        ['50010', '1'],
      ],
    );
    d.tick();
    expect(d.cover()).toEqual({
      held: '0.4',
      exits: [
        ['e/tp', '0.4'],
        ['e/sl', '0.4'],
      ],
    });
    // The price rises to the take-profit: it sells the 0.4, 0.4 × $100 = $40.00 of gain.
    d.market.show('50105', [['50100', '1']], [['50110', '1']]);
    d.tick();
    expect(d.fills().at(-1)).toMatchObject({
      orderId: 'e/tp',
      notional: '20040',
      realizedPnl: '40',
    });
    expect(d.order('e/sl')!.status).toBe('cancelled');
    expect(d.cover()).toEqual({ held: '0', exits: [] });
    // The price falls back: the entry buys its other 0.6, and a new pair of exits covers it.
    d.market.show('49985', [['49980', '1']], [['49990', '1']]);
    d.tick();
    expect(d.order('e')).toMatchObject({ status: 'filled', filled: '1' });
    expect(d.cover()).toEqual({
      held: '0.6',
      exits: [
        ['e/tp-2', '0.6'],
        ['e/sl-2', '0.6'],
      ],
    });
    expect(d.order('e/sl-2')).toMatchObject({ type: 'stop', triggerPrice: '49000' });
    expect(d.order('e/tp-2')).toMatchObject({ type: 'limit', limitPrice: '50100' });
  });
});
