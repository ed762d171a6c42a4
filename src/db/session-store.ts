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

/**
 * What opening a session and trading in it read and write, in IndexedDB itself: the session
 * worker needs nothing more to show a session and store its commands, so Dexie (a third of the
 * worker's first load) loads only for the rest (lists, files, the monitor) or to create and
 * upgrade the database. The tables are Dexie's (database.ts declares them): the same stores,
 * keys and indexes.
 */

export const DEFAULT_DB_NAME = 'powertrader';

/** The database's version as IndexedDB counts it: Dexie's version 2, times ten. */
export const STORED_VERSION = 20;

/** A session as stored: its row, its latest snapshot and the commands logged after it. */
export interface StoredSession {
  readonly row: SessionRow;
  readonly snapshot: SnapshotRow;
  readonly commandsAfter: readonly CommandRow[];
}

/** A stored row that does not parse: the session cannot be opened, only exported raw or deleted. */
export class DamagedSessionError extends Error {}

type NotWriter = Result<never, 'not-writer'>;
const notWriter: NotWriter = {
  ok: false,
  code: 'not-writer',
  message: 'Another tab took over this session; this tab can no longer change it.',
};

/**
 * Opens the database as it is, when it exists at the version this app declares; null when it
 * does not exist yet (nothing is created) or has another version: Dexie creates or upgrades it.
 */
export function openExisting(name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(name);
    } catch {
      return resolve(null);
    }
    // A new database: leave it uncreated.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => resolve(null);
    request.onsuccess = () => {
      const db = request.result;
      if (db.version !== STORED_VERSION) {
        db.close();
        return resolve(null);
      }
      // Another tab upgrading the database (a new version of the app) must not wait for us.
      db.onversionchange = () => db.close();
      resolve(db);
    };
  });
}

/** A request's result, as a promise (inside its transaction, which stays active). */
function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Resolves when a transaction has committed; rejects when it aborts. */
function committed(tx: IDBTransaction): Promise<void> {
  const done = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('Aborted', 'AbortError'));
  });
  // A failed request rejects first, where it is awaited; this one is then only a repeat.
  done.catch(() => undefined);
  return done;
}

