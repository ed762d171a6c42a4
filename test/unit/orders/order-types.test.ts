import { describe, expect, it } from 'vitest';
import type { Command } from '../../../src/engine/commands.ts';
import type { EngineEvent, FillEvent } from '../../../src/engine/events.ts';
import type { OrderRequest, OrderState } from '../../../src/engine/orders/order.ts';
import { Session } from '../../../src/engine/session.ts';
import { Dec } from '../../../src/engine/decimal.ts';
import { CONFIG, START, buy, deposit } from '../../support/sessions.ts';

type Order = Omit<OrderRequest, 'clientOrderId' | 'symbol'> & { symbol?: string };

/** A session with $100,000 at the start; every command must be accepted unless said. */
function trader(config = CONFIG) {
  const s = Session.create('orders', config);
  const seen: EngineEvent[] = [];
  s.onEvent = (e) => seen.push(e);
  const run = (command: Command) => {
    const result = s.apply(command);
    if (!result.ok) throw new Error(result.message);
    seen.push(...result.value);
    return result.value;
  };
  run(deposit('100000'));
  let next = 0;
  return {
    s,
    seen,
    run,
    place: (order: Order, id = `o${++next}`) =>
      run({ type: 'place-order', clientOrderId: id, symbol: 'BTC', ...order }),
    try: (order: Order, id = `o${++next}`) =>
      s.apply({ type: 'place-order', clientOrderId: id, symbol: 'BTC', ...order }),
    /** Moves simulated time on by `ms`. */
    wait: (ms: number) => s.advanceTo(s.time + ms),
    last: () => s.lastPrice('BTC'),
    fills: () => seen.filter((e): e is FillEvent => e.type === 'filled'),
    order: (id: string) => s.orders().open.find((o) => o.id === id) ?? closed(s, id),
  };
}

function closed(s: Session, id: string): OrderState | undefined {
  return s.orders().closed.find((o) => o.id === id);
}

const crash = (drop: number): Command => ({
  type: 'scenario',
  event: { type: 'flash-crash', symbol: 'BTC', drop },
});
const rally = (rise: number): Command => ({
  type: 'scenario',
  event: { type: 'rally', symbol: 'BTC', rise },
});
const tick = (price: Dec) => price.toNearest('0.01').toFixed(2);

describe('market orders walk the depth', () => {
  it('fills a small buy at the best ask, above the last price, and records the slippage', () => {
    const t = trader();
    const quote = t.s.quote('BTC');
    t.place({ side: 'buy', orderType: 'market', quantity: '0.1' });
    const [fill] = t.fills();
    expect(fill!.price).toBe(quote.ask.toFixed());
    expect(fill!.liquidity).toBe('taker');
    const slippage = quote.ask.minus(quote.last).times('0.1').toDecimalPlaces(2);
    expect(fill!.slippage).toBe(slippage.toFixed());
    expect(t.order('o1')!.status).toBe('filled');
  });

  it('fills a large order worse than a small one, the impact growing like a square root', () => {
    const impact = (quantity: string) => {
      const t = trader({ ...CONFIG, execution: { ...CONFIG.execution!, partialFills: false } });
      t.run(deposit('100000000'));
      const mid = t.last();
      t.place({ side: 'buy', orderType: 'market', quantity });
      const filled = t.order('o1')!;
      const average = new Dec(filled.filledNotional).dividedBy(filled.filled);
      return average.minus(mid).dividedBy(mid).toNumber();
    };
    const small = impact('1');
    const large = impact('100');
    const huge = impact('400');
    expect(large).toBeGreaterThan(small);
    // Four times the size costs about twice the impact, not four times.
    expect(huge / large).toBeGreaterThan(1.5);
    expect(huge / large).toBeLessThan(2.8);
  });

  it('with partial fills on, takes only the visible depth and expires the rest', () => {
    const t = trader();
    t.run(deposit('100000000'));
    t.place({ side: 'buy', orderType: 'market', quantity: '2000' });
    const order = t.order('o1')!;
    expect(order.status).toBe('expired');
    expect(new Dec(order.filled).greaterThan(0)).toBe(true);
    expect(new Dec(order.filled).lessThan(2000)).toBe(true);
    expect(order.reason).toMatch(/ran out of depth/);
  });

  it('fill-or-kill fills nothing when the whole quantity is not there', () => {
    const t = trader();
    t.run(deposit('100000000'));
    t.place({ side: 'buy', orderType: 'market', quantity: '2000', timeInForce: 'FOK' });
    expect(t.order('o1')!.status).toBe('expired');
    expect(t.fills()).toEqual([]);
  });

  it('refuses a market order that would rest', () => {
    const t = trader();
    const result = t.try({ side: 'buy', orderType: 'market', quantity: '1', timeInForce: 'GTC' });
    expect(result).toMatchObject({ ok: false, code: 'invalid-order' });
  });
});

