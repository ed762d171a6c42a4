import { describe, expect, it } from 'vitest';
import { Session } from '../../../src/engine/session.ts';
import { AT_LAST, START, buy, deposit, sell } from '../../support/sessions.ts';

// All commands apply at the start time, where BTC's last price is its start price, 49973.07.
function session() {
  const s = Session.create('money', AT_LAST);
  expect(s.apply(deposit('50000')).ok).toBe(true);
  return s;
}

describe('money is exact, to the cent, rounded half to even', () => {
  it('charges notional and fee to the cent on a buy', () => {
    const s = session();
    const applied = s.apply(buy('0.25'));
    const fills = applied.ok ? applied.value.filter((e) => e.type === 'filled') : [];
    // 0.25 × 49973.07 = 12493.2675 → 12493.27; fee 0.1 % = 12.493… → 12.49.
    expect(fills).toEqual([
      {
        type: 'filled',
        time: START,
        orderId: '#2',
        side: 'buy',
        symbol: 'BTC',
        quantity: '0.25',
        price: '49973.07',
        notional: '12493.27',
        fee: '12.49',
        liquidity: 'taker',
        slippage: '0',
        realizedPnl: '0',
      },
    ]);
    const view = s.view();
    expect(view.cash).toBe('37494.24');
    expect(view.feesPaid).toBe('12.49');
    expect(view.positions).toEqual([
      {
        symbol: 'BTC',
        quantity: '0.25',
        averageCost: '49973.08',
        marketValue: '12493.27',
        unrealizedPnl: '0',
      },
    ]);
    expect(view.equity).toBe('49987.51');
  });

  it('realizes P&L on a partial sell with the cost removed rounded half to even', () => {
    const s = session();
    s.apply(buy('0.25'));
    s.apply(sell('0.125'));
    // Proceeds 6246.63375 → 6246.63, fee 6.2466… → 6.25,
    // cost removed 12493.27 / 2 = 6246.635 → 6246.64 (half to even), realized −0.01.
    const ledger = s.snapshot().ledger;
    expect(ledger).toEqual({
      cash: '43734.62',
      deposited: '50000',
      withdrawn: '0',
      realizedPnl: '-0.01',
      feesPaid: '18.74',
      positions: { BTC: { quantity: '0.125', cost: '6246.63' } },
    });
  });

  it('closes a position completely and keeps no dust of cost', () => {
    const s = session();
    s.apply(buy('0.3'));
    s.apply(sell('0.1'));
    s.apply(sell('0.2'));
    const ledger = s.snapshot().ledger;
    expect(ledger.positions).toEqual({});
    // Round trip at one price: the only loss is the three fees (14.99 + 5.00 + 9.99).
    expect(ledger.feesPaid).toBe('29.98');
    expect(ledger.realizedPnl).toBe('0');
    expect(ledger.cash).toBe('49970.02');
  });

  it('adds deposits exactly however many there are', () => {
    const s = Session.create('deposits', AT_LAST);
    for (let i = 0; i < 1000; i++) s.apply(deposit('0.1'));
    expect(s.view().cash).toBe('100');
  });
});