/** Parses a stored row, naming the part of the session that is damaged if it does not parse. */
export function parseStored<T>(
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

/** A session's rows in a transaction, parsed; the row also as stored, to write back. */
async function readStored(
  tx: IDBTransaction,
  id: SessionId,
): Promise<{ stored: StoredSession; rawRow: object } | undefined> {
  const rawRow: unknown = await result(tx.objectStore('sessions').get(id));
  if (!rawRow) return undefined;
  const row = parseStored(sessionRowSchema, rawRow, 'settings row');
  const rawSnapshot: unknown = await result(tx.objectStore('snapshots').get(id));
  const snapshot = parseStored(snapshotRowSchema, rawSnapshot, 'saved snapshot');
  const after = IDBKeyRange.bound([id, snapshot.state.seq + 1], [id, Infinity]);
  const rawCommands = (await result(tx.objectStore('commands').getAll(after))) as {
    seq?: unknown;
  }[];
  const commandsAfter = rawCommands.map((c) =>
    parseStored(commandRowSchema, c, `command ${String(c.seq)}`),
  );
  return { stored: { row, snapshot, commandsAfter }, rawRow: rawRow as object };
}

const SESSION_STORES = ['sessions', 'commands', 'snapshots'];

/** Reads a session without claiming it (a follower tab does this). */
export async function loadSession(
  db: IDBDatabase,
  id: SessionId,
): Promise<StoredSession | undefined> {
  return (await readStored(db.transaction(SESSION_STORES, 'readonly'), id))?.stored;
}

/**
 * Makes the caller the session's only writer: raises the fencing token and reads the state in
 * the same transaction, so nothing an older writer commits can slip in unseen.
 */
export async function claimWriter(
  db: IDBDatabase,
  id: SessionId,
): Promise<{ stored: StoredSession; epoch: number } | undefined> {
  const tx = db.transaction(SESSION_STORES, 'readwrite');
  const done = committed(tx);
  const read = await readStored(tx, id);
  if (!read) return undefined;
  const epoch = read.stored.row.writerEpoch + 1;
  await result(tx.objectStore('sessions').put({ ...read.rawRow, writerEpoch: epoch }));
  await done;
  return { stored: { ...read.stored, row: { ...read.stored.row, writerEpoch: epoch } }, epoch };
}

/**
 * Every stored session id, the most recently saved first, then any without a saved snapshot.
 * Reads keys only, so a damaged row cannot stop the app from finding the others.
 */
export async function sessionIdsByRecency(db: IDBDatabase): Promise<string[]> {
  const tx = db.transaction(['sessions', 'snapshots'], 'readonly');
  const bySaved = await result(tx.objectStore('snapshots').index('savedAt').getAllKeys());
  const recent = bySaved.reverse().map(String);
  const all = (await result(tx.objectStore('sessions').getAllKeys())).map(String);
  return [...recent.filter((id) => all.includes(id)), ...all.filter((id) => !recent.includes(id))];
}

/** A stored session's name if its row still has a readable one. */
export async function readableName(db: IDBDatabase, id: string): Promise<string | undefined> {
  const raw: unknown = await result(
    db.transaction('sessions', 'readonly').objectStore('sessions').get(id),
  ).catch(() => undefined);
  return storedName(raw);
}

/** The name in a stored row, however damaged the rest of it is. */
export function storedName(raw: unknown): string | undefined {
  const name = raw && typeof raw === 'object' && 'name' in raw ? raw.name : undefined;
  return typeof name === 'string' && name.length > 0 ? name.slice(0, 80) : undefined;
}

/**
 * Appends one command, and at a checkpoint the snapshot after it, in ONE read-write transaction,
 * only while the caller still holds the writer epoch. The fence read and the writes go out
 * together (one round trip, not three); if the fence fails the transaction aborts and rolls the
 * writes back. Resolves after the transaction has committed. Between checkpoints the stored
 * snapshot is older than the log: resuming replays the commands after it.
 */
export async function appendCommand(
  db: IDBDatabase,
  epoch: number,
  command: CommandRow,
  checkpoint?: SnapshotRow,
): Promise<Result<void, 'not-writer'>> {
  const parsedCommand = commandRowSchema.parse(command);
  const parsedSnapshot = checkpoint && snapshotRowSchema.parse(checkpoint);
  try {
    const fenced = await appendFenced(db, epoch, parsedCommand, parsedSnapshot);
    return fenced ? notWriter : { ok: true, value: undefined };
  } catch (error) {
    // A stale writer's sequence number can collide with the new writer's before the fence is
    // read: that is still "taken over", not a storage failure.
    const tx = db.transaction('sessions', 'readonly');
    if (!(await holdsEpoch(tx, parsedCommand.sessionId, epoch))) return notWriter;
    throw error;
  }
}

/** The transaction itself: resolves true when the fence failed (nothing written), false once committed. */
function appendFenced(
  db: IDBDatabase,
  epoch: number,
  command: CommandRow,
  snapshot: SnapshotRow | undefined,
): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(SESSION_STORES, 'readwrite');
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

/** Whether the session's stored writer epoch is still `epoch` (the fence), read in `tx`. */
async function holdsEpoch(tx: IDBTransaction, id: string, epoch: number): Promise<boolean> {
  const row = (await result(tx.objectStore('sessions').get(id))) as SessionRow | undefined;
  return row?.writerEpoch === epoch;
}

/** Saves a snapshot the clock reached between commands, under the same writer check. */
export async function saveSnapshot(
  db: IDBDatabase,
  epoch: number,
  snapshot: SnapshotRow,
): Promise<Result<void, 'not-writer'>> {
  const parsed = snapshotRowSchema.parse(snapshot);
  const tx = db.transaction(['sessions', 'snapshots'], 'readwrite');
  const done = committed(tx);
  if (!(await holdsEpoch(tx, parsed.sessionId, epoch))) return notWriter;
  await result(tx.objectStore('snapshots').put(parsed));
  await done;
  return { ok: true, value: undefined };
}
