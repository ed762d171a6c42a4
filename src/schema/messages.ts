import * as z from 'zod/mini';
import type { Result } from '../engine/result.ts';
import { decimalString, epochMs } from './decimal.ts';
import { assetSpecSchema } from './config.ts';
import { sessionIdSchema, sha256Schema } from './rows.ts';
import { portfolioViewSchema } from './snapshot.ts';

/** Speeds the clock offers: simulated seconds per wall second. */
export const SPEEDS = [1, 10, 60, 600] as const;
export const speedSchema = z.literal(SPEEDS);
export type Speed = z.infer<typeof speedSchema>;

/** What the UI asks for when it opens a session. */
export const openRequestSchema = z.strictObject({
  /** Separate databases keep tests apart; the app uses the default. */
  dbName: z.optional(z.string().check(z.regex(/^[a-z0-9-]{1,64}$/))),
  sessionId: z.optional(sessionIdSchema),
});
export type OpenRequest = z.input<typeof openRequestSchema>;

/** Leader: this tab writes the session. Follower: another tab does; this one shows it. */
export const roleSchema = z.enum(['leader', 'follower']);
export type Role = z.infer<typeof roleSchema>;

export const sessionViewSchema = z.strictObject({
  sessionId: sessionIdSchema,
  name: z.string(),
  assets: z.readonly(z.array(assetSpecSchema)),
  takerFeeRate: decimalString,
  role: roleSchema,
  running: z.boolean(),
  speed: speedSchema,
  hash: sha256Schema,
  portfolio: portfolioViewSchema,
});
export type SessionView = z.infer<typeof sessionViewSchema>;

/** Messages the worker pushes to the UI, at most one per animation frame. */
export const workerMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('view'), view: sessionViewSchema }),
  z.strictObject({
    type: z.literal('notice'),
    level: z.enum(['info', 'error']),
    message: z.string(),
  }),
]);
export type WorkerMessage = z.infer<typeof workerMessageSchema>;

const engineEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('deposited'), amount: decimalString }),
  z.strictObject({
    type: z.literal('filled'),
    side: z.enum(['buy', 'sell']),
    symbol: z.string(),
    quantity: decimalString,
    price: decimalString,
    notional: decimalString,
    fee: decimalString,
  }),
]);

/** The worker's answer once a command is durable in IndexedDB. */
export const commandAckSchema = z.strictObject({
  seq: z.int().check(z.minimum(1)),
  at: epochMs,
  hash: sha256Schema,
  events: z.array(engineEventSchema),
});
export type CommandAck = z.infer<typeof commandAckSchema>;

/** Parses a Result that crossed the worker boundary, with the schema of its value. */
export function resultSchema<T extends z.ZodMiniType>(value: T) {
  return z.union([
    z.strictObject({ ok: z.literal(true), value }),
    z.strictObject({ ok: z.literal(false), code: z.string(), message: z.string() }),
  ]);
}

/** Turns a zod error into one plain sentence naming the field. */
export function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .map((issue) =>
      issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join(' ');
}

/** A plain sentence for any error: zod issues by field, otherwise the error's message. */
export function describeError(error: unknown): string {
  if (error instanceof z.core.$ZodError) return describeIssues(error);
  return error instanceof Error ? error.message : String(error);
}

export type { Result };
