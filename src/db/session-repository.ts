import { describeIssues, type Result } from '../schema/messages.ts';
import {
  commandRowSchema,
  sessionRowSchema,
  snapshotRowSchema,
  type CommandRow,
  type SessionId,
  type SessionRow,
  type SnapshotRow,
} from '../schema/rows.ts';
import type { PowerTraderDb } from './database.ts';

/** A session as stored: its row, its latest snapshot and the commands logged after it. */
export interface StoredSession {
  readonly row: SessionRow;
  readonly snapshot: SnapshotRow;
  readonly commandsAfter: readonly CommandRow[];
}

type NotWriter = Result<never, 'not-writer'>;
const notWriter: NotWriter = {
  ok: false,
  code: 'not-writer',
  message: 'Another tab took over this session; this tab can no longer change it.',
};

/** Commands written per step of a large store, between which progress is told. */
const STORE_CHUNK = 10_000;

/** Thrown inside a store to abort it (and roll back its writes) when the caller cancels. */
export class StoreCancelled extends Error {}

/** How a long store reports and may be stopped: `stored` after each chunk of commands. */
export interface StoreControl {
  readonly stored?: (commands: number) => unknown;
  readonly isCancelled?: () => boolean;
}

/**
 * Stores a new session with its first commands and snapshot, all or nothing. A long log is
 * written in chunks inside the one transaction, telling progress after each; cancelling throws
 * StoreCancelled and nothing stays.
 */
export async function createSession(
  db: PowerTraderDb,
  row: SessionRow,
  commands: readonly CommandRow[],
  snapshot: SnapshotRow,
  control: StoreControl = {},
): Promise<void> {
  const parsedRow = sessionRowSchema.parse(row);
  const parsedCommands = commands.map((c) => commandRowSchema.parse(c));
  const parsedSnapshot = snapshotRowSchema.parse(snapshot);
  await db.transaction('rw', db.sessions, db.commands, db.snapshots, async () => {
    await db.sessions.add(parsedRow);
    for (let from = 0; from < parsedCommands.length; from += STORE_CHUNK) {
      if (control.isCancelled?.()) throw new StoreCancelled('cancelled');
      await db.commands.bulkAdd(parsedCommands.slice(from, from + STORE_CHUNK));
      control.stored?.(Math.min(parsedCommands.length, from + STORE_CHUNK));
    }
    await db.snapshots.put(parsedSnapshot);
  });
}

/** A stored row that does not parse: the session cannot be opened, only exported raw or deleted. */
export class DamagedSessionError extends Error {}

/** Parses a stored row, naming the part of the session that is damaged if it does not parse. */
function parseStored<T>(
  schema: {
    safeParse(
      value: unknown,
    ): { success: true; data: T } | { success: false; error: Parameters<typeof describeIssues>[0] };
  },
  value: unknown,
  part: string,
): T {
  if (value === undefined) throw new DamagedSessionError(`its ${part} is missing`);
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new DamagedSessionError(
      `its ${part} is damaged (${describeIssues(parsed.error).replace(/\.$/, '')})`,
    );
  return parsed.data;
}

async function readStored(db: PowerTraderDb, id: SessionId): Promise<StoredSession | undefined> {
  const rawRow = await db.sessions.get(id);
  if (!rawRow) return undefined;
  const row = parseStored(sessionRowSchema, rawRow, 'settings row');
  const snapshot = parseStored(snapshotRowSchema, await db.snapshots.get(id), 'saved snapshot');
  const rawCommands = await db.commands
    .where('[sessionId+seq]')
    .between([id, snapshot.state.seq + 1], [id, Infinity])
    .toArray();
  return {
    row,
    snapshot,
    commandsAfter: rawCommands.map((c) => parseStored(commandRowSchema, c, `command ${c.seq}`)),
  };
}

/**
 * Every stored session id, the most recently saved first, then any without a saved snapshot.
 * Reads keys only, so a damaged row cannot stop the app from finding the others.
 */
export async function sessionIdsByRecency(db: PowerTraderDb): Promise<string[]> {
  const recent = (await db.snapshots.orderBy('savedAt').reverse().primaryKeys()).map(String);
  const all = (await db.sessions.toCollection().primaryKeys()).map(String);
  return [...recent.filter((id) => all.includes(id)), ...all.filter((id) => !recent.includes(id))];
}

/** Whether a session has a row, read without parsing it. */
export async function hasSession(db: PowerTraderDb, id: string): Promise<boolean> {
  return (await db.sessions.where('id').equals(id).count()) > 0;
}

