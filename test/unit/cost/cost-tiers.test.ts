import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/engine/decimal.ts';
import {
  breakEven,
  breakEvenMonth,
  project,
  projectionCsv,
  roi,
  sensitivity,
} from '../../../src/engine/cost/break-even.ts';
import {
  feesFromFills,
  feesFromVolume,
  monthlyCost,
  PRESET_TIERS,
} from '../../../src/engine/cost/cost-tiers.ts';

const tier = (name: string) => PRESET_TIERS.find((t) => t.name === name)!;
const d = (s: string) => new Dec(s);

describe('cost tiers', () => {
  it('give the original report’s Professional figures exactly', () => {
    const cost = monthlyCost(tier('Professional'), d('0'));
    expect(cost.total.toFixed(2)).toBe('9141.67');
    expect(cost.byCategory.infrastructure.toFixed(2)).toBe('625.00');
    expect(cost.byCategory['data-feeds'].toFixed(2)).toBe('1000.00');
    expect(cost.byCategory['exchange-fees'].toFixed(2)).toBe('0.00');
  });

  it('derive monthly figures from the exact annual sum, rounding once', () => {
    // 109,700 / 12 = 9,141.666…: rounding items first would give 9,141.66 (625 + 1000 + 300 + 6666.67 + 550).
    const annualOnly = {
      name: 'x',
      items: [{ label: 'a', category: 'other', amount: '109700', period: 'annual' }],
    } as const;
    expect(monthlyCost(annualOnly, d('0')).total.toFixed(2)).toBe('9141.67');
    const thirds = {
      name: 'y',
      items: [0, 1, 2].map(
        () => ({ label: 't', category: 'software', amount: '100', period: 'annual' }) as const,
      ),
    };
    expect(monthlyCost(thirds, d('0')).total.toFixed(2)).toBe('25.00');
  });

  it('take exchange fees from trading volume or from the session’s fills', () => {
    expect(feesFromVolume(d('2500000'), d('0.001')).toFixed(2)).toBe('2500.00');
    const fills = [{ fee: '12.49' }, { fee: '6.25' }, { fee: '0.51' }];
    expect(feesFromFills(fills, d('0.5')).toFixed(2)).toBe('38.50');
    expect(monthlyCost(tier('Professional'), d('2500')).total.toFixed(2)).toBe('11641.67');
  });

  it('find the break-even return and the ROI by hand-computed cases', () => {
    expect(breakEven(d('9141.67'), d('500000'))).toEqual({
      dollars: d('9141.67'),
      percent: d('1.83'),
    });
    // $200,000 a year of P&L against $109,700.04 of cost: (200000 − 109700.04) / 109700.04 = 82.3 %.
    expect(roi(d('200000'), d('9141.67'))!.toFixed(1)).toBe('82.3');
    expect(roi(d('1000'), d('0'))).toBeNull();
    const grid = sensitivity(d('1000'), [d('100000')], [d('0.01'), d('0.02')]);
    expect(grid.map((row) => row.map((x) => x!.toFixed(1)))).toEqual([['0.0', '100.0']]);
  });

  it('projects months of cost against P&L and marks the break-even month', () => {
    const rows = project({
      months: 12,
      monthlyCost: d('1000'),
      monthlyPnl: d('900'),
      costGrowth: d('0'),
      volumeGrowth: d('0.6'),
    });
    // P&L grows 5 % of 900 a month: 900, 945, 990, 1035, … cumulative net −100, −155, −165, −130, −50, +75: positive in month 6.
    expect(rows[3]!.pnl.toFixed(2)).toBe('1035.00');
    expect(breakEvenMonth(rows)).toBe(6);
    expect(projectionCsv(rows).split('\n')[0]).toBe('month,cost,pnl,cumulative_net');
    expect(projectionCsv(rows).split('\n')[1]).toBe('1,1000.00,900.00,-100.00');
  });
});