describe('limit orders', () => {
  it('rest below the market and fill as makers at their price when the market trades through', () => {
    const t = trader();
    const limit = tick(t.last().times(0.95));
    t.place({ side: 'buy', orderType: 'limit', quantity: '0.5', limitPrice: limit });
    t.wait(5000);
    expect(t.order('o1')!.status).toBe('accepted');
    expect(t.s.view().reservedCash).not.toBe('0');
    t.run(crash(0.1));
    t.wait(1000);
    const [fill] = t.fills();
    expect(fill).toMatchObject({ price: limit, liquidity: 'maker', quantity: '0.5' });
    // Maker fee 0.10 % of the notional, to the cent.
    expect(fill!.fee).toBe(new Dec(fill!.notional).times('0.001').toDecimalPlaces(2).toFixed());
    expect(t.s.view().reservedCash).toBe('0');
  });

  it('take liquidity when marketable on arrival, paying the taker fee', () => {
    const t = trader();
    const limit = tick(t.last().times(1.01));
    t.place({ side: 'buy', orderType: 'limit', quantity: '0.5', limitPrice: limit });
    const [fill] = t.fills();
    expect(fill!.liquidity).toBe('taker');
    expect(new Dec(fill!.price).lessThanOrEqualTo(limit)).toBe(true);
  });

  it('post-only is rejected rather than take liquidity', () => {
    const t = trader();
    const limit = tick(t.last().times(1.01));
    t.place({
      side: 'buy',
      orderType: 'limit',
      quantity: '0.5',
      limitPrice: limit,
      postOnly: true,
    });
    expect(t.order('o1')).toMatchObject({ status: 'rejected', reason: /Post-only/ });
    expect(t.fills()).toEqual([]);
  });

  it('IOC with nothing to match at its price expires at once', () => {
    const t = trader();
    const limit = tick(t.last().times(0.9));
    t.place({
      side: 'buy',
      orderType: 'limit',
      quantity: '0.5',
      limitPrice: limit,
      timeInForce: 'IOC',
    });
    expect(t.order('o1')!.status).toBe('expired');
  });

  it('GTD expires at its time', () => {
    const t = trader();
    const limit = tick(t.last().times(0.9));
    const expiresAt = START + 10_000;
    t.place({
      side: 'buy',
      orderType: 'limit',
      quantity: '0.5',
      limitPrice: limit,
      timeInForce: 'GTD',
      expiresAt,
    });
    t.wait(9000);
    expect(t.order('o1')!.status).toBe('accepted');
    t.wait(1000);
    expect(t.order('o1')).toMatchObject({ status: 'expired', updatedAt: expiresAt });
  });

  it('fill partially, one level per tick, and a cancel keeps what was filled', () => {
    const t = trader();
    t.run(deposit('100000000'));
    const limit = tick(t.last().times(0.98));
    t.place({ side: 'buy', orderType: 'limit', quantity: '500', limitPrice: limit });
    t.run(crash(0.05));
    t.wait(1000);
    const order = t.order('o1')!;
    expect(order.status).toBe('partially-filled');
    const filled = order.filled;
    t.run({ type: 'cancel-order', orderId: 'o1' });
    expect(t.order('o1')).toMatchObject({ status: 'cancelled', filled });
    expect(t.s.view().positions[0]!.quantity).toBe(filled);
  });

  it('can be amended in price and quantity while resting', () => {
    const t = trader();
    const limit = tick(t.last().times(0.9));
    t.place({ side: 'buy', orderType: 'limit', quantity: '0.5', limitPrice: limit });
    const lower = tick(t.last().times(0.8));
    t.run({ type: 'amend-order', orderId: 'o1', price: lower, quantity: '0.7' });
    expect(t.order('o1')).toMatchObject({ limitPrice: lower, quantity: '0.7', status: 'accepted' });
    const refused = t.s.apply({ type: 'amend-order', orderId: 'o1', quantity: '0' });
    expect(refused).toMatchObject({ ok: false, code: 'non-positive' });
  });

  it('cancel-all cancels every open order', () => {
    const t = trader();
    const limit = tick(t.last().times(0.9));
    t.place({ side: 'buy', orderType: 'limit', quantity: '0.1', limitPrice: limit });
    t.place({ side: 'buy', orderType: 'limit', quantity: '0.2', limitPrice: limit });
    t.run({ type: 'cancel-all' });
    expect(t.s.orders().open).toEqual([]);
    expect(t.s.view().reservedCash).toBe('0');
  });
});

