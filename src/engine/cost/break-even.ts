import { Dec } from '../decimal.ts';

/** The monthly return that pays a monthly cost on a capital: in dollars, and as a percent. */
export function breakEven(
  monthlyCost: Dec,
  capital: Dec,
): { readonly dollars: Dec; readonly percent: Dec | null } {
  const percent = capital.isZero()
    ? null
    : monthlyCost.dividedBy(capital).times(100).toDecimalPlaces(2, Dec.ROUND_UP);
  return { dollars: monthlyCost, percent };
}

/**
 * Return on the running cost over a year: (annual P&L − annual cost) ÷ annual cost, in percent.
 * Null when the tier costs nothing (any profit is an infinite return on nothing).
 */
export function roi(annualPnl: Dec, monthlyCost: Dec): Dec | null {
  const annualCost = monthlyCost.times(12);
  if (annualCost.isZero()) return null;
  return annualPnl
    .minus(annualCost)
    .dividedBy(annualCost)
    .times(100)
    .toDecimalPlaces(1, Dec.ROUND_HALF_EVEN);
}

/** ROI over a grid of capitals × monthly returns (fractions), for the sensitivity table. */
export function sensitivity(
  monthlyCost: Dec,
  capitals: readonly Dec[],
  monthlyReturns: readonly Dec[],
): (Dec | null)[][] {
  return capitals.map((capital) =>
    monthlyReturns.map((r) => roi(capital.times(r).times(12), monthlyCost)),
  );
}

/** One month of a projection. */
export interface ProjectionMonth {
  readonly month: number;
  readonly cost: Dec;
  readonly pnl: Dec;
  readonly cumulativeNet: Dec;
}

/**
 * Months of costs against P&L: costs grow by `costGrowth` a year and P&L with the traded volume by
 * `volumeGrowth` a year, as simple (not compounded) growth, 1 + g × (months elapsed ÷ 12), so every
 * figure stays an exact decimal.
 */
export function project(input: {
  readonly months: 12 | 24 | 36;
  readonly monthlyCost: Dec;
  readonly monthlyPnl: Dec;
  readonly costGrowth: Dec;
  readonly volumeGrowth: Dec;
}): ProjectionMonth[] {
  const rows: ProjectionMonth[] = [];
  let cumulative = new Dec(0);
  for (let m = 1; m <= input.months; m++) {
    const years = new Dec(m - 1).dividedBy(12);
    const cost = input.monthlyCost
      .times(new Dec(1).plus(input.costGrowth.times(years)))
      .toDecimalPlaces(2, Dec.ROUND_HALF_EVEN);
    const pnl = input.monthlyPnl
      .times(new Dec(1).plus(input.volumeGrowth.times(years)))
      .toDecimalPlaces(2, Dec.ROUND_HALF_EVEN);
    cumulative = cumulative.plus(pnl).minus(cost);
    rows.push({ month: m, cost, pnl, cumulativeNet: cumulative });
  }
  return rows;
}

/** The first month whose cumulative net is not negative, or null if none in the projection. */
export function breakEvenMonth(rows: readonly ProjectionMonth[]): number | null {
  return rows.find((r) => !r.cumulativeNet.isNegative())?.month ?? null;
}

/** The projection as CSV, columns fixed: month,cost,pnl,cumulative_net. */
export function projectionCsv(rows: readonly ProjectionMonth[]): string {
  const lines = [
    'month,cost,pnl,cumulative_net',
    ...rows.map((r) =>
      [r.month, r.cost.toFixed(2), r.pnl.toFixed(2), r.cumulativeNet.toFixed(2)].join(','),
    ),
  ];
  return `${lines.join('\n')}\n`;
}
