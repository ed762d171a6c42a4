import { describe, expect, it } from 'vitest';
import type { Command } from '../../../src/engine/commands.ts';
import { TIERS } from '../../../src/engine/risk/tiers.ts';
import { Session } from '../../../src/engine/session.ts';
import { AT_LAST, deposit } from '../../support/sessions.ts';

const limitBuy = (symbol: string, quantity: string, limitPrice: string): Command => ({
  type: 'place-order',
  clientOrderId: 'x',
  symbol,
  side: 'buy',
  orderType: 'limit',
  quantity,
  limitPrice,
});

function session(moderate: boolean) {
  const s = Session.create('figures', moderate ? { ...AT_LAST, risk: TIERS.moderate } : AT_LAST);
  s.apply(deposit('49973.07'));
  return s;
}

describe('a refusal quotes the value that was over, never a rounding equal to the limit', () => {
  it('0.02 BTC at 49,973.07 is $999.4614, over the $999.46 limit, and says so', () => {
    // 2 % of $49,973.07 is $999.4614, rounded down to $999.46: the order is 0.14 cents over.
    expect(session(true).apply(limitBuy('BTC', '0.02', '49973.07'))).toEqual({
      ok: false,
      code: 'max-position',
      message: "Order notional $999.4614 is over the Moderate tier's position limit of $999.46.",
    });
  });

  it('a price a hair over the 10 % band shows the digits that make it over', () => {
    // (54,970.38 − 49,973.07) / 49,973.07 = 10.0000060… %: 10.0 % to one place, 10.00001 to five.
    expect(session(true).apply(limitBuy('BTC', '0.0001', '54970.38'))).toMatchObject({
      ok: false,
      code: 'price-band',
      message: expect.stringContaining('is 10.00001 % from the last price $49,973.07;') as string,
    });
  });

  it('an order a hair under the minimum reads as under it: $9.99999 is below $10.00', () => {
    // 0.0033 ETH × 3,030.30 = $9.99999.
    expect(session(false).apply(limitBuy('ETH', '0.0033', '3030.30'))).toEqual({
      ok: false,
      code: 'below-min-notional',
      message: 'Order value $9.99999 is below the $10.00 minimum for ETH.',
    });
  });
});
