import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/engine/decimal.ts';
import { costReport } from '../../../src/worker/cost-report.ts';
import type { CostRequest } from '../../../src/schema/cost.ts';

const HOUR = 3_600_000;
const MONTH = (365 / 12) * 24 * HOUR;
// One tier of $500 a month and no exchange fees, so its cost is exactly $500 a month.
const request: CostRequest = {
  capital: '50000',
  monthlyVolume: '0',
  useSessionFills: false,
  months: 12,
  costGrowthPercent: 0,
  volumeGrowthPercent: 0,
  custom: {
    name: 'Mine',
    items: [{ label: 'Server', category: 'infrastructure', amount: '500', period: 'monthly' }],
  },
};
const session = (pnl: string, elapsedMs: number) => ({
  pnl: new Dec(pnl),
  elapsedMs,
  feesPaid: '0',
  takerFeeRate: '0.001',
});
const mine = (elapsedMs: number) =>
  costReport(request, session('1000', elapsedMs), 0).tiers.find((t) => t.name === 'Mine')!;

describe('the cost ROI, a figure scaled to a year', () => {
  it('waits for 7 days of simulated history, as the other annualized figures do', () => {
    expect(mine(8 * HOUR)).toMatchObject({ roiPercent: null, roiNeedsDays: 7 });
    expect(mine(7 * 24 * HOUR - 1)).toMatchObject({ roiPercent: null, roiNeedsDays: 7 });
  });

  it('is shown once it has them: $1,000 a month against $500 a month returns 100 %', () => {
    // (12 × 1,000 − 12 × 500) ÷ (12 × 500) = 100 %.
    const tier = mine(MONTH);
    expect(tier.roiPercent).toBe('100.0');
    expect(tier).not.toHaveProperty('roiNeedsDays');
  });
});