describe('stops, take-profits and trailing stops', () => {
  it('a stop-loss sells at the market once the price falls to its trigger', () => {
    const t = trader();
    t.run(buy('1'));
    const trigger = tick(t.last().times(0.95));
    t.place({ side: 'sell', orderType: 'stop', quantity: '1', triggerPrice: trigger });
    t.wait(3000);
    expect(t.order('o1')!.triggered).toBe(false);
    t.run(crash(0.1));
    t.wait(1000);
    expect(t.order('o1')).toMatchObject({ status: 'filled', triggered: true });
    expect(t.s.view().positions).toEqual([]);
    // Slippage is measured from the trigger: the crash gapped through it.
    const stopFill = t.fills().at(-1)!;
    expect(new Dec(stopFill.slippage).greaterThan(0)).toBe(true);
  });

  it('a stop-limit becomes a limit when triggered', () => {
    const t = trader();
    t.run(buy('1'));
    const trigger = tick(t.last().times(0.95));
    const limit = tick(t.last().times(0.94));
    t.place({
      side: 'sell',
      orderType: 'stop-limit',
      quantity: '1',
      triggerPrice: trigger,
      limitPrice: limit,
    });
    t.run(crash(0.1));
    t.wait(1000);
    // The price gapped below the limit: the order is triggered but rests, unfilled.
    expect(t.order('o1')).toMatchObject({ status: 'accepted', triggered: true, filled: '0' });
  });

  it('a take-profit sells once the price rises to its trigger', () => {
    const t = trader();
    t.run(buy('1'));
    const trigger = tick(t.last().times(1.05));
    t.place({ side: 'sell', orderType: 'take-profit', quantity: '1', triggerPrice: trigger });
    t.run(rally(0.1));
    t.wait(1000);
    expect(t.order('o1')!.status).toBe('filled');
    expect(new Dec(t.s.view().realizedPnl).greaterThan(0)).toBe(true);
  });

  it('refuses a stop that would trigger at once', () => {
    const t = trader();
    t.run(buy('1'));
    const result = t.try({
      side: 'sell',
      orderType: 'stop',
      quantity: '1',
      triggerPrice: tick(t.last().times(1.01)),
    });
    expect(result).toMatchObject({ ok: false, code: 'would-trigger' });
  });

  it('a trailing stop follows the price up and never back down', () => {
    const t = trader();
    t.run(buy('1'));
    t.place({
      side: 'sell',
      orderType: 'trailing-stop',
      quantity: '1',
      trail: { by: 'percent', value: '5' },
    });
    const first = new Dec(t.order('o1')!.triggerPrice!);
    t.run(rally(0.2));
    t.wait(1000);
    const raised = new Dec(t.order('o1')!.triggerPrice!);
    expect(raised.greaterThan(first.times(1.15))).toBe(true);
    expect(raised.toFixed()).toBe(
      new Dec(t.order('o1')!.extreme!).times(0.95).toNearest('0.01', Dec.ROUND_DOWN).toFixed(),
    );
    t.run(crash(0.02));
    t.wait(1000);
    expect(new Dec(t.order('o1')!.triggerPrice!).greaterThanOrEqualTo(raised)).toBe(true);
    expect(t.order('o1')!.status).toBe('accepted');
    t.run(crash(0.1));
    t.wait(1000);
    expect(t.order('o1')!.status).toBe('filled');
  });
});

