import * as z from 'zod/mini';
import type { LabRun, TierSummary } from '../engine/risk/tier-lab.ts';
import { TIERS } from '../engine/risk/tiers.ts';
import { LAB_STRATEGIES } from '../engine/risk/lab-strategies.ts';
import { riskTierSchema } from './config.ts';

/** The lab's strategies, as the engine lists them; the first is the one a new lab opens with. */
export const LAB_STRATEGY_IDS = LAB_STRATEGIES;

/** A lab compares at most this many tiers side by side. */
export const MAX_LAB_TIERS = 5;

const strategy = z.enum(LAB_STRATEGY_IDS);
const days = z
  .int('Days must be a whole number.')
  .check(
    z.minimum(30, 'Run at least 30 days.'),
    z.maximum(1825, 'Run at most 1,825 days (5 years).'),
  );
const seed = z
  .string()
  .check(z.regex(/^[A-Za-z0-9]{1,32}$/, 'Use 1–32 letters or digits as the seed.'));
const tiers = z.array(riskTierSchema).check(
  z.minLength(1, 'Compare at least one tier.'),
  z.maxLength(MAX_LAB_TIERS, `Compare at most ${MAX_LAB_TIERS} tiers.`),
  z.refine(
    (list) => new Set(list.map((t) => t.label)).size === list.length,
    'Give each tier its own name.',
  ),
);

/** What the tier lab is asked to run; the share link carries the same settings. */
export const labRequestSchema = z.strictObject({
  strategy,
  days,
  seed,
  seeds: z
    .int('The number of seeds must be a whole number.')
    .check(z.minimum(10, 'Use at least 10 seeds.'), z.maximum(2000, 'Use at most 2,000 seeds.')),
  /** The "what if": no position is held to the 2 % global cap in this run. */
  liftCap: z.boolean(),
  tiers,
});
export type LabRequest = z.infer<typeof labRequestSchema>;

export const DEFAULT_LAB: LabRequest = {
  strategy: 'dip-buyer',
  days: 365,
  seed: '42',
  seeds: 200,
  liftCap: false,
  tiers: Object.values(TIERS),
};

/** A batch for one worker of the pool: these seeds, with the request's strategy and tiers. */
export const labBatchSchema = z.strictObject({
  strategy,
  days,
  seeds: z.array(seed).check(z.maxLength(2000)),
  liftCap: z.boolean(),
  tiers,
});

const count = z.int().check(z.minimum(0));

const heldBackSchema = z.strictObject({
  refusedBy: z.record(z.string().check(z.maxLength(40)), count),
  cappedByGlobal: count,
  breakerTrips: count,
  tripsBy: z.record(z.string().check(z.maxLength(40)), count),
  daysHalted: count,
});

export const labRunSchema = z.strictObject({
  tier: z.string().check(z.maxLength(60)),
  label: z.string().check(z.maxLength(40)),
  equity: z.array(z.number()),
  finalEquity: z.string(),
  totalReturn: z.number(),
  maxDrawdown: z.number(),
  var95: z.number(),
  sharpe: z.nullable(z.number()),
  orders: count,
  refused: count,
  heldBack: heldBackSchema,
}) satisfies z.ZodMiniType<LabRun>;

const spread = z.strictObject({
  mean: z.number(),
  median: z.number(),
  p5: z.number(),
  p95: z.number(),
});

export const tierSummarySchema = z.strictObject({
  tier: labRunSchema.shape.tier,
  label: labRunSchema.shape.label,
  runs: z.int(),
  finalEquity: spread,
  maxDrawdown: spread,
  refused: count,
  heldBack: heldBackSchema,
}) satisfies z.ZodMiniType<TierSummary>;

/** The strategies the lab offers, in words a student reads before choosing. */
export const LAB_STRATEGY_TEXT = {
  'dip-buyer':
    'Ten coins. Each day, sell any coin 8 % below its entry (the stop) or 12 % above it (the target); then buy coins not held that closed 10 % or more below their 20-day high. Each buy puts the tier’s risk per trade between entry and stop, as far as the tier’s limits allow. When the tier refuses a buy, it stops buying for the day.',
  'momentum-rotation':
    'Ten coins. Every week, rank them by their two-week return and want every coin that rose, strongest first, each for the tier’s risk per trade of equity. Keep the strongest the tier has room for and sell the rest; stop buying for the week when the tier refuses one.',
  'buy-and-hold': 'Buy the five coins on day one, each as large as the tier allows, and hold.',
  'monthly-dca': 'Every 30 days, buy each coin for half the tier’s risk per trade of equity.',
  'ma-crossover':
    'Per coin: buy when the 10-day average of closes rises above the 30-day one, sell all when it falls below.',
} as const satisfies Record<LabRequest['strategy'], string>;
