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
import { DamagedSessionError, parseStored, storedName } from './session-store.ts';

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

/** Whether a session has a row, read without parsing it. */
export async function hasSession(db: PowerTraderDb, id: string): Promise<boolean> {
  return (await db.sessions.where('id').equals(id).count()) > 0;
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
        const name = storedName(session);
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
    const rawRow: unknown = await db.sessions.get(id);
    if (!rawRow) throw new Error('That session no longer exists.');
    const row = parseStored(sessionRowSchema, rawRow, 'settings row');
    const snapshot = parseStored(snapshotRowSchema, await db.snapshots.get(id), 'saved snapshot');
    const commands = await loadAllCommands(db, id);
    await createSession(
      db,
      { ...row, ...copy, writerEpoch: 0 },
      commands.map((c) => ({ ...c, sessionId: copy.id })),
      { ...snapshot, sessionId: copy.id, savedAt: copy.createdAt },
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
