import { describe, expect, it } from 'vitest';
import type { Command } from '../../../src/engine/commands.ts';
import type { EngineEvent } from '../../../src/engine/events.ts';
import { TIERS } from '../../../src/engine/risk/tiers.ts';
import { Session } from '../../../src/engine/session.ts';
import { AT_LAST, START, buy, deposit } from '../../support/sessions.ts';

/** Moderate, but a day's loss of 0.1 % trips the daily breaker: a 10 % fall of 2 % is enough. */
const TIGHT = { ...AT_LAST, risk: { ...TIERS.moderate, dailyLossLimit: '0.001' } };

function session() {
  const s = Session.create('breakers', TIGHT);
  const events: EngineEvent[] = [];
  s.onEvent = (e) => events.push(e);
  const run = (command: Command) => {
    const applied = s.apply(command);
    if (!applied.ok) throw new Error(applied.message);
    events.push(...applied.value);
  };
  run(deposit('100000'));
  run(buy('0.03'));
  const ethBuy = (id: string, limitPrice: string): Command => ({
    type: 'place-order',
    clientOrderId: id,
    symbol: 'ETH',
    side: 'buy',
    orderType: 'limit',
    quantity: '0.5',
    limitPrice,
  });
  const order = (id: string) => s.orders().closed.find((o) => o.id === id);
  const fills = () => events.filter((e) => e.type === 'filled' && e.symbol === 'ETH');
  return { s, run, ethBuy, order, fills };
}

describe('circuit breakers halt resting entries too', () => {
  it('cancels a resting buy when the daily-loss breaker trips', () => {
    const { s, run, ethBuy, order } = session();
    // ETH at 2,987.45: a limit 9 % lower rests.
    run(ethBuy('dip', '2718.58'));
    run({ type: 'scenario', event: { type: 'flash-crash', symbol: 'BTC', drop: 0.1 } });
    s.advanceTo(START + 60_000);
    expect(s.view().breaker).toMatchObject({ kind: 'daily-loss' });
    expect(order('dip')).toMatchObject({
      status: 'cancelled',
      reason: expect.stringMatching(/^New buys are halted: today's loss of \$/),
    });
    expect(s.view().reservedCash).toBe('0');
  });

  it('does not fill a resting buy the market reaches after the loss limit, before the sample', () => {
    const { s, run, ethBuy, order, fills } = session();
    run(ethBuy('dip', '2897.83'));
    s.advanceTo(START + 10_000);
    // Everything falls 10 %: ETH's ask is far below the limit at the next tick, but the day's
    // loss is over its limit already, so the buy is cancelled instead of filled.
    run({ type: 'scenario', event: { type: 'flash-crash', drop: 0.1 } });
    s.advanceTo(START + 11_000);
    expect(fills()).toEqual([]);
    expect(order('dip')).toMatchObject({ status: 'cancelled', reason: /New buys are halted/ });
    expect(s.view().breaker).toBeNull();
    s.advanceTo(START + 60_000);
    expect(s.view().breaker).toMatchObject({ kind: 'daily-loss' });
  });
});

describe('deposits and withdrawals move the drawdown baseline', () => {
  it('a $10,000 withdrawal from $50,000 does not trip the drawdown breaker', () => {
    const s = Session.create('withdrawal', { ...AT_LAST, risk: TIERS.moderate });
    s.apply(deposit('50000'));
    s.advanceTo(START + 120_000);
    expect(s.apply({ type: 'withdraw', amount: '10000' }).ok).toBe(true);
    s.advanceTo(START + 600_000);
    expect(s.view().breaker).toBeNull();
    expect(s.snapshot().risk.peakEquity).toBe('40000');
    expect(s.health()['portfolio.drawdown-pct']).toBe(0);
  });

  it('a deposit raises the peak by what was added, so a drawdown stays a drawdown', () => {
    const s = Session.create('deposit', { ...AT_LAST, risk: TIERS.moderate });
    s.apply(deposit('50000'));
    s.apply(deposit('25000'));
    expect(s.snapshot().risk.peakEquity).toBe('75000');
  });
});
