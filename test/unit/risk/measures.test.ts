import { describe, expect, it } from 'vitest';
import {
  betaTo,
  concentration,
  correlationMatrix,
  covarianceMatrix,
  crashLoss,
  historicalVar,
  parametricVar,
} from '../../../src/engine/risk/measures.ts';

describe('risk measures against hand-computed cases', () => {
  // Twenty daily returns: the worst is −10 %, the next −8 %.
  const returns = [-0.1, -0.08, ...Array.from({ length: 18 }, (_, i) => (i % 2 ? 0.01 : -0.01))];

  it('takes historical VaR as the loss quantile and ES as the mean beyond it', () => {
    // 5 % of 20 days is one day: VaR and ES are both the worst loss, 10 % of $1,000.
    expect(historicalVar(returns, 0.95, 1000)).toEqual({
      valueAtRisk: 100,
      expectedShortfall: 100,
    });
  });

  it('computes parametric VaR as z × sigma of the position values', () => {
    // One position of $1,000 with 5 % daily volatility: sigma = $50; z95 × 50 = 82.24.
    const { valueAtRisk, expectedShortfall } = parametricVar([1000], [[0.0025]], 0.95);
    expect(valueAtRisk).toBeCloseTo(82.243, 3);
    // ES of a normal at 95 %: sigma × φ(1.645) / 0.05 = 50 × 2.0627 = 103.14.
    expect(expectedShortfall).toBeCloseTo(103.136, 2);
  });

  it('diversifies two uncorrelated positions to √2 of one', () => {
    const single = parametricVar([1000], [[0.0025]], 0.99).valueAtRisk;
    const pair = parametricVar(
      [500, 500],
      [
        [0.0025, 0],
        [0, 0.0025],
      ],
      0.99,
    ).valueAtRisk;
    expect(pair / single).toBeCloseTo(Math.SQRT1_2, 10);
  });

  it('finds correlation 1 and beta 2 for a series twice another', () => {
    const btc = [0.01, -0.02, 0.03, 0.005, -0.01];
    const alt = btc.map((r) => 2 * r);
    expect(correlationMatrix(covarianceMatrix([btc, alt]))[0]![1]).toBeCloseTo(1, 12);
    expect(betaTo(alt, btc)).toBeCloseTo(2, 12);
  });

  it('measures concentration and a crash with every correlation at one', () => {
    expect(concentration([100])).toBe(1);
    expect(concentration([50, 50, 50, 50])).toBe(0.25);
    expect(crashLoss([1000, 500], 0.3)).toBe(450);
  });
});
