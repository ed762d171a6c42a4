import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSETS } from '../../../src/engine/market/universe.ts';
import { correlation, factsOf, logReturns } from '../../../src/engine/market/facts.ts';
import params from '../../../src/engine/market/params.json';
import type { MarketModel } from '../../../src/engine/market/market.ts';
import { simulateCandles } from '../../../src/engine/market/simulate.ts';

const START = Date.UTC(2026, 0, 1);
const REAL = ['BTC', 'ETH', 'SOL', 'ADA', 'DOT'] as const;

/** Daily closes of the whole universe over four years, at 15-minute ticks (the model is tick-size invariant). */
function dailyCloses(seed: string, model: MarketModel): number[][] {
  const closes: number[][] = DEFAULT_ASSETS.map(() => []);
  for (const candles of simulateCandles({
    seed,
    assets: DEFAULT_ASSETS,
    tickMs: 900_000,
    intervalMs: 86_400_000,
    startTime: START,
    days: 730,
    model,
  })) {
    candles.forEach((c, i) => closes[i]!.push(c.close));
  }
  return closes;
}

const seeds = ['facts-1', 'facts-2', 'facts-3'];

// Model 1 made every session before file version 3; model 2 makes the same distribution faster.
describe.each([1, 2] as const)(
  'market model %i has the stylized facts of real crypto prices',
  (model) => {
    const runs = seeds.map((seed) => dailyCloses(seed, model));
    const returnsOf = (symbol: string) =>
      runs.map((closes) =>
        logReturns(closes[DEFAULT_ASSETS.findIndex((a) => a.symbol === symbol)]!),
      );

    it.each(REAL)('%s: annualized volatility near its calibrated target', (symbol) => {
      const target = params.assets[symbol].annualVolatility;
      for (const returns of returnsOf(symbol)) {
        const { annualizedVolatility } = factsOf(returns, 365);
        expect(annualizedVolatility).toBeGreaterThan(target * 0.75);
        expect(annualizedVolatility).toBeLessThan(target * 1.3);
      }
    });

    it.each(REAL)('%s: fat tails, no linear autocorrelation, clustered volatility', (symbol) => {
      const pooled = returnsOf(symbol).map((r) => factsOf(r, 365));
      const avg = (pick: (f: (typeof pooled)[number]) => number) =>
        pooled.reduce((s, f) => s + pick(f), 0) / pooled.length;
      // Real daily data (2020–2025): excess kurtosis 3.6–9.7, tail index 2.9–3.3.
      expect(avg((f) => f.excessKurtosis)).toBeGreaterThan(1);
      expect(avg((f) => f.tailIndex)).toBeGreaterThan(2);
      expect(avg((f) => f.tailIndex)).toBeLessThan(6);
      // Returns themselves are not predictable: within the noise band of 1460 days (±0.051), with slack.
      expect(Math.abs(avg((f) => f.acfReturnLag1))).toBeLessThan(0.1);
      // Their size is: |r| autocorrelates (real 0.13–0.26 at lag 1) and decays slowly.
      expect(avg((f) => f.acfAbsLag1)).toBeGreaterThan(0.1);
      expect(avg((f) => f.acfAbsLag20)).toBeGreaterThan(0);
      expect(avg((f) => f.acfAbsLag20)).toBeLessThan(avg((f) => f.acfAbsLag1));
    });

    it('correlates the coins as the real ones are correlated', () => {
      const order: readonly string[] = params.correlation.order;
      for (const [a, b] of [
        ['BTC', 'ETH'],
        ['BTC', 'SOL'],
        ['ETH', 'DOT'],
      ] as const) {
        const target = params.correlation.matrix[order.indexOf(a)]![order.indexOf(b)]!;
        const measured = returnsOf(a).map((ra, k) => correlation(ra, returnsOf(b)[k]!));
        const average = measured.reduce((s, x) => s + x, 0) / measured.length;
        expect(Math.abs(average - target), `${a}/${b}`).toBeLessThan(0.12);
      }
    });

    it('is quieter at weekends and has the intraday rhythm of the real market', () => {
      const hourly = DEFAULT_ASSETS.slice(0, 1);
      const absByHour = new Array<number>(24).fill(0);
      const countByHour = new Array<number>(24).fill(0);
      let weekend = 0;
      let weekendCount = 0;
      let weekday = 0;
      let weekdayCount = 0;
      let previous: number | undefined;
      for (const [c] of simulateCandles({
        seed: 'rhythm',
        assets: hourly,
        tickMs: 60_000,
        intervalMs: 3_600_000,
        startTime: START,
        days: 182,
        model,
      })) {
        if (previous !== undefined) {
          const r = Math.abs(Math.log(c!.close / previous));
          const date = new Date(c!.time);
          absByHour[date.getUTCHours()]! += r;
          countByHour[date.getUTCHours()]!++;
          if (date.getUTCDay() === 0 || date.getUTCDay() === 6)
            [weekend, weekendCount] = [weekend + r, weekendCount + 1];
          else [weekday, weekdayCount] = [weekday + r, weekdayCount + 1];
        }
        previous = c!.close;
      }
      const profile = absByHour.map((s, h) => s / countByHour[h]!);
      expect(correlation(profile, params.intradayVolatility)).toBeGreaterThan(0.6);
      // Real: weekend |r| is 0.57–0.80 of weekday |r|.
      expect(weekend / weekendCount / (weekday / weekdayCount)).toBeLessThan(0.9);
    });
  },
);
