/**
 * Portfolio risk measures. They are estimates for display, computed in plain numbers (no Decimal)
 * and never fed back into the ledger. Returns are simple daily returns (0.01 = +1 %).
 */

/** One-sided standard normal quantiles for the two confidence levels we report. */
export const Z_SCORES = { 0.95: 1.6448536269514722, 0.99: 2.3263478740408408 } as const;
export type Confidence = keyof typeof Z_SCORES;

export interface ValueAtRisk {
  /** The loss (positive money) not exceeded on (confidence × 100) % of days. */
  readonly valueAtRisk: number;
  /** The average loss on the days beyond the VaR. */
  readonly expectedShortfall: number;
}

/** Historical 1-day VaR and expected shortfall from past portfolio returns, scaled to `value`. */
export function historicalVar(
  returns: readonly number[],
  confidence: Confidence,
  value: number,
): ValueAtRisk {
  if (returns.length === 0) return { valueAtRisk: 0, expectedShortfall: 0 };
  const losses = returns.map((r) => -r).sort((a, b) => b - a);
  const tailCount = Math.max(1, Math.floor(returns.length * (1 - confidence)));
  const tail = losses.slice(0, tailCount);
  const threshold = tail[tail.length - 1]!;
  const mean = tail.reduce((sum, loss) => sum + loss, 0) / tail.length;
  return {
    valueAtRisk: Math.max(0, threshold) * value,
    expectedShortfall: Math.max(0, mean) * value,
  };
}

/**
 * Parametric (variance–covariance) 1-day VaR of positions worth `values` with daily return
 * covariance `covariance`, assuming normal returns with zero mean.
 */
export function parametricVar(
  values: readonly number[],
  covariance: readonly (readonly number[])[],
  confidence: Confidence,
): ValueAtRisk {
  let variance = 0;
  for (let i = 0; i < values.length; i++) {
    for (let j = 0; j < values.length; j++)
      variance += values[i]! * values[j]! * covariance[i]![j]!;
  }
  const sigma = Math.sqrt(Math.max(0, variance));
  const z = Z_SCORES[confidence];
  // Expected shortfall of a normal: sigma × φ(z) / (1 − c).
  const density = Math.exp(-(z * z) / 2) / Math.sqrt(2 * Math.PI);
  return { valueAtRisk: z * sigma, expectedShortfall: (sigma * density) / (1 - confidence) };
}

/** Sample mean and covariance matrix of aligned return series (one array per asset). */
export function covarianceMatrix(series: readonly (readonly number[])[]): number[][] {
  const n = Math.min(...series.map((s) => s.length));
  const means = series.map((s) => s.slice(0, n).reduce((a, b) => a + b, 0) / n);
  return series.map((a, i) =>
    series.map((b, j) => {
      let sum = 0;
      for (let t = 0; t < n; t++) sum += (a[t]! - means[i]!) * (b[t]! - means[j]!);
      return n > 1 ? sum / (n - 1) : 0;
    }),
  );
}

/** Correlation matrix from a covariance matrix. */
export function correlationMatrix(covariance: readonly (readonly number[])[]): number[][] {
  return covariance.map((row, i) =>
    row.map((c, j) => {
      const scale = Math.sqrt(covariance[i]![i]! * covariance[j]![j]!);
      return scale > 0 ? c / scale : i === j ? 1 : 0;
    }),
  );
}

/** Beta of an asset to BTC: cov(asset, BTC) / var(BTC). */
export function betaTo(asset: readonly number[], btc: readonly number[]): number {
  const [[, cov], [, btcVar]] = covarianceMatrix([asset, btc]) as [
    [number, number],
    [number, number],
  ];
  return btcVar > 0 ? cov / btcVar : 0;
}

/** Herfindahl–Hirschman index of position weights: 1 = all in one asset, 1/n = spread evenly. */
export function concentration(values: readonly number[]): number {
  const total = values.reduce((a, b) => a + Math.abs(b), 0);
  return total > 0 ? values.reduce((sum, v) => sum + (v / total) ** 2, 0) : 0;
}

/** Loss of a crash where every asset falls by `drop` together (correlations at 1). */
export function crashLoss(values: readonly number[], drop: number): number {
  return values.reduce((sum, v) => sum + v * drop, 0);
}

/** Plain-language meaning of each measure, for the UI. */
export const MEASURE_MEANINGS = {
  historicalVar:
    'On 95 days in 100 (or 99 in 100) the portfolio lost less than this in one day, judging by its own past days.',
  parametricVar:
    'The same one-day loss limit, estimated from the volatility and correlation of the holdings.',
  expectedShortfall: 'On the worst days beyond that limit, the average loss.',
  crash: 'What a sudden 30 % fall of every coin at once would cost.',
  concentration: 'How concentrated the holdings are: 1 means everything in one coin.',
  beta: 'How strongly an asset moves with Bitcoin: 1 means one for one.',
} as const;
