import { describe, expect, it } from 'vitest';
import { desk } from './scripted-book.ts';

const book = (d: ReturnType<typeof desk>) =>
  d.market.show(
    '50000',
    [['49995', '1']],
    [
      ['50005', '0.1'],
      ['50010', '1'],
    ],
  );

describe('a market buy is checked against the asks it walks, fees included', () => {
  it('refuses a buy the cash covers at the last price but not at the asks', () => {
    // At the last price 0.2 BTC would cost 0.2 × 50,000 × 1.001 = $10,010.00. At the asks:
    // 0.1 × 50,005 = $5,000.50 + $5.00 fee, and 0.1 × 50,010 = $5,001.00 + $5.00 fee.
    const d = desk('10010');
    book(d);
    const refused = d.place('m', { side: 'buy', orderType: 'market', quantity: '0.2' });
    expect(refused).toMatchObject({
      ok: false,
      code: 'insufficient-cash',
      message:
        'This buy needs $10,011.50 with the fee at the asks; you have $10,010.00 free in cash.',
    });
    expect(d.fills()).toEqual([]);
  });

  it('accepts it with exactly that much cash, and fills it whole', () => {
    const d = desk('10011.50');
    book(d);
    d.place('m', { side: 'buy', orderType: 'market', quantity: '0.2' });
    expect(d.order('m')).toMatchObject({ status: 'filled', filled: '0.2' });
    expect(d.ledger.cash.toFixed(2)).toBe('0.00');
  });
});
