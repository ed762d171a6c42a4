import * as z from 'zod/mini';
import { fileHashOf } from '../engine/file-verdict.ts';
import type { Result } from '../engine/result.ts';
import {
  SESSION_FILE_TYPE,
  SESSION_FILE_VERSION,
  type SessionFile,
} from '../engine/session-file.ts';
import { assignmentSchema } from './assignment.ts';
import { timedCommandSchema } from './command.ts';
import { sessionConfigSchema } from './config.ts';
import { epochMs } from './decimal.ts';
import { describeIssues } from './messages.ts';
import { sha256Schema } from './rows.ts';
import { plainLabel } from './text.ts';
import { FILE_LIMITS, REPLAY_LIMITS, replayLimitProblem } from './limits.ts';

export { FILE_LIMITS, REPLAY_LIMITS };

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

const sessionFileSchema = z
  .strictObject({
    type: z.literal(SESSION_FILE_TYPE),
    version: z.literal(SESSION_FILE_VERSION),
    meta: z.strictObject({
      name: plainLabel(80, 'The name'),
      author: z.optional(plainLabel(80, 'The author')),
      createdAt: z.iso
        .datetime()
        .check(
          z.refine(
            (t) => Date.parse(t) >= 0,
            'The creation date is before 1970; a session can only be stored with a date from 1970 on.',
          ),
        ),
      appVersion: text(20),
      // Optional, so files from before assignments keep their hash and verify.
      assignment: z.optional(assignmentSchema),
    }),
    seed: text(100),
    config: sessionConfigSchema,
    commands: z.readonly(
      z
        .array(timedCommandSchema)
        .check(
          z.maxLength(
            FILE_LIMITS.commands,
            `A session file holds at most ${FILE_LIMITS.commands} commands.`,
          ),
        ),
    ),
    endTime: epochMs,
    stateHash: sha256Schema,
    // Null only for a file of version 1 (migrated below), which had no file hash.
    fileHash: z.nullable(sha256Schema),
  })
  .check(
    z.superRefine((f, ctx) => {
      // The live engine never logs a command before the one it follows: the first that is, is named.
      const index = f.commands.findIndex(
        (c, i) => c.at < (i === 0 ? f.config.startTime : f.commands[i - 1]!.at),
      );
      if (index < 0) return;
      ctx.addIssue({
        code: 'custom',
        input: f.commands[index],
        path: ['commands', index, 'at'],
        message:
          index === 0
            ? `command 1 is stamped before the session starts.`
            : `command ${index + 1} is stamped before command ${index}, the one it follows; commands must be in time order.`,
      });
    }),
    z.refine((f) => f.endTime >= (f.commands.at(-1)?.at ?? f.config.startTime), {
      message: 'The end time is before the last command.',
      path: ['endTime'],
    }),
    z.refine(
      (f) => {
        const symbols = new Set(f.config.assets.map((a) => a.symbol));
        return f.commands.every(
          (c) =>
            !('symbol' in c.command) ||
            c.command.symbol === undefined ||
            symbols.has(c.command.symbol),
        );
      },
      { message: 'A command trades an asset that is not in the session.', path: ['commands'] },
    ),
  ) satisfies z.ZodMiniType<SessionFile>;

/**
 * Migrations from each older file version to the next, so every older file keeps opening.
 * Version 2 added the file hash; a version 1 file has none, and says so in its verdict.
 * Version 3 added `config.marketModel`; a version 2 file has none and replays on model 1, and
 * its file hash is carried over when it was valid (`carriedFileHash`).
 */
const MIGRATIONS: Readonly<
  Record<number, (old: Record<string, unknown>) => Record<string, unknown>>
> = {
  1: (v1) => ({ ...v1, version: 2, fileHash: null }),
  2: (v2) => ({ ...v2, version: 3 }),
};

export type FileRefusal =
  | 'too-large'
  | 'not-json'
  | 'too-deep'
  | 'not-a-session'
  | 'newer-version'
  | 'old-version'
  | 'over-limit'
  | 'invalid';

/** Parses a session file's text with every limit checked; nothing in it is trusted. */
export function parseSessionFile(input: string): Result<SessionFile, FileRefusal> {
  const mb = FILE_LIMITS.bytes / 1024 / 1024;
  if (input.length > FILE_LIMITS.bytes)
    return refusal('too-large', `The file is over the ${mb} MB limit.`);
  let data: unknown;
  try {
    data = JSON.parse(input);
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : 'it is nested too deeply';
    return refusal('not-json', `This is not a JSON file (${reason}).`);
  }
  if (depthOf(data) > FILE_LIMITS.depth) {
    return refusal('too-deep', `The file is nested more than ${FILE_LIMITS.depth} levels deep.`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return refusal('not-a-session', 'This is not a PowerTrader session file.');
  }
  let envelope = data as Record<string, unknown>;
  if (envelope.type !== SESSION_FILE_TYPE)
    return refusal('not-a-session', 'This is not a PowerTrader session file.');
  const version = envelope.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return refusal('invalid', 'The file has no valid version number.');
  }
  if (version > SESSION_FILE_VERSION) {
    return refusal(
      'newer-version',
      `This file was made by a newer PowerTrader (version ${version}); update the app.`,
    );
  }
  const written = version;
  for (let v = version; v < SESSION_FILE_VERSION; v++) {
    const migrate = MIGRATIONS[v];
    if (!migrate) return refusal('old-version', `Files of version ${v} can no longer be opened.`);
    envelope = migrate(envelope);
  }
  // The work a replay would take is bounded before anything else is looked at.
  const tooMuch = replayLimitProblem(extentOf(envelope));
  if (tooMuch) return refusal('over-limit', tooMuch);
  const parsed = sessionFileSchema.safeParse(envelope);
  if (!parsed.success)
    return refusal('invalid', `The file is damaged: ${describeIssues(parsed.error)}`);
  return { ok: true, value: carriedFileHash(parsed.data, written) };
}

/**
 * A version 2 file's hash was computed over its contents as version 2: when it still matches
 * them, the migrated file gets the hash of the same contents as version 3, so an unedited file
 * stays unedited. A hash that did not match is kept as it was, and goes on not matching.
 */
function carriedFileHash(file: SessionFile, written: number): SessionFile {
  if (written !== 2 || file.fileHash === null || file.config.marketModel !== undefined) return file;
  return file.fileHash === fileHashOf(file, 2) ? { ...file, fileHash: fileHashOf(file) } : file;
}

/** The replay extent a raw file claims; fields of the wrong kind count as none (the schema refuses them). */
function extentOf(envelope: Record<string, unknown>) {
  const config = (isObject(envelope.config) ? envelope.config : {}) as Record<string, unknown>;
  const number = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  const startTime = number(config.startTime);
  const timed = typeof config.startTime === 'number' && typeof envelope.endTime === 'number';
  return {
    startTime,
    endTime: timed ? number(envelope.endTime) : startTime,
    tickMs: number(config.tickMs) || 1000,
    assets: Array.isArray(config.assets) ? config.assets.length : 0,
    commands: Array.isArray(envelope.commands) ? envelope.commands.length : 0,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refusal(code: FileRefusal, message: string): Result<never, FileRefusal> {
  return { ok: false, code, message };
}

/** Nesting depth of parsed JSON, walked without recursion so a hostile file cannot overflow. */
function depthOf(root: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > FILE_LIMITS.depth) return deepest;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return deepest;
}
