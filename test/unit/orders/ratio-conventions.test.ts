import { describe, expect, it } from 'vitest';
import type { CurveState } from '../../../src/engine/analytics/curve.ts';
import { computeMetrics } from '../../../src/engine/analytics/metrics.ts';
import { NO_TRADES } from '../../support/stats.ts';

// The conventions of "How fills and figures work", checked against numbers worked out by hand
// (Python's math module, not this code): 30 daily returns alternating +1 % and −0.5 %.
const DAY = 86_400_000;
const RETURNS = Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? 0.01 : -0.005));

function dailyCurve(returns: readonly number[], intervalMs = DAY): CurveState {
  let equity = 1000;
  const points: [string, string, string][] = [[String(equity), '0', '1000']];
  for (const r of returns) {
    equity *= 1 + r;
    points.push([equity.toFixed(10), '0', '1000']);
  }
  return { start: 0, intervalMs, points, day: 0, dayStartEquity: '0', dayStartNet: '0' };
}
const figure = (curve: CurveState, id: string) =>
  computeMetrics(curve, NO_TRADES).find((m) => m.id === id)!;

describe('how the ratios are computed', () => {
  it('Sharpe uses the sample standard deviation (n − 1), annualized by √(365 days ÷ interval)', () => {
    expect(figure(dailyCurve(RETURNS), 'sharpe').value).toBeCloseTo(6.2612861062, 6);
    expect(figure(dailyCurve(RETURNS), 'volatility').value).toBeCloseTo(0.1457368318, 8);
  });

  it('Sortino divides by the downside deviation over all n returns', () => {
    expect(figure(dailyCurve(RETURNS), 'sortino').value).toBeCloseTo(13.5092560861, 6);
  });

  it('annualized figures wait for 7 days of history and say so', () => {
    const hourly = dailyCurve(RETURNS, 3_600_000); // 30 hours
    const sharpe = figure(hourly, 'sharpe');
    expect(sharpe.value).toBeNull();
    expect(sharpe.needsDays).toBe(7);
    expect(sharpe.reason).toMatch(/^Needs 7 days of history/);
  });
});
