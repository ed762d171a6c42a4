import * as z from 'zod/mini';
import type { Command, TimedCommand } from '../engine/commands.ts';
import { decimalString, epochMs } from './decimal.ts';

const symbol = z.string().check(z.minLength(1), z.maxLength(10));

/**
 * A command as the UI sends it and the log stores it. Amounts are checked for shape here; the
 * engine checks them against the asset (step, minimum) and says why when it refuses.
 */
export const commandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('deposit'), amount: decimalString }),
  z.strictObject({ type: z.literal('market-buy'), symbol, quantity: decimalString }),
  z.strictObject({ type: z.literal('market-sell'), symbol, quantity: decimalString }),
]) satisfies z.ZodMiniType<Command>;

export const timedCommandSchema = z.strictObject({
  at: epochMs,
  command: commandSchema,
}) satisfies z.ZodMiniType<TimedCommand>;