/** A stored session's name if its row still has a readable one. */
export async function readableName(db: PowerTraderDb, id: string): Promise<string | undefined> {
  const raw: unknown = await db.sessions.get(id).catch(() => undefined);
  const name = raw && typeof raw === 'object' && 'name' in raw ? raw.name : undefined;
  return typeof name === 'string' && name.length > 0 ? name.slice(0, 80) : undefined;
}

/** Whatever is stored for a session, unparsed: the rescue copy of a session that cannot open. */
export function readRawSession(
  db: PowerTraderDb,
  id: string,
): Promise<{ session: unknown; snapshot: unknown; commands: unknown[] }> {
  return db.transaction('r', db.sessions, db.commands, db.snapshots, async () => ({
    session: await db.sessions.get(id),
    snapshot: await db.snapshots.get(id),
    commands: await db.commands.where('[sessionId+seq]').between([id, 0], [id, Infinity]).toArray(),
  }));
}

/** Reads a session without claiming it (a follower tab does this). */
export function loadSession(db: PowerTraderDb, id: SessionId): Promise<StoredSession | undefined> {
  return db.transaction('r', db.sessions, db.commands, db.snapshots, () => readStored(db, id));
}

/**
 * Makes the caller the session's only writer: raises the fencing token and reads the state in
 * the same transaction, so nothing an older writer commits can slip in unseen.
 */
export function claimWriter(
  db: PowerTraderDb,
  id: SessionId,
): Promise<{ stored: StoredSession; epoch: number } | undefined> {
  return db.transaction('rw', db.sessions, db.commands, db.snapshots, async () => {
    const stored = await readStored(db, id);
    if (!stored) return undefined;
    const epoch = stored.row.writerEpoch + 1;
    await db.sessions.update(id, { writerEpoch: epoch });
    return { stored: { ...stored, row: { ...stored.row, writerEpoch: epoch } }, epoch };
  });
}

/**
 * Appends one command, and at a checkpoint the snapshot after it, in ONE read-write transaction,
 * only while the caller still holds the writer epoch. The fence read and the writes go out
 * together (one round trip, not three); if the fence fails the transaction aborts and rolls the
 * writes back. Resolves after the transaction has committed. Between checkpoints the stored
 * snapshot is older than the log: resuming replays the commands after it.
 *
 * This is the one write on a click's path, so it goes straight to the connection Dexie opened:
 * Dexie's transaction scope cost about 3 ms per command in the worker, native IndexedDB 0.6 ms.
 */
export async function appendCommand(
  db: PowerTraderDb,
  epoch: number,
  command: CommandRow,
  checkpoint?: SnapshotRow,
): Promise<Result<void, 'not-writer'>> {
  const parsedCommand = commandRowSchema.parse(command);
  const parsedSnapshot = checkpoint && snapshotRowSchema.parse(checkpoint);
  try {
    const fenced = await appendNative(db.backendDB(), epoch, parsedCommand, parsedSnapshot);
    return fenced ? notWriter : { ok: true, value: undefined };
  } catch (error) {
    // A stale writer's sequence number can collide with the new writer's before the fence is
    // read: that is still "taken over", not a storage failure.
    const row = await db.sessions.get(parsedCommand.sessionId);
    if (!row || row.writerEpoch !== epoch) return notWriter;
    throw error;
  }
}

/** The transaction itself: resolves true when the fence failed (nothing written), false once committed. */
function appendNative(
  idb: IDBDatabase,
  epoch: number,
  command: CommandRow,
  snapshot: SnapshotRow | undefined,
): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const tx = idb.transaction(['sessions', 'commands', 'snapshots'], 'readwrite');
    let fenced = false;
    const fence = tx.objectStore('sessions').get(command.sessionId);
    fence.onsuccess = () => {
      const row = fence.result as SessionRow | undefined;
      if (row && row.writerEpoch === epoch) return;
      fenced = true;
      tx.abort();
    };
    // `add` fails on an existing key, so a sequence number can never be written twice.
    tx.objectStore('commands').add(command);
    if (snapshot) tx.objectStore('snapshots').put(snapshot);
    tx.oncomplete = () => resolve(false);
    tx.onabort = () =>
      fenced ? resolve(true) : reject(tx.error ?? new DOMException('Aborted', 'AbortError'));
  });
}

