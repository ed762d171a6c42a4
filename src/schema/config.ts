import * as z from 'zod/mini';
import type { SessionConfig } from '../engine/config.ts';
import type { RiskTier } from '../engine/risk/tiers.ts';
import { decimalString, epochMs } from './decimal.ts';

const positiveDecimal = decimalString.check(
  z.refine((s) => Number(s) > 0, 'Must be greater than zero.'),
);

const feeRate = decimalString.check(
  z.refine((s) => Number(s) < 0.1, 'A fee rate must be below 10 %.'),
);

/** One OHLCV candle, prices as decimal strings: imported, replayed and charted alike. */
export const candleSchema = z.strictObject({
  time: epochMs,
  open: decimalString,
  high: decimalString,
  low: decimalString,
  close: decimalString,
  volume: decimalString,
});

export const assetSpecSchema = z.strictObject({
  symbol: z
    .string()
    .check(z.regex(/^[A-Z0-9]{2,10}$/, 'Use 2–10 capital letters or digits, e.g. BTC.')),
  name: z.string().check(z.minLength(1), z.maxLength(40)),
  tickSize: positiveDecimal,
  stepSize: positiveDecimal,
  minNotional: decimalString,
  startPrice: positiveDecimal,
  annualVolatility: z.number().check(z.minimum(0), z.maximum(5)),
  makerFeeRate: z.optional(feeRate),
  takerFeeRate: z.optional(feeRate),
});

const fraction = decimalString.check(
  z.refine((s) => Number(s) > 0 && Number(s) <= 1, 'Use a fraction above 0 and at most 1.'),
);

/** A risk tier: a named, editable set of limits (fractions of equity). */
export const riskTierSchema = z.strictObject({
  name: z.enum(['conservative', 'moderate', 'aggressive', 'custom']),
  label: z.string().check(z.minLength(1), z.maxLength(40)),
  riskPerTrade: fraction,
  maxPositionFraction: fraction,
  maxOpenPositions: z.int().check(z.minimum(1), z.maximum(100)),
  dailyLossLimit: fraction,
  maxDrawdown: fraction,
  priceBand: z.optional(fraction),
}) satisfies z.ZodMiniType<RiskTier>;

/** The realism toggles of a session. */
export const executionConfigSchema = z.strictObject({
  latencyMs: z.int().check(z.minimum(0), z.maximum(60_000, 'Latency is at most 60,000 ms.')),
  spreadMultiplier: z.number().check(z.minimum(0), z.maximum(10, 'At most 10 times the spread.')),
  slippage: z.boolean(),
  partialFills: z.boolean(),
});

export const sessionConfigSchema = z
  .strictObject({
    startTime: epochMs,
    tickMs: z
      .int()
      .check(
        z.refine(
          (t) => t >= 1000 && 3_600_000 % t === 0,
          'The tick must be at least 1 s and divide one hour (1 s, 5 s, 1 m, 5 m, 1 h, …).',
        ),
      ),
    assets: z.readonly(z.array(assetSpecSchema).check(z.minLength(1), z.maxLength(50))),
    replay: z.optional(
      z.strictObject({
        intervalMs: z.int().check(z.minimum(60_000), z.maximum(86_400_000)),
        candles: z.readonly(z.array(candleSchema).check(z.minLength(2), z.maxLength(100_000))),
      }),
    ),
    takerFeeRate: feeRate,
    makerFeeRate: z.optional(feeRate),
    execution: z.optional(executionConfigSchema),
    risk: z.optional(riskTierSchema),
    allowedSymbols: z.optional(
      z.readonly(z.array(z.string().check(z.minLength(1), z.maxLength(10))).check(z.minLength(1))),
    ),
    closesAt: z.optional(epochMs),
    marketModel: z.optional(z.literal(2)),
  })
  .check(
    z.refine(
      (c) =>
        !c.replay ||
        (c.assets.length === 1 &&
          c.replay.intervalMs % c.tickMs === 0 &&
          c.replay.intervalMs / c.tickMs >= 4),
      {
        message: 'A replay has one asset, and at least four ticks per candle.',
        path: ['replay'],
      },
    ),
    z.refine((c) => (c.allowedSymbols ?? []).every((s) => c.assets.some((a) => a.symbol === s)), {
      message: 'An allowed coin is not an asset of the session.',
      path: ['allowedSymbols'],
    }),
    z.refine((c) => new Set(c.assets.map((a) => a.symbol)).size === c.assets.length, {
      message: 'Each asset symbol may appear only once.',
      path: ['assets'],
    }),
  ) satisfies z.ZodMiniType<SessionConfig>;
