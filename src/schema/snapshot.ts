import * as z from 'zod/mini';
import type { MarketState } from '../engine/market/market.ts';
import type { ReplayState } from '../engine/market/replay-market.ts';
import type { PortfolioView, SessionSnapshot } from '../engine/session.ts';
import { decimalString, epochMs, signedDecimalString } from './decimal.ts';
import {
  brokerStateSchema,
  curveStateSchema,
  breakerSchema,
  riskStateSchema,
  tierChangesSchema,
  statsStateSchema,
} from './orders.ts';

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

const finite = z.number().check(z.refine(Number.isFinite, 'must be a finite number'));
const positive = z.number().check(z.positive());
const untilTime = epochMs;

export const marketStateSchema = z.strictObject({
  rng: z.readonly(z.tuple([uint32, uint32, uint32, uint32])),
  spareNormal: z.nullable(finite),
  hour: z.int().check(z.minimum(0)),
  turbulent: z.boolean(),
  prices: z.readonly(z.array(positive)),
  variances: z.readonly(z.array(positive)),
  hourReturns: z.readonly(z.array(finite)),
  effects: z.readonly(
    z.array(
      z.discriminatedUnion('type', [
        z.strictObject({ type: z.literal('volatility-spike'), factor: positive, until: untilTime }),
        z.strictObject({ type: z.literal('correlation-breakdown'), until: untilTime }),
        z.strictObject({ type: z.literal('halt'), symbol: symbolKey, until: untilTime }),
      ]),
    ),
  ),
}) satisfies z.ZodMiniType<MarketState>;

export const replayStateSchema = z.strictObject({
  type: z.literal('replay'),
}) satisfies z.ZodMiniType<ReplayState>;

export const sessionSnapshotSchema = z.strictObject({
  version: z.literal(3),
  seed: z.string().check(z.minLength(1), z.maxLength(100)),
  time: epochMs,
  seq: count,
  market: z.union([marketStateSchema, replayStateSchema]),
  ledger: ledgerSnapshotSchema,
  orders: brokerStateSchema,
  stats: statsStateSchema,
  curve: curveStateSchema,
  risk: riskStateSchema,
}) satisfies z.ZodMiniType<SessionSnapshot>;

/**
 * A snapshot stored before round-trip statistics (version 2): its stats lack the break-even count
 * and the open trips. It is read as version 3 with those empty; its stored hash then no longer
 * matches, so opening the session replays the whole log, which rebuilds the statistics exactly.
 */
const legacySnapshotSchema = z.pipe(
  z.extend(z.omit(sessionSnapshotSchema, { version: true, stats: true }), {
    version: z.literal(2),
    stats: z.omit(statsStateSchema, { breakEven: true, openTrips: true }),
  }),
  z.transform((old): z.infer<typeof sessionSnapshotSchema> => ({
    ...old,
    version: 3,
    stats: { ...old.stats, breakEven: 0, openTrips: {} },
  })),
);

/** A stored snapshot of any version this app has written, as the current version. */
export const storedSnapshotSchema = z.union([sessionSnapshotSchema, legacySnapshotSchema]);

export const portfolioViewSchema = z.strictObject({
  time: epochMs,
  seq: count,
  prices: z.readonly(z.array(z.strictObject({ symbol: z.string(), lastPrice: decimalString }))),
  cash: decimalString,
  reservedCash: decimalString,
  equity: decimalString,
  realizedPnl: signedDecimalString,
  unrealizedPnl: signedDecimalString,
  feesPaid: decimalString,
  dayPnl: signedDecimalString,
  openOrders: count,
  tier: z.nullable(z.string()),
  tierName: z.nullable(z.enum(['conservative', 'moderate', 'aggressive', 'custom'])),
  tierChanges: tierChangesSchema,
  breaker: z.nullable(breakerSchema),
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
