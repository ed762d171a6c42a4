import { Dec, ZERO } from '../decimal.ts';

export const CATEGORIES = [
  'infrastructure',
  'data-feeds',
  'exchange-fees',
  'software',
  'personnel',
  'compliance',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** One running cost: an amount in USD per month or per year. */
export interface LineItem {
  readonly label: string;
  readonly category: Exclude<Category, 'exchange-fees'>;
  readonly amount: string;
  readonly period: 'monthly' | 'annual';
}

/** A named operating-cost tier. Exchange fees are never typed in: they come from trading volume. */
export interface CostTier {
  readonly name: string;
  readonly items: readonly LineItem[];
}

/**
 * The presets. Professional reproduces the original report: $109,700 a year, so $9,141.67 a
 * month, with infrastructure $625 and data feeds $1,000 a month (exchange fees come on top).
 */
export const PRESET_TIERS: readonly CostTier[] = [
  {
    name: 'Budget',
    items: [
      {
        label: 'Cloud server (small VPS)',
        category: 'infrastructure',
        amount: '40',
        period: 'monthly',
      },
      {
        label: 'Free exchange market data',
        category: 'data-feeds',
        amount: '0',
        period: 'monthly',
      },
      {
        label: 'Charting and alerts subscription',
        category: 'software',
        amount: '240',
        period: 'annual',
      },
      { label: 'Backups and domain', category: 'other', amount: '10', period: 'monthly' },
    ],
  },
  {
    name: 'Professional',
    items: [
      {
        label: 'Cloud servers with failover',
        category: 'infrastructure',
        amount: '625',
        period: 'monthly',
      },
      {
        label: 'Consolidated market data feed',
        category: 'data-feeds',
        amount: '1000',
        period: 'monthly',
      },
      {
        label: 'Trading and analytics software',
        category: 'software',
        amount: '3600',
        period: 'annual',
      },
      {
        label: 'Part-time quant developer',
        category: 'personnel',
        amount: '80000',
        period: 'annual',
      },
      {
        label: 'Accounting and tax reporting',
        category: 'compliance',
        amount: '6600',
        period: 'annual',
      },
    ],
  },
  {
    name: 'Enterprise',
    items: [
      {
        label: 'Co-located servers and network',
        category: 'infrastructure',
        amount: '4500',
        period: 'monthly',
      },
      {
        label: 'Institutional data feeds',
        category: 'data-feeds',
        amount: '6000',
        period: 'monthly',
      },
      {
        label: 'Execution and risk platform licences',
        category: 'software',
        amount: '36000',
        period: 'annual',
      },
      {
        label: 'Trading and engineering team',
        category: 'personnel',
        amount: '480000',
        period: 'annual',
      },
      {
        label: 'Legal, audit and compliance',
        category: 'compliance',
        amount: '90000',
        period: 'annual',
      },
      { label: 'Insurance and office', category: 'other', amount: '2000', period: 'monthly' },
    ],
  },
];

/** A tier's monthly cost, in total and by category, as exact decimals rounded to the cent. */
export interface MonthlyCost {
  readonly total: Dec;
  readonly byCategory: Readonly<Record<Category, Dec>>;
}

/**
 * Monthly cost of a tier plus exchange fees. The one rounding rule: every item is first made an
 * exact annual amount (a monthly amount × 12), amounts are added exactly, and only the final
 * monthly figure (annual ÷ 12) is rounded to the cent, half to even. So 109,700 a year is
 * 9,141.67 a month, and no cent is lost by rounding items one by one.
 */
export function monthlyCost(tier: CostTier, monthlyExchangeFees: Dec): MonthlyCost {
  const annual = Object.fromEntries(CATEGORIES.map((c) => [c, ZERO])) as Record<Category, Dec>;
  for (const item of tier.items) {
    const yearly = new Dec(item.amount).times(item.period === 'monthly' ? 12 : 1);
    annual[item.category] = annual[item.category].plus(yearly);
  }
  annual['exchange-fees'] = monthlyExchangeFees.times(12);
  const byCategory = Object.fromEntries(
    CATEGORIES.map((c) => [c, annual[c].dividedBy(12).toDecimalPlaces(2, Dec.ROUND_HALF_EVEN)]),
  ) as Record<Category, Dec>;
  const total = CATEGORIES.reduce((sum, c) => sum.plus(annual[c]), ZERO)
    .dividedBy(12)
    .toDecimalPlaces(2, Dec.ROUND_HALF_EVEN);
  return { total, byCategory };
}

/** Exchange fees of a month from an assumed monthly volume and a fee rate. */
export function feesFromVolume(monthlyVolume: Dec, feeRate: Dec): Dec {
  return monthlyVolume.times(feeRate).toDecimalPlaces(2, Dec.ROUND_HALF_EVEN);
}

/** Exchange fees per month from a session's fills over `months` simulated months. */
export function feesFromFills(fills: readonly { readonly fee: string }[], months: Dec): Dec {
  if (!months.isPositive() || months.isZero()) return ZERO;
  const total = fills.reduce((sum, f) => sum.plus(f.fee), ZERO);
  return total.dividedBy(months).toDecimalPlaces(2, Dec.ROUND_HALF_EVEN);
}