/** Saves a snapshot the clock reached between commands, under the same writer check. */
export function saveSnapshot(
  db: PowerTraderDb,
  epoch: number,
  snapshot: SnapshotRow,
): Promise<Result<void, 'not-writer'>> {
  const parsed = snapshotRowSchema.parse(snapshot);
  return db.transaction('rw', db.sessions, db.snapshots, async () => {
    const row = await db.sessions.get(parsed.sessionId);
    if (!row || row.writerEpoch !== epoch) return notWriter;
    await db.snapshots.put(parsed);
    return { ok: true, value: undefined } as const;
  });
}

/** Every logged command of a session, in order (a full replay needs them). */
export async function loadAllCommands(db: PowerTraderDb, id: SessionId): Promise<CommandRow[]> {
  const rows = await db.commands
    .where('[sessionId+seq]')
    .between([id, 1], [id, Infinity])
    .toArray();
  return rows.map((c) => parseStored(commandRowSchema, c, `command ${c.seq}`));
}

/** A stored session with what the sessions list shows about it. */
export type SessionListing = {
  readonly commandCount: number;
  /** Size of its rows as JSON text (the log's from a sample): an estimate of its disk use. */
  readonly bytes: number;
} & (
  | { readonly row: SessionRow; readonly snapshot: SnapshotRow; readonly damaged?: undefined }
  | { readonly id: string; readonly name?: string; readonly damaged: string }
);

/** Commands read to estimate the size of a session's log. */
const SIZE_SAMPLE = 500;

/** Every stored session, the most recently saved first; damaged ones last, marked so. */
export function listSessions(db: PowerTraderDb): Promise<SessionListing[]> {
  return db.transaction('r', db.sessions, db.commands, db.snapshots, async () => {
    const listings: SessionListing[] = [];
    for (const id of (await db.sessions.toCollection().primaryKeys()).map(String)) {
      const session: unknown = await db.sessions.get(id);
      const snapshot: unknown = await db.snapshots.get(id);
      const log = db.commands.where('[sessionId+seq]').between([id, 0], [id, Infinity]);
      const commandCount = await log.count();
      // The log's size from its first commands: reading all of a 200,000-command log on every
      // listing took seconds (issue 18).
      const sample = await log.limit(SIZE_SAMPLE).toArray();
      const perCommand = sample.length ? jsonBytes(sample) / sample.length : 0;
      const sizes = {
        commandCount,
        bytes: jsonBytes([session, snapshot]) + Math.round(perCommand * commandCount),
      };
      try {
        const row = parseStored(sessionRowSchema, session, 'settings row');
        listings.push({
          row,
          snapshot: parseStored(snapshotRowSchema, snapshot, 'saved snapshot'),
          ...sizes,
        });
      } catch (error) {
        if (!(error instanceof DamagedSessionError)) throw error;
        const name = await readableName(db, id);
        listings.push({ id, ...(name ? { name } : {}), damaged: error.message, ...sizes });
      }
    }
    const savedAt = (l: SessionListing) => (l.damaged === undefined ? l.snapshot.savedAt : -1);
    return listings.sort((a, b) => savedAt(b) - savedAt(a));
  });
}

function jsonBytes(rows: readonly unknown[]): number {
  return rows.reduce<number>((sum, r) => sum + (JSON.stringify(r)?.length ?? 0), 0);
}

/** Renames a session. */
export async function renameSession(db: PowerTraderDb, id: SessionId, name: string): Promise<void> {
  const row = sessionRowSchema.parse({ ...(await db.sessions.get(id)), name });
  await db.sessions.put(row);
}

/** Copies a session with its whole log under a new id and name, all or nothing. */
export function duplicateSession(
  db: PowerTraderDb,
  id: SessionId,
  copy: { readonly id: SessionId; readonly name: string; readonly createdAt: number },
): Promise<void> {
  return db.transaction('rw', db.sessions, db.commands, db.snapshots, async () => {
    const stored = await readStored(db, id);
    if (!stored) throw new Error('That session no longer exists.');
    const commands = await loadAllCommands(db, id);
    await createSession(
      db,
      { ...stored.row, ...copy, writerEpoch: 0 },
      commands.map((c) => ({ ...c, sessionId: copy.id })),
      { ...stored.snapshot, sessionId: copy.id, savedAt: copy.createdAt },
    );
  });
}

/** Deletes a session, its log and its snapshot, all or nothing. */
export function deleteSession(db: PowerTraderDb, id: string): Promise<void> {
  return db.transaction('rw', db.sessions, db.commands, db.snapshots, async () => {
    await db.commands.where('[sessionId+seq]').between([id, 0], [id, Infinity]).delete();
    await db.snapshots.delete(id);
    await db.sessions.delete(id);
  });
}
