import {
  DEFAULT_STRATEGY,
  LAB_STRATEGIES,
  runTierLabs,
  summarize,
  type HeldBack,
  type LabRun,
  type LabStrategy,
} from '../engine/risk/tier-lab.ts';
import { TIERS } from '../engine/risk/tiers.ts';
import { UsageError } from './usage-error.ts';

/**
 * Runs the tier lab and prints per tier what it made and what held it back: one seed's runs
 * (`--seed`), or the summary across seeds 1…N (`--seeds`); JSON or a table.
 */
export function runTierLabCommand(options: {
  seed?: string | undefined;
  seeds?: string | undefined;
  days?: string | undefined;
  strategy?: string | undefined;
  liftCap?: boolean | undefined;
  json?: boolean | undefined;
}): number {
  const seeds = Number(options.seeds ?? '200');
  const days = Number(options.days ?? '365');
  const strategy = options.strategy ?? DEFAULT_STRATEGY;
  if (!Number.isInteger(seeds) || seeds < 1 || seeds > 10_000)
    throw new UsageError('--seeds must be a whole number from 1 to 10000.');
  if (!Number.isInteger(days) || days < 1 || days > 3650)
    throw new UsageError('--days must be a whole number from 1 to 3650.');
  if (!(LAB_STRATEGIES as readonly string[]).includes(strategy))
    throw new UsageError(`--strategy must be one of ${LAB_STRATEGIES.join(', ')}.`);
  if (options.seed !== undefined && !/^[A-Za-z0-9]{1,32}$/.test(options.seed))
    throw new UsageError('--seed must be 1–32 letters or digits.');
  const run = (seed: string) =>
    runTierLabs(seed, days, strategy as LabStrategy, Object.values(TIERS), {
      liftGlobalCap: options.liftCap ?? false,
    });
  const liftCap = options.liftCap ?? false;
  if (options.seed !== undefined) {
    const runs = run(options.seed);
    if (options.json) {
      const shown = runs.map(({ equity: _equity, ...rest }) => rest);
      print(JSON.stringify({ seed: options.seed, days, strategy, liftCap, runs: shown }, null, 2));
    } else printRuns(options.seed, days, strategy, liftCap, runs);
    return 0;
  }
  const runs: LabRun[] = [];
  for (let seed = 1; seed <= seeds; seed++) runs.push(...run(String(seed)));
  const summary = summarize(runs);
  if (options.json) {
    print(JSON.stringify({ seeds, days, strategy, liftCap, tiers: summary }, null, 2));
    return 0;
  }
  const money = (n: number) => n.toFixed(2);
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  table([
    ['tier', 'final mean', 'median', 'p5', 'p95', 'maxDD mean', 'median', 'p5', 'p95', 'refused'],
    ...summary.map((t) => [
      t.label,
      money(t.finalEquity.mean),
      money(t.finalEquity.median),
      money(t.finalEquity.p5),
      money(t.finalEquity.p95),
      pct(t.maxDrawdown.mean),
      pct(t.maxDrawdown.median),
      pct(t.maxDrawdown.p5),
      pct(t.maxDrawdown.p95),
      String(t.refused),
    ]),
  ]);
  print('\nHeld back, summed over the seeds:');
  heldBackTable(summary);
  return 0;
}

function printRuns(
  seed: string,
  days: number,
  strategy: string,
  liftCap: boolean,
  runs: LabRun[],
): void {
  print(`seed ${seed}, ${strategy}, ${days} days${liftCap ? ', global cap lifted' : ''}`);
  table([
    ['tier', 'final equity', 'return', 'max drawdown', 'orders', 'refused'],
    ...runs.map((r) => [
      r.label,
      r.finalEquity,
      `${(r.totalReturn * 100).toFixed(2)}%`,
      `${(r.maxDrawdown * 100).toFixed(2)}%`,
      String(r.orders),
      String(r.refused),
    ]),
  ]);
  print('\nHeld back:');
  heldBackTable(runs);
}

function heldBackTable(rows: readonly { label: string; heldBack: HeldBack }[]): void {
  table([
    ['tier', 'buys refused, by check', 'sized down by 2% cap', 'breaker trips', 'days halted'],
    ...rows.map(({ label, heldBack: h }) => [
      label,
      Object.entries(h.refusedBy)
        .map(([code, n]) => `${code} ${n}`)
        .join(', ') || 'none',
      String(h.cappedByGlobal),
      h.breakerTrips
        ? `${h.breakerTrips} (${Object.entries(h.tripsBy)
            .map(([kind, n]) => `${kind} ${n}`)
            .join(', ')})`
        : '0',
      String(h.daysHalted),
    ]),
  ]);
}

function table(rows: string[][]): void {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const row of rows) print(row.map((c, i) => c.padStart(widths[i]!)).join('  '));
}

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}
