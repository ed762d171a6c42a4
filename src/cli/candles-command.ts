import type { AssetSpec } from '../engine/config.ts';
import { Dec } from '../engine/decimal.ts';
import { INTERVALS, type Interval } from '../engine/market/candles.ts';
import { correlation, factsOf, logReturns, type Facts } from '../engine/market/facts.ts';
import params from '../engine/market/params.json';
import { simulateCandles } from '../engine/market/simulate.ts';
import { DEFAULT_ASSETS } from '../engine/market/universe.ts';
import { UsageError } from './usage-error.ts';

/** A fixed start, so that the same seed gives byte-identical output on every run and machine. */
const START = Date.UTC(2026, 0, 1);
const TICKS: Record<string, number> = {
  '1s': 1000,
  '5s': 5000,
  '10s': 10_000,
  '15s': 15_000,
  '30s': 30_000,
  '1m': 60_000,
  '5m': 300_000,
  '15m': 900_000,
  '1h': 3_600_000,
};
/** The tick each interval gets by default: fine enough for realistic candles, fast enough for years. */
const DEFAULT_TICK: Record<Interval, number> = {
  '1m': 1000,
  '5m': 5000,
  '1h': 60_000,
  '1d': 60_000,
};

interface Options {
  readonly seed?: string | undefined;
  readonly days?: string | undefined;
  readonly interval?: string | undefined;
  readonly assets?: string | undefined;
  readonly tick?: string | undefined;
}

function resolve(options: Options) {
  const interval = options.interval as Interval;
  if (!(interval in INTERVALS))
    throw new UsageError(`--interval must be one of ${Object.keys(INTERVALS).join(', ')}.`);
  const days = Number(options.days);
  if (!Number.isInteger(days) || days < 1 || days > 3650)
    throw new UsageError('--days must be a whole number from 1 to 3650.');
  const seed = options.seed ?? '42';
  if (seed.length === 0 || seed.length > 100)
    throw new UsageError('--seed must be 1 to 100 characters.');
  let assets: readonly AssetSpec[] = DEFAULT_ASSETS;
  if (options.assets) {
    const wanted = options.assets.split(',');
    const unknown = wanted.filter((s) => !DEFAULT_ASSETS.some((a) => a.symbol === s));
    if (unknown.length)
      throw new UsageError(
        `Unknown asset ${unknown.join(', ')}; choose from ${DEFAULT_ASSETS.map((a) => a.symbol).join(',')}.`,
      );
    assets = DEFAULT_ASSETS.filter((a) => wanted.includes(a.symbol));
  }
  const tickMs = options.tick === undefined ? DEFAULT_TICK[interval] : TICKS[options.tick];
  if (tickMs === undefined)
    throw new UsageError(`--tick must be one of ${Object.keys(TICKS).join(', ')}.`);
  if (INTERVALS[interval] % tickMs !== 0)
    throw new UsageError(`--tick ${options.tick} does not divide --interval ${interval}.`);
  return { seed, days, assets, tickMs, intervalMs: INTERVALS[interval], startTime: START };
}

/** Prices on the asset's tick grid, as canonical decimal strings. */
function onGrid(price: number, asset: AssetSpec): string {
  const tick = Number(asset.tickSize);
  return new Dec(asset.tickSize).times(Math.max(1, Math.round(price / tick))).toFixed();
}

/** The candles CSV: `time,symbol,open,high,low,close,volume`, sorted by time then symbol. */
export function runCandles(options: Options): string {
  const run = resolve(options);
  const order = run.assets
    .map((a, i) => [a.symbol, i] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const lines = ['time,symbol,open,high,low,close,volume'];
  for (const candles of simulateCandles(run)) {
    const time = new Date(candles[0]!.time).toISOString();
    for (const [symbol, i] of order) {
      const c = candles[i]!;
      const asset = run.assets[i]!;
      const volume = new Dec(c.volume.toFixed(12))
        .toNearest(asset.stepSize, Dec.ROUND_DOWN)
        .toFixed();
      lines.push(
        [
          time,
          symbol,
          onGrid(c.open, asset),
          onGrid(c.high, asset),
          onGrid(c.low, asset),
          onGrid(c.close, asset),
          volume,
        ].join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The run's stylized facts beside the real data's, as a plain-text table. */
export function runFacts(options: Options): string {
  const run = resolve(options);
  const closes: number[][] = run.assets.map(() => []);
  for (const candles of simulateCandles(run)) candles.forEach((c, i) => closes[i]!.push(c.close));
  const perYear = 365 * (86_400_000 / run.intervalMs);
  const real = params.realFacts as Record<
    string,
    {
      annualizedVolatility: number;
      excessKurtosis: number;
      tailIndex: number;
      acfReturnLag1: number;
      acfAbsLag1: number;
      acfAbsLag20: number;
    }
  >;
  const columns: [string, keyof Facts][] = [
    ['ann.vol', 'annualizedVolatility'],
    ['ex.kurt', 'excessKurtosis'],
    ['tail', 'tailIndex'],
    ['acf r1', 'acfReturnLag1'],
    ['acf|r|1', 'acfAbsLag1'],
    ['acf|r|20', 'acfAbsLag20'],
  ];
  const rows = [`asset  source  ${columns.map(([h]) => h.padStart(9)).join('')}`];
  run.assets.forEach((asset, i) => {
    const sim = factsOf(logReturns(closes[i]!), perYear);
    rows.push(
      `${asset.symbol.padEnd(6)} sim     ${columns.map(([, k]) => sim[k].toFixed(3).padStart(9)).join('')}`,
    );
    const r = real[asset.symbol];
    if (r && run.intervalMs === 86_400_000)
      rows.push(
        `${''.padEnd(6)} real    ${columns.map(([, k]) => r[k].toFixed(3).padStart(9)).join('')}`,
      );
  });
  const btc = run.assets.findIndex((a) => a.symbol === 'BTC');
  const eth = run.assets.findIndex((a) => a.symbol === 'ETH');
  if (btc >= 0 && eth >= 0) {
    const measured = correlation(logReturns(closes[btc]!), logReturns(closes[eth]!));
    rows.push(
      `BTC/ETH correlation: sim ${measured.toFixed(3)}, real ${params.correlation.matrix[0]![1]!.toFixed(3)}`,
    );
  }
  return `${rows.join('\n')}\n`;
}
