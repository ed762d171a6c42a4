import * as z from 'zod/mini';
import type { BrokerState } from '../engine/orders/broker.ts';
import type { OrderState } from '../engine/orders/order.ts';
import type { EngineEvent, FillEvent } from '../engine/events.ts';
import type { StatsState } from '../engine/analytics/stats.ts';
import type { CurveState } from '../engine/analytics/curve.ts';
import type { Breaker, RiskState } from '../engine/risk/pre-trade.ts';
import { decimalString, epochMs, signedDecimalString } from './decimal.ts';
import { scenarioEventSchema } from './scenario.ts';

const symbol = z.string().check(z.minLength(1), z.maxLength(10));
const count = z.int().check(z.minimum(0));

/** A client order id: letters, digits, dot, colon, dash and underscore; up to 40. */
export const clientOrderIdSchema = z
  .string()
  .check(
    z.regex(
      /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,39}$/,
      'Use 1–40 letters, digits, dots, colons, dashes or underscores.',
    ),
  );
/** Any order id: a client's, "#n" for a shorthand market order, "id/tp" for a bracket exit. */
const orderId = z.string().check(z.minLength(1), z.maxLength(48));

export const sideSchema = z.enum(['buy', 'sell']);
export const orderTypeSchema = z.enum([
  'market',
  'limit',
  'stop',
  'stop-limit',
  'take-profit',
  'trailing-stop',
]);
export const timeInForceSchema = z.enum(['GTC', 'IOC', 'FOK', 'GTD']);
export const trailSchema = z.strictObject({
  by: z.enum(['amount', 'percent']),
  value: decimalString,
});
export const bracketSchema = z.strictObject({
  takeProfit: decimalString,
  stopLoss: decimalString,
});

/** The fields of a place-order command (the engine checks them against the asset and account). */
export const orderRequestShape = {
  clientOrderId: clientOrderIdSchema,
  symbol,
  side: sideSchema,
  orderType: orderTypeSchema,
  quantity: decimalString,
  limitPrice: z.optional(decimalString),
  triggerPrice: z.optional(decimalString),
  trail: z.optional(trailSchema),
  timeInForce: z.optional(timeInForceSchema),
  expiresAt: z.optional(epochMs),
  postOnly: z.optional(z.boolean()),
  bracket: z.optional(bracketSchema),
};

export const orderStateSchema = z.strictObject({
  id: orderId,
  number: z.int().check(z.minimum(1)),
  symbol,
  side: sideSchema,
  type: orderTypeSchema,
  quantity: decimalString,
  filled: decimalString,
  limitPrice: z.nullable(decimalString),
  triggerPrice: z.nullable(decimalString),
  trail: z.nullable(trailSchema),
  extreme: z.nullable(decimalString),
  timeInForce: timeInForceSchema,
  expiresAt: z.nullable(epochMs),
  postOnly: z.boolean(),
  bracket: z.nullable(bracketSchema),
  ocoWith: z.nullable(orderId),
  role: z.nullable(z.enum(['take-profit', 'stop-loss'])),
  status: z.enum(['accepted', 'partially-filled', 'filled', 'cancelled', 'expired', 'rejected']),
  triggered: z.boolean(),
  placedAt: epochMs,
  arrivesAt: epochMs,
  updatedAt: epochMs,
  referencePrice: decimalString,
  filledNotional: decimalString,
  fees: decimalString,
  reason: z.nullable(z.string().check(z.maxLength(200))),
}) satisfies z.ZodMiniType<OrderState>;

export const fillEventSchema = z.strictObject({
  type: z.literal('filled'),
  time: epochMs,
  orderId,
  side: sideSchema,
  symbol,
  quantity: decimalString,
  price: decimalString,
  notional: decimalString,
  fee: decimalString,
  liquidity: z.enum(['maker', 'taker']),
  slippage: signedDecimalString,
  realizedPnl: signedDecimalString,
}) satisfies z.ZodMiniType<FillEvent>;

export const breakerSchema = z.strictObject({
  kind: z.enum(['daily-loss', 'drawdown', 'kill-switch']),
  since: epochMs,
  until: z.nullable(epochMs),
  message: z.string().check(z.maxLength(300)),
}) satisfies z.ZodMiniType<Breaker>;

export const tierChoiceSchema = z.enum(['conservative', 'moderate', 'aggressive', 'none']);

export const tierChangesSchema = z.readonly(
  z.array(z.strictObject({ at: epochMs, tier: tierChoiceSchema })),
);

export const riskStateSchema = z.strictObject({
  peakEquity: decimalString,
  breaker: z.nullable(breakerSchema),
  tierChanges: z.optional(tierChangesSchema),
}) satisfies z.ZodMiniType<RiskState>;

export const engineEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('deposited'), amount: decimalString }),
  z.strictObject({ type: z.literal('withdrew'), amount: decimalString }),
  z.strictObject({ type: z.literal('scenario'), event: scenarioEventSchema }),
  fillEventSchema,
  z.strictObject({
    type: z.literal('order'),
    change: z.enum([
      'accepted',
      'triggered',
      'amended',
      'partially-filled',
      'filled',
      'cancelled',
      'expired',
      'rejected',
    ]),
    order: orderStateSchema,
  }),
  z.strictObject({ type: z.literal('duplicate'), order: orderStateSchema }),
  z.strictObject({ type: z.literal('breaker'), breaker: z.nullable(breakerSchema) }),
  z.strictObject({ type: z.literal('tier'), tier: z.nullable(z.string()) }),
]) satisfies z.ZodMiniType<EngineEvent>;

export const brokerStateSchema = z.strictObject({
  open: z.readonly(z.array(orderStateSchema)),
  closed: z.readonly(z.array(orderStateSchema)),
  usedIds: z.readonly(z.array(orderId)),
  nextNumber: z.int().check(z.minimum(1)),
}) satisfies z.ZodMiniType<BrokerState>;

export const statsStateSchema = z.strictObject({
  volume: decimalString,
  fees: decimalString,
  slippage: signedDecimalString,
  wins: count,
  losses: count,
  breakEven: count,
  grossProfit: decimalString,
  grossLoss: decimalString,
  openTrips: z.record(symbol, signedDecimalString),
  perAsset: z.record(
    symbol,
    z.strictObject({
      fills: count,
      volume: decimalString,
      fees: decimalString,
      realizedPnl: signedDecimalString,
    }),
  ),
}) satisfies z.ZodMiniType<StatsState>;

export const curveStateSchema = z.strictObject({
  start: epochMs,
  intervalMs: z.int().check(z.minimum(1)),
  points: z.readonly(
    z.array(z.readonly(z.tuple([decimalString, decimalString, signedDecimalString]))),
  ),
  day: count,
  dayStartEquity: decimalString,
  dayStartNet: signedDecimalString,
}) satisfies z.ZodMiniType<CurveState>;
