import {
  breakEven,
  breakEvenMonth,
  project,
  projectionCsv,
  roi,
  sensitivity,
} from '../engine/cost/break-even.ts';
import {
  feesFromFills,
  feesFromVolume,
  monthlyCost,
  PRESET_TIERS,
  type CostTier,
} from '../engine/cost/cost-tiers.ts';
import { Dec, formatUsd } from '../engine/decimal.ts';
import type { CostReport, CostRequest } from '../schema/cost.ts';
import { ANNUALIZE_AFTER_DAYS } from '../engine/analytics/metric-reasons.ts';

const MONTH_MS = (365 / 12) * 86_400_000;
const CAPITALS = ['10000', '50000', '250000', '1000000'];
const RETURNS = ['0.5', '1', '2', '3', '5'];

/** What the session brings to the cost report: its P&L, time run, fees paid and fee rate. */
export interface SessionFigures {
  readonly pnl: Dec;
  readonly elapsedMs: number;
  /** Fees of all its fills, from the ledger: no replay needed. */
  readonly feesPaid: string;
  readonly takerFeeRate: string;
}

/** Works out every tier's costs, break-even and ROI against the session's simulated P&L. */
export function costReport(request: CostRequest, session: SessionFigures, now: number): CostReport {
  const months = new Dec(Math.max(session.elapsedMs, 1)).dividedBy(MONTH_MS);
  const fees = request.useSessionFills
    ? feesFromFills([{ fee: session.feesPaid }], months)
    : feesFromVolume(new Dec(request.monthlyVolume), new Dec(session.takerFeeRate));
  // Monthly P&L from the session, scaled from its simulated time; nothing to scale before an hour.
  const monthlyPnl =
    session.elapsedMs < 3_600_000 ? new Dec(0) : session.pnl.dividedBy(months).toDecimalPlaces(2);
  // ROI is a year's figure: like the other annualized statistics it waits for a week of history.
  const roiNeedsDays = session.elapsedMs < ANNUALIZE_AFTER_DAYS * 86_400_000;
  const capital = new Dec(request.capital);
  const tiers: CostTier[] = [...PRESET_TIERS, request.custom];
  const figures = tiers.map((tier) => {
    const cost = monthlyCost(tier, fees);
    const rows = project({
      months: request.months,
      monthlyCost: cost.total,
      monthlyPnl,
      costGrowth: new Dec(request.costGrowthPercent).dividedBy(100),
      volumeGrowth: new Dec(request.volumeGrowthPercent).dividedBy(100),
    });
    return {
      name: tier.name,
      monthlyTotal: cost.total.toFixed(2),
      byCategory: Object.fromEntries(
        Object.entries(cost.byCategory).map(([k, v]) => [k, v.toFixed(2)]),
      ),
      breakEvenPercent: breakEven(cost.total, capital).percent?.toFixed(2) ?? null,
      roiPercent: roiNeedsDays ? null : (roi(monthlyPnl.times(12), cost.total)?.toFixed(1) ?? null),
      ...(roiNeedsDays ? { roiNeedsDays: ANNUALIZE_AFTER_DAYS } : {}),
      breakEvenMonth: breakEvenMonth(rows),
      projectionCsv: projectionCsv(rows),
      projection: rows.map((r) => ({
        month: r.month,
        cost: r.cost.toFixed(2),
        pnl: r.pnl.toFixed(2),
        cumulativeNet: r.cumulativeNet.toFixed(2),
      })),
    };
  });
  const monthlyReturn = capital.isZero() ? new Dec(0) : monthlyPnl.dividedBy(capital);
  const professional = figures[1]!;
  const verdict =
    monthlyReturn.isPositive() && !monthlyReturn.isZero()
      ? `At your simulated return of ${monthlyReturn.times(100).toFixed(2)} % a month, Professional pays for itself from a capital of ${formatUsd(new Dec(professional.monthlyTotal).dividedBy(monthlyReturn))}.`
      : `Your simulated return is not positive yet, so no tier pays for itself; the cheapest, Budget, costs ${formatUsd(new Dec(figures[0]!.monthlyTotal))} a month.`;
  const professionalCost = new Dec(professional.monthlyTotal);
  return {
    type: 'powertrader.cost-report',
    version: 1,
    generatedAt: now,
    request,
    monthlyExchangeFees: fees.toFixed(2),
    monthlyPnl: monthlyPnl.toFixed(2),
    pnlBasis: `Simulated P&L of ${formatUsd(session.pnl)} over ${(session.elapsedMs / 86_400_000).toFixed(1)} simulated days, scaled to a month.`,
    tiers: figures,
    verdict,
    sensitivity: {
      capitals: CAPITALS,
      monthlyReturnsPercent: RETURNS,
      roiPercent: sensitivity(
        professionalCost,
        CAPITALS.map((c) => new Dec(c)),
        RETURNS.map((r) => new Dec(r).dividedBy(100)),
      ).map((row) => row.map((x) => x?.toFixed(0) ?? null)),
    },
  };
}
