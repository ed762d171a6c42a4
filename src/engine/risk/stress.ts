import type { AssetSpec } from '../config.ts';
import params from '../market/params.json';
import { correlationFor } from '../market/universe.ts';
import { concentration, crashLoss, MEASURE_MEANINGS, parametricVar } from './measures.ts';

/** A held position by value, in dollars (display figures: plain numbers). */
export interface Holding {
  readonly symbol: string;
  readonly value: number;
}

/** The risk panel's figures for the positions held now, each with its plain meaning. */
export interface RiskReport {
  readonly invested: number;
  readonly var95: number;
  readonly var99: number;
  readonly expectedShortfall95: number;
  readonly crash30: number;
  /** The worst real days of 2020–2025 replayed on today's positions. */
  readonly worstDays: { date: string; loss: number }[];
  readonly concentration: number;
  readonly betas: { symbol: string; beta: number }[];
  readonly correlation: { symbols: string[]; matrix: number[][] };
  readonly meanings: typeof MEASURE_MEANINGS & { readonly worstDays: string };
}

const WORST_DAYS: readonly { date: string; returns: Record<string, number> }[] = params.worstDays;

/**
 * VaR from the market model (each coin's volatility and the measured correlations), a 30 %
 * crash of everything at once, the worst real days replayed, concentration, and beta to BTC.
 * A coin with no real history on a worst day is assumed to fall like the average of those that have.
 */
export function riskReport(holdings: readonly Holding[], assets: readonly AssetSpec[]): RiskReport {
  const symbols = holdings.map((h) => h.symbol);
  const values = holdings.map((h) => h.value);
  const dailyVol = (symbol: string) =>
    (assets.find((a) => a.symbol === symbol)?.annualVolatility ?? 0) / Math.sqrt(365);
  const correlation = correlationFor(symbols);
  const covariance = correlation.map((row, i) =>
    row.map((rho, j) => rho * dailyVol(symbols[i]!) * dailyVol(symbols[j]!)),
  );
  const at95 = parametricVar(values, covariance, 0.95);
  const withBtc = correlationFor(['BTC', ...symbols]);
  const btcVol = dailyVol('BTC') || 0.6 / Math.sqrt(365);
  return {
    invested: values.reduce((a, b) => a + b, 0),
    var95: at95.valueAtRisk,
    var99: parametricVar(values, covariance, 0.99).valueAtRisk,
    expectedShortfall95: at95.expectedShortfall,
    crash30: crashLoss(values, 0.3),
    worstDays: WORST_DAYS.map(({ date, returns }) => {
      const known = Object.values(returns);
      const average = known.reduce((a, b) => a + b, 0) / known.length;
      const loss = holdings.reduce((sum, h) => sum - h.value * (returns[h.symbol] ?? average), 0);
      return { date, loss };
    }),
    concentration: concentration(values),
    betas: symbols.map((symbol, i) => ({
      symbol,
      beta: (withBtc[0]![i + 1]! * dailyVol(symbol)) / btcVol,
    })),
    correlation: { symbols, matrix: correlation },
    meanings: {
      ...MEASURE_MEANINGS,
      worstDays:
        'What the worst real days for these coins since 2020 would cost, replayed on today’s positions.',
    },
  };
}
