import { Dec } from '../decimal.ts';
import type { RiskTier } from '../risk/tiers.ts';
import type { MetricId } from './metrics.ts';

/** What the portfolio figures are computed from: a session's view, peak and tier. */
export interface PortfolioFigures {
  readonly equity: string;
  readonly dayPnl: string;
  readonly peakEquity: string;
  readonly invested: string;
  readonly openOrders: number;
  readonly breaker: boolean;
  readonly tier: RiskTier | undefined;
}

/** The portfolio's monitored figures; a tier's usage is null when the session has no tier. */
export function portfolioHealth(f: PortfolioFigures): Partial<Record<MetricId, number | null>> {
  const equity = new Dec(f.equity);
  const peak = Dec.max(new Dec(f.peakEquity), equity);
  const drawdown = peak.isZero() ? new Dec(0) : peak.minus(equity).div(peak);
  const dayStart = equity.minus(f.dayPnl);
  const dayLoss = Dec.max(0, new Dec(f.dayPnl).negated());
  const dayLossFraction = dayStart.greaterThan(0) ? dayLoss.div(dayStart) : new Dec(0);
  const percent = (d: Dec) => d.times(100).toDecimalPlaces(4).toNumber();
  return {
    'portfolio.equity': equity.toNumber(),
    'portfolio.drawdown-pct': percent(drawdown),
    'portfolio.day-pnl': new Dec(f.dayPnl).toNumber(),
    'portfolio.exposure-pct': equity.greaterThan(0) ? percent(new Dec(f.invested).div(equity)) : 0,
    'portfolio.open-orders': f.openOrders,
    'portfolio.drawdown-usage': f.tier ? percent(drawdown.div(f.tier.maxDrawdown)) : null,
    'portfolio.daily-loss-usage': f.tier
      ? percent(dayLossFraction.div(f.tier.dailyLossLimit))
      : null,
    'portfolio.breaker': f.breaker ? 1 : 0,
  };
}
