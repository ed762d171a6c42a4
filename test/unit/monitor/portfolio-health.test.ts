import { describe, expect, it } from 'vitest';
import { portfolioHealth } from '../../../src/engine/monitor/portfolio-health.ts';
import { TIERS } from '../../../src/engine/risk/tiers.ts';

describe('the portfolio figures of the monitor', () => {
  it('measures drawdown, exposure and the use of the tier limits', () => {
    const figures = portfolioHealth({
      equity: '45000',
      dayPnl: '-1000',
      peakEquity: '50000',
      invested: '9000',
      openOrders: 2,
      breaker: false,
      tier: TIERS.moderate,
    });
    // 10 % down from the peak is two thirds of Moderate's 15 %; a 1,000 loss on a 46,000 day
    // start is 2.17 %, 54.35 % of the 4 % daily limit.
    expect(figures).toEqual({
      'portfolio.equity': 45000,
      'portfolio.drawdown-pct': 10,
      'portfolio.day-pnl': -1000,
      'portfolio.exposure-pct': 20,
      'portfolio.open-orders': 2,
      'portfolio.drawdown-usage': 66.6667,
      'portfolio.daily-loss-usage': 54.3478,
      'portfolio.breaker': 0,
    });
  });

  it('leaves the limit usage out when the session has no tier, and never divides by zero', () => {
    const figures = portfolioHealth({
      equity: '0',
      dayPnl: '0',
      peakEquity: '0',
      invested: '0',
      openOrders: 0,
      breaker: true,
      tier: undefined,
    });
    expect(figures['portfolio.drawdown-usage']).toBeNull();
    expect(figures['portfolio.drawdown-pct']).toBe(0);
    expect(figures['portfolio.exposure-pct']).toBe(0);
    expect(figures['portfolio.breaker']).toBe(1);
  });
});
