import * as z from 'zod/mini';
import type { CostTier } from '../engine/cost/cost-tiers.ts';
import { decimalString, epochMs } from './decimal.ts';
import { plainLabel } from './text.ts';

const typedCategories = [
  'infrastructure',
  'data-feeds',
  'software',
  'personnel',
  'compliance',
  'other',
] as const;
const money = decimalString.check(z.refine((s) => Number(s) <= 1e9, 'Use at most $1,000,000,000.'));
const growth = z
  .number()
  .check(
    z.gte(-50, 'A fall of more than 50 % a year is not a plan.'),
    z.lte(100, 'Growth above 100 % a year is not a plan.'),
  );

/** A tier a person edits: every field checked, with what to fix in plain words. */
export const customTierSchema = z.strictObject({
  name: plainLabel(40, 'The tier name'),
  items: z
    .array(
      z.strictObject({
        label: plainLabel(60, 'A line item'),
        category: z.enum(typedCategories),
        amount: money,
        period: z.enum(['monthly', 'annual']),
      }),
    )
    .check(z.maxLength(30, 'Use at most 30 line items.')),
}) satisfies z.ZodMiniType<CostTier>;

/** What the Costs page asks the worker to work out. */
export const costRequestSchema = z.strictObject({
  capital: money,
  monthlyVolume: money,
  useSessionFills: z.boolean(),
  months: z.literal([12, 24, 36]),
  costGrowthPercent: growth,
  volumeGrowthPercent: growth,
  custom: customTierSchema,
});
export type CostRequest = z.infer<typeof costRequestSchema>;

const tierFigures = z.strictObject({
  name: z.string(),
  monthlyTotal: decimalString,
  byCategory: z.record(z.string(), decimalString),
  breakEvenPercent: z.nullable(decimalString),
  roiPercent: z.nullable(z.string()),
  /** Days of simulated history the ROI waits for (it is annualized); absent once it has them. */
  roiNeedsDays: z.optional(z.int()),
  breakEvenMonth: z.nullable(z.int()),
  projectionCsv: z.string(),
  projection: z.array(
    z.strictObject({
      month: z.int(),
      cost: decimalString,
      pnl: z.string(),
      cumulativeNet: z.string(),
    }),
  ),
});

/** The cost report, as the page shows it and as the exported file carries it. */
export const costReportSchema = z.strictObject({
  type: z.literal('powertrader.cost-report'),
  version: z.literal(1),
  generatedAt: epochMs,
  request: costRequestSchema,
  monthlyExchangeFees: decimalString,
  monthlyPnl: z.string(),
  pnlBasis: z.string(),
  tiers: z.array(tierFigures),
  verdict: z.string(),
  sensitivity: z.strictObject({
    capitals: z.array(decimalString),
    monthlyReturnsPercent: z.array(decimalString),
    roiPercent: z.array(z.array(z.nullable(z.string()))),
  }),
});
export type CostReport = z.infer<typeof costReportSchema>;
