// `npm run calibrate`: derives the market model's parameters from the real data in ../shared/data
// and writes src/engine/market/params.json. The app and the tests read only that committed file.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DATA = join(import.meta.dirname, '../../../shared/data');
const OUT = join(import.meta.dirname, '../../src/engine/market/params.json');
const DAILY = ['BTC', 'ETH', 'ADA', 'SOL', 'DOT'] as const;

interface Bar {
  readonly time: string;
  readonly close: number;
}

function bars(file: string): Bar[] {
  const [header, ...lines] = readFileSync(join(DATA, file), 'utf8').trim().split('\n');
  if (header !== 'time,open,high,low,close,volume')
    throw new Error(`${file}: unexpected header ${header}`);
  return lines.map((line) => {
    const cells = line.split(',');
    return { time: cells[0]!, close: Number(cells[4]) };
  });
}

const logReturns = (xs: readonly Bar[]) =>
  xs.slice(1).map((b, i) => Math.log(b.close / xs[i]!.close));
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: readonly number[]) => {
  const m = mean(xs);
  return xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
};
const round = (x: number, digits = 6) => Number(x.toPrecision(digits));

/** Gaussian quasi-likelihood of GARCH(1,1) with variance targeting; the grid's best wins. */
function fitGarch(returns: readonly number[]): { alpha: number; beta: number } {
  const target = variance(returns);
  let best = { alpha: 0.05, beta: 0.9, ll: -Infinity };
  for (let alpha = 0.01; alpha <= 0.3; alpha += 0.01) {
    for (let beta = 0.5; beta <= 0.99; beta += 0.005) {
      if (alpha + beta >= 0.999) continue;
      const omega = target * (1 - alpha - beta);
      let h = target;
      let ll = 0;
      for (const r of returns) {
        ll -= Math.log(h) + (r * r) / h;
        h = omega + alpha * r * r + beta * h;
      }
      if (ll > best.ll) best = { alpha, beta, ll };
    }
  }
  return { alpha: round(best.alpha, 3), beta: round(best.beta, 4) };
}

/** Mean |r| per bucket, scaled so that the mean square of the multipliers is 1 (variance kept). */
function profile(
  returns: readonly number[],
  bucketOf: (i: number) => number,
  buckets: number,
): number[] {
  const sums = new Array<number>(buckets).fill(0);
  const counts = new Array<number>(buckets).fill(0);
  returns.forEach((r, i) => {
    sums[bucketOf(i)]! += Math.abs(r);
    counts[bucketOf(i)]!++;
  });
  const raw = sums.map((s, b) => s / counts[b]!);
  const rms = Math.sqrt(mean(raw.map((x) => x * x)));
  return raw.map((x) => round(x / rms, 4));
}

// Daily files, on the dates all five share, so that correlations compare like for like.
const daily = Object.fromEntries(DAILY.map((s) => [s, bars(`${s}-USD_1d.csv`)]));
const common = DAILY.map((s) => new Set(daily[s]!.map((b) => b.time))).reduce(
  (a, b) => new Set([...a].filter((t) => b.has(t))),
);
const aligned = Object.fromEntries(
  DAILY.map((s) => [s, logReturns(daily[s]!.filter((b) => common.has(b.time)))]),
);
const covariance = DAILY.map((a) =>
  DAILY.map((b) => {
    const x = aligned[a]!;
    const y = aligned[b]!;
    const mx = mean(x);
    const my = mean(y);
    return x.reduce((sum, xi, i) => sum + (xi - mx) * (y[i]! - my), 0) / (x.length - 1);
  }),
);
const correlation = covariance.map((row, i) =>
  row.map((c, j) => round(c / Math.sqrt(covariance[i]![i]! * covariance[j]![j]!), 4)),
);

// The five worst days of an equal-weighted basket of the five coins, with each coin's simple
// return that day: the historical stress scenarios the risk panel replays on today's positions.
const dates = daily
  .BTC!.filter((b) => common.has(b.time))
  .map((b) => b.time)
  .slice(1);
const simple = (s: string, i: number) => Math.exp(aligned[s]![i]!) - 1;
const worstDays = dates
  .map((date, i) => ({
    date,
    basket: mean(DAILY.map((s) => simple(s, i))),
    returns: Object.fromEntries(DAILY.map((s) => [s, round(simple(s, i), 4)])),
  }))
  .sort((a, b) => a.basket - b.basket)
  .slice(0, 5)
  .map(({ date, returns }) => ({ date, returns }));

// Hourly BTC: the GARCH dynamics at the hourly step, and the intraday and weekday rhythm.
const hourly = bars('BTCUSDT_1h.csv');
const hourlyReturns: number[] = [];
const hourOf: number[] = [];
const weekdayOf: number[] = [];
for (let i = 1; i < hourly.length; i++) {
  const t = Date.parse(hourly[i]!.time);
  if (t - Date.parse(hourly[i - 1]!.time) !== 3_600_000) continue;
  hourlyReturns.push(Math.log(hourly[i]!.close / hourly[i - 1]!.close));
  hourOf.push(new Date(t).getUTCHours());
  weekdayOf.push(new Date(t).getUTCDay());
}
const intraday = profile(hourlyReturns, (i) => hourOf[i]!, 24);
const weekday = profile(hourlyReturns, (i) => weekdayOf[i]!, 7);
// Deseasonalize before fitting GARCH, so the rhythm is not mistaken for clustering.
const deseasonalized = hourlyReturns.map(
  (r, i) => r / (intraday[hourOf[i]!]! * weekday[weekdayOf[i]!]!),
);
const garch = fitGarch(deseasonalized);

const facts = JSON.parse(readFileSync(join(DATA, 'stylized_facts.json'), 'utf8'));
const params = {
  generatedBy: 'npm run calibrate (test/tools/calibrate.ts) from ../shared/data',
  note: 'Volatilities and correlations from the five daily files on their common dates; GARCH, intraday and weekday rhythm from hourly BTCUSDT.',
  garchHourly: garch,
  tailDegreesOfFreedom: 4,
  intradayVolatility: intraday,
  weekdayVolatility: weekday,
  assets: Object.fromEntries(
    DAILY.map((s) => [s, { annualVolatility: round(Math.sqrt(variance(aligned[s]!) * 365), 4) }]),
  ),
  correlation: { order: DAILY, matrix: correlation },
  worstDays,
  realFacts: Object.fromEntries(
    DAILY.map((s) => {
      const f = facts.files[`${s}-USD_1d.csv`];
      return [
        s,
        {
          annualizedVolatility: f.annualized_vol,
          excessKurtosis: f.excess_kurtosis,
          tailIndex: f.hill_tail_index.alpha,
          acfReturnLag1: f.acf_r['1'],
          acfAbsLag1: f.acf_abs_r['1'],
          acfAbsLag20: f.acf_abs_r['20'],
          weekendRatio: f.weekend_vs_weekday_abs_r.ratio,
        },
      ];
    }),
  ),
};
writeFileSync(OUT, `${JSON.stringify(params, null, 2)}\n`);
console.log(`wrote ${OUT}`);
console.log(JSON.stringify({ garch, intraday, weekday, vols: params.assets }, null, 0));
