import * as z from 'zod/mini';
import type { PortfolioView, SessionSnapshot } from '../engine/session.ts';
import { decimalString, epochMs, signedDecimalString } from './decimal.ts';

const uint32 = z.int().check(z.minimum(0), z.maximum(0xffffffff));
const count = z.int().check(z.minimum(0));
const symbolKey = z.string().check(z.maxLength(10));

export const ledgerSnapshotSchema = z.strictObject({
  cash: decimalString,
  deposited: decimalString,
  withdrawn: decimalString,
  realizedPnl: signedDecimalString,
  feesPaid: decimalString,
  positions: z.record(symbolKey, z.strictObject({ quantity: decimalString, cost: decimalString })),
});

export const sessionSnapshotSchema = z.strictObject({
  version: z.literal(1),
  seed: z.string().check(z.minLength(1), z.maxLength(100)),
  time: epochMs,
  seq: count,
  rng: z.readonly(z.tuple([uint32, uint32, uint32, uint32])),
  prices: z.record(symbolKey, z.number().check(z.positive())),
  ledger: ledgerSnapshotSchema,
  fillCount: count,
}) satisfies z.ZodMiniType<SessionSnapshot>;

export const portfolioViewSchema = z.strictObject({
  time: epochMs,
  seq: count,
  prices: z.readonly(z.array(z.strictObject({ symbol: z.string(), lastPrice: decimalString }))),
  cash: decimalString,
  equity: decimalString,
  realizedPnl: signedDecimalString,
  unrealizedPnl: signedDecimalString,
  feesPaid: decimalString,
  positions: z.readonly(
    z.array(
      z.strictObject({
        symbol: z.string(),
        quantity: decimalString,
        averageCost: decimalString,
        marketValue: decimalString,
        unrealizedPnl: signedDecimalString,
      }),
    ),
  ),
}) satisfies z.ZodMiniType<PortfolioView>;
