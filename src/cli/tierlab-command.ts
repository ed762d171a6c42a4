import {
  LAB_STRATEGIES,
  runTierLabs,
  summarize,
  type LabRun,
  type LabStrategy,
} from '../engine/risk/tier-lab.ts';
import { TIERS, type TierName } from '../engine/risk/tiers.ts';
import { UsageError } from './usage-error.ts';

/** Runs the tier lab across seeds 1…N and prints the per-tier summary (JSON or a table). */
export function runTierLabCommand(options: {
  seeds?: string | undefined;
  days?: string | undefined;
  strategy?: string | undefined;
  json?: boolean | undefined;
}): number {
  const seeds = Number(options.seeds ?? '200');
  const days = Number(options.days ?? '365');
  const strategy = options.strategy ?? 'buy-and-hold';
  if (!Number.isInteger(seeds) || seeds < 1 || seeds > 10_000)
    throw new UsageError('--seeds must be a whole number from 1 to 10000.');
  if (!Number.isInteger(days) || days < 1 || days > 3650)
    throw new UsageError('--days must be a whole number from 1 to 3650.');
  if (!(LAB_STRATEGIES as readonly string[]).includes(strategy))
    throw new UsageError(`--strategy must be one of ${LAB_STRATEGIES.join(', ')}.`);
  const runs: LabRun[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    const tiers = (Object.keys(TIERS) as TierName[]).map((tier) => TIERS[tier]);
    runs.push(...runTierLabs(String(seed), days, strategy as LabStrategy, tiers));
  }
  const summary = summarize(runs);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ seeds, days, strategy, tiers: summary }, null, 2)}\n`);
    return 0;
  }
  const money = (n: number) => n.toFixed(2);
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  const rows = [
    ['tier', 'final mean', 'median', 'p5', 'p95', 'maxDD mean', 'median', 'p5', 'p95', 'refused'],
    ...summary.map((t) => [
      TIERS[t.tier].label,
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
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const row of rows)
    process.stdout.write(`${row.map((c, i) => c.padStart(widths[i]!)).join('  ')}\n`);
  return 0;
}
