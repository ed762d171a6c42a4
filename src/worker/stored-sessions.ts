import { defaultConfig, STARTING_CASH, type SessionConfig } from '../engine/config.ts';
import type { Command } from '../engine/commands.ts';
import type { Assignment } from '../engine/assignment.ts';
import { TIERS } from '../engine/risk/tiers.ts';
import { Session, stateHash } from '../engine/session.ts';
import type { Connection } from '../db/connection.ts';
import type { PowerTraderDb } from '../db/database.ts';
import { createSession, loadAllCommands } from '../db/session-repository.ts';
import { DamagedSessionError, type StoredSession } from '../db/session-store.ts';
import { newSessionId, sessionIdSchema, type SessionId } from '../schema/rows.ts';
import { firstFreeName } from '../schema/text.ts';
import { resumeSession } from './resume-session.ts';

/** Rebuilds the engine from a stored snapshot and the commands after it. */
export async function restore(connection: Connection, stored: StoredSession): Promise<Session> {
  const { row } = stored;
  // A damaged snapshot is only a lost cache: the whole log is replayed instead.
  const resumed = await resumeSession(stored, async () =>
    loadAllCommands(await connection.database(), row.id),
  );
  if (!resumed.ok)
    throw new DamagedSessionError(
      `its log cannot be replayed (${resumed.message.replace(/\.$/, '')})`,
    );
  return resumed.value;
}

/** The name, or the name with the first free number after it: "Demo, seed 42 (2)". */
export async function unusedName(db: PowerTraderDb, name: string): Promise<string> {
  const taken = (await db.sessions.toArray()).map((s) => (s as { name?: unknown }).name);
  return firstFreeName(taken, name);
}

export async function createDefaultSession(db: PowerTraderDb): Promise<SessionId> {
  const startTime = Math.floor(Date.now() / 1000) * 1000;
  // Moderate, as the new-session form preselects: a first session is not one without limits.
  return createNewSession(db, 'My first session', {
    ...defaultConfig(startTime),
    risk: TIERS.moderate,
  });
}

/** Stores a new session with its opening commands (a deposit by default), its clock running at 1×. */
export async function createNewSession(
  db: PowerTraderDb,
  name: string,
  config: SessionConfig,
  opening: readonly Command[] = [{ type: 'deposit', amount: STARTING_CASH }],
  seed = randomSeed(),
  assignment?: Assignment,
): Promise<SessionId> {
  const id = newSessionId();
  const session = Session.create(seed, config);
  for (const command of opening) {
    const applied = session.apply(command);
    if (!applied.ok) throw new Error(applied.message);
  }
  const state = session.snapshot();
  const now = Date.now();
  await createSession(
    db,
    {
      id,
      name,
      seed,
      config,
      createdAt: now,
      writerEpoch: 0,
      ...(assignment ? { assignment } : {}),
    },
    opening.map((command, i) => ({ sessionId: id, seq: i + 1, at: config.startTime, command })),
    {
      sessionId: id,
      hash: await stateHash(state),
      savedAt: now,
      clock: { running: true, speed: 1 },
      state,
    },
  );
  return sessionIdSchema.parse(id);
}

function randomSeed(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}
