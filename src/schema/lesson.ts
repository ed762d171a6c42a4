import * as z from 'zod/mini';
import type { Lesson } from '../engine/lesson.ts';
import { decimalString, epochMs, signedDecimalString } from './decimal.ts';

const tierName = z.enum(['conservative', 'moderate', 'aggressive']);

const buySchema = z.strictObject({
  symbol: z.string(),
  quantity: decimalString,
  price: decimalString,
  notional: decimalString,
  fee: decimalString,
});

const tierSchema = z.strictObject({
  tier: tierName,
  label: z.string(),
  riskPerTrade: decimalString,
  dailyLossLimit: decimalString,
  ownLimit: decimalString,
  limit: decimalString,
  capped: z.boolean(),
  buys: z.array(buySchema),
  invested: decimalString,
  fees: decimalString,
  equityBeforeCrash: decimalString,
  equityAfterCrash: decimalString,
  dayLoss: signedDecimalString,
  dayLossShare: signedDecimalString,
  dayLossLimit: decimalString,
  breaker: z.nullable(
    z.strictObject({
      kind: z.enum(['daily-loss', 'drawdown', 'kill-switch']),
      at: epochMs,
      message: z.string(),
    }),
  ),
  endEquity: decimalString,
  endPnl: signedDecimalString,
  endReturn: signedDecimalString,
});

/** The lesson's figures as the worker sends them: every number the engine's. */
export const lessonSchema = z.strictObject({
  seed: z.string(),
  startingCash: decimalString,
  reportEquity: decimalString,
  crashDrop: z.number(),
  startTime: epochMs,
  crashAt: epochMs,
  checkAt: epochMs,
  endTime: epochMs,
  keptTier: tierName,
  tiers: z.array(tierSchema).check(z.length(3)),
}) satisfies z.ZodMiniType<Lesson>;
