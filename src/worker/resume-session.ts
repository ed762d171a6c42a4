import type { TimedCommand } from '../engine/commands.ts';
import { refuse, type Result } from '../engine/result.ts';
import { Session, replay, replayFrom, stateHash } from '../engine/session.ts';
import type { SessionRow, SnapshotRow } from '../schema/rows.ts';

/** A session as the database holds it: its row, its snapshot and the commands after it. */
export interface StoredRows {
  readonly row: SessionRow;
  readonly snapshot: SnapshotRow;
  readonly commandsAfter: readonly TimedCommand[];
}

/**
 * Resumes a stored session: from its snapshot and the commands logged after it, or, when the
 * snapshot is damaged (it is only a cache), by replaying the whole log. Opening a session and
 * checking an import both go through here, so an import is kept only if it opens.
 */
export async function resumeSession(
  stored: StoredRows,
  allCommands: () => Promise<readonly TimedCommand[]>,
): Promise<Result<Session, 'invalid-log'>> {
  const { row, snapshot, commandsAfter } = stored;
  const intact = (await stateHash(snapshot.state)) === snapshot.hash;
  try {
    return intact
      ? replayFrom(Session.fromSnapshot(row.config, snapshot.state), commandsAfter)
      : replay(row.seed, row.config, await allCommands());
  } catch (error) {
    return refuse('invalid-log', error instanceof Error ? error.message : String(error));
  }
}
