import { describe, expect, it } from 'vitest';
import { runTierLab } from '../../../src/engine/risk/tier-lab.ts';
import type { RiskTier } from '../../../src/engine/risk/tiers.ts';

// A tier for hand-checking: 3 % positions (held to 2 % by the global cap), room for three.
const tight: RiskTier = {
  name: 'custom',
  label: 'Tight',
  riskPerTrade: '0.01',
  maxPositionFraction: '0.03',
  maxOpenPositions: 3,
  dailyLossLimit: '0.5',
  maxDrawdown: '0.5',
};

describe('what held a tier back, on a small case checked by hand', () => {
  it('counts buys over the open-position limit and buys sized down by the global cap', () => {
    // Day 0, at the start prices: five buys of 3 % of $50,000 wanted, each cut to $1,000 (2 %).
    // BTC, ETH and ADA fill; SOL and DOT would be a fourth and fifth position.
    const run = runTierLab('7', 1, 'buy-and-hold', tight);
    expect(run.orders).toBe(5);
    expect(run.heldBack).toEqual({
      refusedBy: { 'max-open-positions': 2 },
      cappedByGlobal: 3,
      breakerTrips: 0,
      tripsBy: {},
      daysHalted: 0,
    });
  });

  it('counts buys refused by a breaker, its trips and the days it halted', () => {
    // A 0.001 % daily limit is 50 cents. Buying $1,000 of BTC costs a $1.00 fee and 3 cents of
    // spread, so equity is $49,998.97: the next four buys are refused at once, and on seed 7 the
    // loss is still there at the first hourly sample, which trips the breaker for day 0.
    const run = runTierLab('7', 1, 'buy-and-hold', { ...tight, dailyLossLimit: '0.00001' });
    expect(run.equity[0]).toBe(49_998.97);
    expect(run.heldBack).toEqual({
      refusedBy: { breaker: 4 },
      cappedByGlobal: 1,
      breakerTrips: 1,
      tripsBy: { 'daily-loss': 1 },
      daysHalted: 1,
    });
  });
});
