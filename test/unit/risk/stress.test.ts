import { describe, expect, it } from 'vitest';
import { Z_SCORES } from '../../../src/engine/risk/measures.ts';
import { riskReport } from '../../../src/engine/risk/stress.ts';
import { DEFAULT_ASSETS } from '../../../src/engine/market/universe.ts';

describe('the risk report', () => {
  it('gives one position a VaR of z × daily volatility × value', () => {
    const btc = DEFAULT_ASSETS.find((a) => a.symbol === 'BTC')!;
    const report = riskReport([{ symbol: 'BTC', value: 1000 }], DEFAULT_ASSETS);
    expect(report.var95).toBeCloseTo(
      Z_SCORES[0.95] * (btc.annualVolatility / Math.sqrt(365)) * 1000,
      9,
    );
    expect(report.crash30).toBe(300);
    expect(report.concentration).toBe(1);
    expect(report.betas).toEqual([{ symbol: 'BTC', beta: 1 }]);
  });

  it('replays the worst real day, 19 May 2021, on today’s positions', () => {
    const report = riskReport(
      [
        { symbol: 'BTC', value: 1000 },
        { symbol: 'SOL', value: 1000 },
      ],
      DEFAULT_ASSETS,
    );
    expect(report.worstDays[0]!.date).toBe('2021-05-19');
    expect(report.worstDays[0]!.loss).toBeCloseTo(137.7 + 372.1, 9);
    expect(report.concentration).toBe(0.5);
    // Two coins that move together less than fully: less VaR than the sum of their own.
    const alone = (symbol: string) => riskReport([{ symbol, value: 1000 }], DEFAULT_ASSETS).var95;
    expect(report.var95).toBeLessThan(alone('BTC') + alone('SOL'));
  });
});
