/**
 * Stylized facts of a return series, computed as ../shared/data/stats.py does, so that the
 * simulator can be compared with real markets figure by figure. Display and test code only.
 */

export interface Facts {
  readonly annualizedVolatility: number;
  readonly excessKurtosis: number;
  readonly tailIndex: number;
  readonly acfReturnLag1: number;
  readonly acfAbsLag1: number;
  readonly acfAbsLag20: number;
}

/** Log returns of consecutive closes. */
export function logReturns(closes: readonly number[]): number[] {
  return closes.slice(1).map((c, i) => Math.log(c / closes[i]!));
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Autocorrelation at lag k (the stats.py definition). */
export function acf(xs: readonly number[], k: number): number {
  const m = mean(xs);
  let num = 0;
  let den = 0;
  for (let t = 0; t < xs.length; t++) {
    den += (xs[t]! - m) ** 2;
    if (t + k < xs.length) num += (xs[t]! - m) * (xs[t + k]! - m);
  }
  return num / den;
}

/** Hill estimate of the tail index over the top 5 % of |r|. */
export function hillTailIndex(returns: readonly number[]): number {
  const sorted = returns.map(Math.abs).sort((a, b) => b - a);
  const k = Math.max(2, Math.floor(sorted.length * 0.05));
  const threshold = sorted[k]!;
  return 1 / mean(sorted.slice(0, k).map((x) => Math.log(x / threshold)));
}

/** The facts of one series of returns taken `periodsPerYear` times a year. */
export function factsOf(returns: readonly number[], periodsPerYear: number): Facts {
  const m = mean(returns);
  const m2 = mean(returns.map((r) => (r - m) ** 2));
  const m4 = mean(returns.map((r) => (r - m) ** 4));
  const sd = Math.sqrt((m2 * returns.length) / (returns.length - 1));
  const absolute = returns.map(Math.abs);
  return {
    annualizedVolatility: sd * Math.sqrt(periodsPerYear),
    excessKurtosis: m4 / (m2 * m2) - 3,
    tailIndex: hillTailIndex(returns),
    acfReturnLag1: acf(returns, 1),
    acfAbsLag1: acf(absolute, 1),
    acfAbsLag20: acf(absolute, 20),
  };
}

/** Pearson correlation of two aligned series. */
export function correlation(a: readonly number[], b: readonly number[]): number {
  const ma = mean(a);
  const mb = mean(b);
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += (a[i]! - ma) * (b[i]! - mb);
    aa += (a[i]! - ma) ** 2;
    bb += (b[i]! - mb) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}