describe('brackets', () => {
  it('protect a filled entry with a take-profit and a stop-loss; one fill cancels the other', () => {
    const t = trader();
    const last = t.last();
    t.place({
      side: 'buy',
      orderType: 'market',
      quantity: '1',
      bracket: { takeProfit: tick(last.times(1.05)), stopLoss: tick(last.times(0.95)) },
    });
    const open = t.s.orders().open;
    expect(open.map((o) => [o.id, o.type, o.quantity])).toEqual([
      ['o1/tp', 'limit', '1'],
      ['o1/sl', 'stop', '1'],
    ]);
    // Both exits sell the same bitcoin: it is reserved once.
    const free = t.try({ side: 'sell', orderType: 'market', quantity: '0.5' });
    expect(free).toMatchObject({ ok: false, code: 'insufficient-position' });
    t.run(crash(0.1));
    t.wait(1000);
    expect(t.order('o1/sl')!.status).toBe('filled');
    expect(t.order('o1/tp')).toMatchObject({ status: 'cancelled', reason: /sibling/ });
    expect(t.s.view().positions).toEqual([]);
  });

  it('refuses a bracket whose take-profit is below the entry', () => {
    const t = trader();
    const last = t.last();
    const result = t.try({
      side: 'buy',
      orderType: 'market',
      quantity: '1',
      bracket: { takeProfit: tick(last.times(0.9)), stopLoss: tick(last.times(0.8)) },
    });
    expect(result).toMatchObject({ ok: false, code: 'invalid-order' });
  });
});

describe('client order ids make orders idempotent', () => {
  it('a resubmitted id returns the first order and never fills twice', () => {
    const t = trader();
    t.place({ side: 'buy', orderType: 'market', quantity: '0.1' }, 'retry-1');
    const seq = t.s.seq;
    const again = t.run({
      type: 'place-order',
      clientOrderId: 'retry-1',
      symbol: 'BTC',
      side: 'buy',
      orderType: 'market',
      quantity: '0.1',
    });
    expect(again).toEqual([{ type: 'duplicate', order: t.order('retry-1') }]);
    expect(t.s.seq).toBe(seq);
    expect(t.fills()).toHaveLength(1);
    expect(t.s.view().positions[0]!.quantity).toBe('0.1');
  });
});

describe('latency', () => {
  it('an order reaches the market after the configured latency, at the price then', () => {
    const config = { ...CONFIG, execution: { ...CONFIG.execution!, latencyMs: 2500 } };
    const t = trader(config);
    t.place({ side: 'buy', orderType: 'market', quantity: '0.1' });
    expect(t.fills()).toEqual([]);
    t.wait(1000);
    expect(t.fills()).toEqual([]);
    t.wait(1000);
    expect(t.fills()).toHaveLength(1);
    expect(t.fills()[0]!.time).toBe(START + 2000);
  });
});

describe('cash', () => {
  it('withdraws only what open buy orders leave free', () => {
    const t = trader();
    const limit = tick(t.last().times(0.9));
    t.place({ side: 'buy', orderType: 'limit', quantity: '1', limitPrice: limit });
    const free = new Dec('100000').minus(t.s.view().reservedCash);
    const refused = t.s.apply({ type: 'withdraw', amount: free.plus(1).toFixed(2) });
    expect(refused).toMatchObject({ ok: false, code: 'insufficient-cash' });
    t.run({ type: 'withdraw', amount: free.toFixed(2) });
    expect(t.s.snapshot().ledger.withdrawn).toBe(free.toFixed());
  });

  it('the ideal preset fills at the last price without fees', async () => {
    const { idealConfig } = await import('../../../src/engine/config.ts');
    const t = trader(idealConfig(CONFIG));
    t.run(deposit('100000000'));
    const last = t.last();
    t.place({ side: 'buy', orderType: 'market', quantity: '1000' });
    expect(t.fills()).toEqual([
      expect.objectContaining({ price: last.toFixed(), fee: '0', slippage: '0', quantity: '1000' }),
    ]);
  });
});
