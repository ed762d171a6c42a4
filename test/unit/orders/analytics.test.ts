import { describe, expect, it } from 'vitest';
import { computeMetrics, drawdown, curveReturns } from '../../../src/engine/analytics/metrics.ts';
import type { CurveState } from '../../../src/engine/analytics/curve.ts';
import { EquityCurve } from '../../../src/engine/analytics/curve.ts';
import { Session } from '../../../src/engine/session.ts';
import { CONFIG, START, buy, deposit, sell } from '../../support/sessions.ts';
import { NO_TRADES } from '../../support/stats.ts';

const curve = (...points: [string, string, string][]): CurveState => ({
  start: 0,
  intervalMs: 86_400_000,
  points,
  day: 0,
  dayStartEquity: '0',
  dayStartNet: '0',
});
const value = (metrics: ReturnType<typeof computeMetrics>, id: string) =>
  metrics.find((m) => m.id === id)!.value;

describe('analytics', () => {
  it('take deposits out of returns: money added is not profit', () => {
    const { returns } = curveReturns(
      curve(['1000', '0', '1000'], ['2100', '0', '2000'], ['2100', '0', '2000']),
    );
    // 1000 → 2100 with 1000 deposited is a 10 % gain, then flat.
    expect(returns[0]).toBeCloseTo(0.1, 12);
    expect(returns[1]).toBe(0);
  });

  it('measure the deepest drawdown and the longest time under water', () => {
    expect(drawdown([1, 1.2, 0.9, 1.0, 1.3, 1.2], 10)).toEqual({ depth: 0.25, duration: 20 });
  });

  it('compute win rate, profit factor and expectancy from the round trips', () => {
    const stats = { ...NO_TRADES, wins: 3, losses: 1, grossProfit: '300', grossLoss: '100' };
    const metrics = computeMetrics(curve(['1000', '0', '1000']), stats);
    expect(value(metrics, 'winRate')).toBe(0.75);
    expect(value(metrics, 'profitFactor')).toBe(3);
    expect(value(metrics, 'averageWin')).toBe(100);
    expect(value(metrics, 'averageLoss')).toBe(100);
    expect(value(metrics, 'expectancy')).toBe(50);
  });

  it('say "not known yet" rather than invent a ratio from too little data', () => {
    const metrics = computeMetrics(curve(['1000', '0', '1000']), NO_TRADES);
    expect(value(metrics, 'sharpe')).toBeNull();
    expect(value(metrics, 'winRate')).toBeNull();
    expect(metrics.every((m) => m.definition.length > 20)).toBe(true);
  });

  it('come from a running session: the curve is sampled and stays bounded and evenly spaced', () => {
    const s = Session.create('curve', CONFIG);
    s.apply(deposit('10000'));
    s.apply(buy('0.1'));
    s.advanceTo(START + 30 * 86_400_000);
    s.apply(sell('0.1'));
    const { curve: sampled, stats } = s.record();
    expect(sampled.points.length).toBeLessThanOrEqual(500);
    expect(sampled.intervalMs).toBeGreaterThan(60_000);
    expect(stats.wins + stats.losses).toBe(1);
    expect(value(computeMetrics(sampled, stats), 'exposure')).toBeGreaterThan(0.4);
    // Thirty simulated days are 2.6 million ticks: about 12 s alone, more on a busy machine.
  }, 60_000);

  it('halve the curve by keeping every second sample when it is full', () => {
    const c = EquityCurve.create(0);
    for (let i = 0; i <= 500; i++) c.record(c.nextAt, [String(i), '0', '0']);
    const state = c.snapshot();
    expect(state.intervalMs).toBe(120_000);
    expect(state.points.slice(0, 3).map((p) => p[0])).toEqual(['0', '2', '4']);
  });
});
