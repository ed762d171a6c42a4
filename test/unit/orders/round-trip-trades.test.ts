import { describe, expect, it } from 'vitest';
import type { CurveState } from '../../../src/engine/analytics/curve.ts';
import { computeMetrics } from '../../../src/engine/analytics/metrics.ts';
import { desk, type Levels } from './scripted-book.ts';
import { NO_TRADES } from '../../support/stats.ts';

/** A desk that buys and sells BTC at prices of about $100, so that 10 coins cost $1,000. */
function trader() {
  const d = desk('10000');
  let n = 0;
  const trade = (side: 'buy' | 'sell', quantity: string, levels: Levels) => {
    // The book around the levels: the other side a cent away, the last price between.
    const best = Number(levels[0]![0]);
    const other: Levels = [[(side === 'buy' ? best - 0.02 : best + 0.02).toFixed(2), '100']];
    const last = (side === 'buy' ? best - 0.01 : best + 0.01).toFixed(2);
    d.market.show(last, side === 'buy' ? other : levels, side === 'buy' ? levels : other);
    const placed = d.place(`t${++n}`, { side, orderType: 'market', quantity });
    if (!placed.ok) throw new Error(placed.message);
  };
  const metric = (id: string) => {
    const metrics = computeMetrics(EMPTY_CURVE, d.stats.snapshot());
    return metrics.find((m) => m.id === id)!.value;
  };
  return { d, trade, metric, stats: () => d.stats.snapshot() };
}

const EMPTY_CURVE: CurveState = {
  start: 0,
  intervalMs: 60_000,
  points: [],
  day: 0,
  dayStartEquity: '0',
  dayStartNet: '0',
};

describe('a trade is a round trip from flat to flat, with the fees of both sides', () => {
  it('buy 10 @ 100, sell 10 @ 100.15, $1 + $1 of fees: one trade, a $0.50 loss', () => {
    const t = trader();
    t.trade('buy', '10', [['100', '50']]);
    // Gross +$1.50 (1,001.50 − 1,000.00); fees $1.00 + $1.0015 → $1.00: −$0.50.
    t.trade('sell', '10', [['100.15', '50']]);
    expect(t.d.fills().map((f) => [f.notional, f.fee, f.realizedPnl])).toEqual([
      ['1000', '1', '0'],
      ['1001.5', '1', '1.5'],
    ]);
    expect(t.stats()).toMatchObject({ wins: 0, losses: 1, breakEven: 0, grossLoss: '0.5' });
    expect(t.metric('trades')).toBe(1);
    expect(t.metric('winRate')).toBe(0);
    expect(t.metric('averageLoss')).toBe(0.5);
  });

  it('a sell filled at three price levels is one trade', () => {
    const t = trader();
    t.trade('buy', '3', [['100', '50']]);
    t.trade('sell', '3', [
      ['101', '1'],
      ['100.5', '1'],
      ['100', '1'],
    ]);
    expect(t.d.fills()).toHaveLength(4);
    // Gains of $1.00, $0.50 and $0.00; fees $0.30 on the buy and $0.10 on each slice: $0.90.
    expect(t.stats()).toMatchObject({ wins: 1, losses: 0, grossProfit: '0.9', openTrips: {} });
    expect(t.metric('trades')).toBe(1);
  });

  it('a trip still open is not a trade yet: its P&L so far waits in openTrips', () => {
    const t = trader();
    t.trade('buy', '10', [['100', '50']]);
    // 4 of the 10 sold at 101: +$4.00, fees $1.00 and $0.404 → $0.40.
    t.trade('sell', '4', [['101', '50']]);
    expect(t.stats()).toMatchObject({ wins: 0, losses: 0, openTrips: { BTC: '2.6' } });
    expect(t.metric('trades')).toBe(0);
  });

  it('break-even is a class of its own: not a loss, and left out of the win rate', () => {
    const t = trader();
    // +$2.00 gross, $1.00 + $1.002 → $1.00 of fees: exactly nothing.
    t.trade('buy', '10', [['100', '50']]);
    t.trade('sell', '10', [['100.2', '50']]);
    // +$10.00 gross, $1.00 + $1.01 of fees: a win of $7.99.
    t.trade('buy', '10', [['100', '50']]);
    t.trade('sell', '10', [['101', '50']]);
    expect(t.stats()).toMatchObject({ wins: 1, losses: 0, breakEven: 1, grossProfit: '7.99' });
    expect(t.metric('trades')).toBe(2);
    expect(t.metric('winRate')).toBe(1);
    expect(t.metric('breakEven')).toBe(1);
    expect(t.metric('expectancy')).toBe(3.995);
  });
});

describe('annualized figures wait for enough history', () => {
  /** Equity sampled every minute for `minutes`, swinging by a dollar. */
  const curve = (minutes: number): CurveState => ({
    ...EMPTY_CURVE,
    points: Array.from({ length: minutes + 1 }, (_, i) => [
      String(1000 + (i % 3) - (i % 2)),
      '0',
      '1000',
    ]),
  });

  it('say "needs 7 days" instead of an annualized Sharpe after 8 hours', () => {
    const metrics = computeMetrics(curve(8 * 60), NO_TRADES);
    for (const id of ['annualReturn', 'volatility', 'sharpe', 'sortino', 'calmar']) {
      expect(metrics.find((m) => m.id === id)).toMatchObject({
        value: null,
        needsDays: 7,
        reason: 'Needs 7 days of history to be scaled to a year; there are 8 hours.',
      });
    }
    expect(metrics.find((m) => m.id === 'totalReturn')).toMatchObject({ reason: null });
  });

  it('give them once there is a week of history', () => {
    const metrics = computeMetrics(curve(7 * 24 * 60), NO_TRADES);
    expect(metrics.find((m) => m.id === 'sharpe')).toMatchObject({ reason: null, needsDays: null });
    expect(metrics.find((m) => m.id === 'sharpe')!.value).not.toBeNull();
  });
});
