import * as z from 'zod/mini';
import type { Command, TimedCommand } from '../engine/commands.ts';
import { decimalString, epochMs } from './decimal.ts';
import { orderRequestShape, tierChoiceSchema } from './orders.ts';
import { scenarioEventSchema } from './scenario.ts';

export { scenarioEventSchema };

const symbol = z.string().check(z.minLength(1), z.maxLength(10));
const orderId = z.string().check(z.minLength(1), z.maxLength(48));

/**
 * A command as the UI sends it and the log stores it. Amounts are checked for shape here; the
 * engine checks them against the asset (step, tick, minimum, cash) and says why when it refuses.
 */
export const commandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('deposit'), amount: decimalString }),
  z.strictObject({ type: z.literal('withdraw'), amount: decimalString }),
  z.strictObject({ type: z.literal('place-order'), ...orderRequestShape }),
  z.strictObject({ type: z.literal('cancel-order'), orderId }),
  z.strictObject({ type: z.literal('cancel-all'), symbol: z.optional(symbol) }),
  z.strictObject({ type: z.literal('kill-switch') }),
  z.strictObject({ type: z.literal('reset-breaker') }),
  z.strictObject({
    type: z.literal('amend-order'),
    orderId,
    price: z.optional(decimalString),
    quantity: z.optional(decimalString),
  }),
  z.strictObject({ type: z.literal('market-buy'), symbol, quantity: decimalString }),
  z.strictObject({ type: z.literal('market-sell'), symbol, quantity: decimalString }),
  z.strictObject({ type: z.literal('scenario'), event: scenarioEventSchema }),
  z.strictObject({ type: z.literal('set-tier'), tier: tierChoiceSchema }),
]) satisfies z.ZodMiniType<Command>;

export const timedCommandSchema = z.strictObject({
  at: epochMs,
  command: commandSchema,
}) satisfies z.ZodMiniType<TimedCommand>;
