import * as z from 'zod/mini';
import type { LabRun, TierSummary } from '../engine/risk/tier-lab.ts';

/** What the tier lab is asked to run; the share link carries the same fields. */
export const labRequestSchema = z.strictObject({
  strategy: z.enum(['buy-and-hold', 'monthly-dca', 'ma-crossover']),
  days: z
    .int('Days must be a whole number.')
    .check(
      z.minimum(30, 'Run at least 30 days.'),
      z.maximum(1825, 'Run at most 1,825 days (5 years).'),
    ),
  seed: z.string().check(z.regex(/^[A-Za-z0-9]{1,32}$/, 'Use 1–32 letters or digits as the seed.')),
  seeds: z
    .int('The number of seeds must be a whole number.')
    .check(z.minimum(10, 'Use at least 10 seeds.'), z.maximum(2000, 'Use at most 2,000 seeds.')),
});
export type LabRequest = z.infer<typeof labRequestSchema>;

export const DEFAULT_LAB: LabRequest = {
  strategy: 'buy-and-hold',
  days: 365,
  seed: '42',
  seeds: 200,
};

/** A batch for one worker of the pool: these seeds, this strategy, these days. */
export const labBatchSchema = z.strictObject({
  strategy: labRequestSchema.shape.strategy,
  days: labRequestSchema.shape.days,
  seeds: z.array(labRequestSchema.shape.seed).check(z.maxLength(2000)),
});

export const labRunSchema = z.strictObject({
  tier: z.enum(['conservative', 'moderate', 'aggressive']),
  equity: z.array(z.number()),
  finalEquity: z.string(),
  totalReturn: z.number(),
  maxDrawdown: z.number(),
  var95: z.number(),
  sharpe: z.nullable(z.number()),
  orders: z.int(),
  refused: z.int(),
}) satisfies z.ZodMiniType<LabRun>;

const spread = z.strictObject({
  mean: z.number(),
  median: z.number(),
  p5: z.number(),
  p95: z.number(),
});

export const tierSummarySchema = z.strictObject({
  tier: labRunSchema.shape.tier,
  runs: z.int(),
  finalEquity: spread,
  maxDrawdown: spread,
  refused: z.int(),
}) satisfies z.ZodMiniType<TierSummary>;

/** The strategies the lab offers, in words a student reads before choosing. */
export const LAB_STRATEGY_TEXT = {
  'buy-and-hold': 'Buy the five coins on day one, each as large as the tier allows, and hold.',
  'monthly-dca': 'Every 30 days, buy each coin for half the tier’s risk per trade of equity.',
  'ma-crossover':
    'Per coin: buy when the 10-day average of closes rises above the 30-day one, sell all when it falls below.',
} as const satisfies Record<LabRequest['strategy'], string>;

/** The tiers' names as the UI shows them. */
export const TIER_LABELS = {
  conservative: 'Conservative',
  moderate: 'Moderate',
  aggressive: 'Aggressive',
} as const;
