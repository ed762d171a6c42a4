import * as z from 'zod/mini';
import { assignmentSchema } from './assignment.ts';
import { timedCommandSchema } from './command.ts';
import { sessionConfigSchema } from './config.ts';
import { epochMs } from './decimal.ts';
import { clockSettingsSchema } from './clock.ts';
import { storedSnapshotSchema } from './snapshot.ts';
import { randomUuid } from './random-id.ts';

/** Session ids are made only by `newSessionId` and by parsing through this schema. */
export const sessionIdSchema = z
  .string()
  .check(z.regex(/^[a-z0-9-]{1,64}$/, 'A session id uses lowercase letters, digits and dashes.'))
  .brand<'SessionId'>();
export type SessionId = z.infer<typeof sessionIdSchema>;

/** A fresh random session id. */
export function newSessionId(): SessionId {
  return sessionIdSchema.parse(randomUuid());
}

export const sha256Schema = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'A hash is 64 hex digits.'));

/** A row of the `sessions` table. */
export const sessionRowSchema = z.strictObject({
  id: sessionIdSchema,
  name: z.string().check(z.minLength(1), z.maxLength(80)),
  seed: z.string().check(z.minLength(1), z.maxLength(100)),
  config: sessionConfigSchema,
  /** Wall-clock time, ms since the epoch; the latest snapshot's savedAt says when it last changed. */
  createdAt: epochMs,
  /** Fencing token: raised by each tab that takes the writer role; writes from an older one fail. */
  writerEpoch: z.int().check(z.minimum(0)),
  /** The assignment the session was started from; its exported files name it. */
  assignment: z.optional(assignmentSchema),
});
export type SessionRow = z.infer<typeof sessionRowSchema>;

/** A row of the `commands` table: the append-only log. */
export const commandRowSchema = z.strictObject({
  sessionId: sessionIdSchema,
  seq: z.int().check(z.minimum(1)),
  ...timedCommandSchema.shape,
});
export type CommandRow = z.infer<typeof commandRowSchema>;

/** A row of the `snapshots` table: the latest resumable state of a session. */
export const snapshotRowSchema = z.strictObject({
  sessionId: sessionIdSchema,
  hash: sha256Schema,
  savedAt: epochMs,
  /** Not part of the state hash: how the clock stood when saved, restored on open. */
  clock: clockSettingsSchema,
  state: storedSnapshotSchema,
});
export type SnapshotRow = z.infer<typeof snapshotRowSchema>;
