import type { AssetSpec } from '../config.ts';
import params from './params.json';

/**
 * The default universe: the five coins with real data (volatility and correlation measured by
 * `npm run calibrate`) and five more liquid ones whose figures are assumptions, marked below.
 */
const measured = params.assets;

export const DEFAULT_ASSETS: readonly AssetSpec[] = [
  asset('BTC', 'Bitcoin', '0.01', '0.00000001', '49973.07', measured.BTC.annualVolatility),
  asset('ETH', 'Ether', '0.01', '0.0001', '2987.45', measured.ETH.annualVolatility),
  asset('SOL', 'Solana', '0.01', '0.001', '148.62', measured.SOL.annualVolatility),
  asset('ADA', 'Cardano', '0.0001', '0.1', '0.4521', measured.ADA.annualVolatility),
  asset('DOT', 'Polkadot', '0.001', '0.01', '6.512', measured.DOT.annualVolatility),
  // Assumed: typical annualized volatilities of these coins over 2021–2025.
  asset('BNB', 'BNB', '0.01', '0.001', '581.30', 0.75),
  asset('XRP', 'XRP', '0.0001', '0.1', '0.5483', 0.95),
  asset('AVAX', 'Avalanche', '0.01', '0.01', '30.15', 1.1),
  asset('LINK', 'Chainlink', '0.001', '0.01', '14.208', 1.0),
  asset('LTC', 'Litecoin', '0.01', '0.001', '80.44', 0.8),
];

function asset(
  symbol: string,
  name: string,
  tickSize: string,
  stepSize: string,
  startPrice: string,
  annualVolatility: number,
): AssetSpec {
  return { symbol, name, tickSize, stepSize, minNotional: '10', startPrice, annualVolatility };
}

/** Assumed correlations of coins without data: to BTC, and to any other coin. */
const ASSUMED_TO_BTC = 0.7;
const ASSUMED_TO_OTHERS = 0.6;

/** The correlation matrix for a list of symbols: measured where we have data, assumed elsewhere. */
export function correlationFor(symbols: readonly string[]): number[][] {
  const order: readonly string[] = params.correlation.order;
  return symbols.map((a, i) =>
    symbols.map((b, j) => {
      if (i === j) return 1;
      const ia = order.indexOf(a);
      const ib = order.indexOf(b);
      if (ia >= 0 && ib >= 0) return params.correlation.matrix[ia]![ib]!;
      return a === 'BTC' || b === 'BTC' ? ASSUMED_TO_BTC : ASSUMED_TO_OTHERS;
    }),
  );
}

/** Lower-triangular Cholesky factor of a correlation matrix; throws if it is not positive definite. */
export function cholesky(matrix: readonly (readonly number[])[]): number[][] {
  const n = matrix.length;
  const lower = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i]![j]!;
      for (let k = 0; k < j; k++) sum -= lower[i]![k]! * lower[j]![k]!;
      if (i === j) {
        if (sum <= 0) throw new Error('The correlation matrix is not positive definite.');
        lower[i]![i] = Math.sqrt(sum);
      } else lower[i]![j] = sum / lower[j]![j]!;
    }
  }
  return lower;
}
