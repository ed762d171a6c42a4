import { sealFile, unusualSettings, verifyFile } from '../engine/file-verdict.ts';
import {
  SESSION_FILE_TYPE,
  SESSION_FILE_VERSION,
  serializeSessionFile,
  type SessionFile,
} from '../engine/session-file.ts';
import { ok, refuse, type Result } from '../engine/result.ts';
import { Session, stateHash } from '../engine/session.ts';
import {
  commandRowSchema,
  newSessionId,
  sessionRowSchema,
  snapshotRowSchema,
  type CommandRow,
  type SessionRow,
  type SnapshotRow,
} from '../schema/rows.ts';
import { describeIssues, type ExportedFile } from '../schema/messages.ts';
import { replayStepwise, type ReplayControl } from './replay-stepwise.ts';
import { resumeSession } from './resume-session.ts';
import { version as appVersion } from '../../package.json';

/** Builds the shared file of a session as it stands now. */
export async function exportSessionFile(
  row: SessionRow,
  commands: readonly CommandRow[],
  session: Session,
  options: { readonly pretty: boolean; readonly author?: string | undefined },
): Promise<ExportedFile> {
  const text = serializeSessionFile(
    sealFile({
      type: SESSION_FILE_TYPE,
      version: SESSION_FILE_VERSION,
      meta: {
        name: row.name,
        ...(options.author ? { author: options.author } : {}),
        createdAt: new Date(row.createdAt).toISOString(),
        appVersion,
        ...(row.assignment ? { assignment: row.assignment } : {}),
      },
      seed: row.seed,
      config: row.config,
      commands: commands.map(({ at, command }) => ({ at, command })),
      endTime: session.time,
      stateHash: await stateHash(session.snapshot()),
    }),
    options.pretty,
  );
  const slug =
    row.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'session';
  return { fileName: `powertrader-${slug}.json`, text };
}

/** An import checked and ready to keep: the exact rows Keep writes, and what the preview shows. */
export interface PreparedImport {
  readonly verdict: 'verified' | 'modified';
  /** What the verdict checked and found, as a sentence. */
  readonly reason: string;
  /** Settings that differ from a new session's, one line each. */
  readonly settings: readonly string[];
  readonly replayedHash: string;
  readonly finalEquity: string;
  readonly row: SessionRow;
  readonly commands: readonly CommandRow[];
  readonly snapshot: SnapshotRow;
}

export type ImportRefusal = 'invalid-log' | 'cancelled' | 'invalid' | 'not-resumable';

/**
 * Replays a parsed file under the rules of live trading and builds the rows Keep would store,
 * checked by the same schemas the database reads them with. It is ready only if those rows,
 * read back, resume to the replayed state: the same number of commands and the same hash.
 */
export async function prepareImport(
  file: SessionFile,
  control: ReplayControl = {},
  now = Date.now(),
): Promise<Result<PreparedImport, ImportRefusal>> {
  const replayed = await replayStepwise(
    Session.create(file.seed, file.config),
    file.commands,
    file.endTime,
    control,
  );
  if (!replayed.ok) return replayed;
  const session = replayed.value;
  if (session.seq !== file.commands.length)
    return refuse(
      'invalid-log',
      `The file holds ${file.commands.length} commands but only ${session.seq} of them count; a live session logs each command once.`,
    );
  const state = session.snapshot();
  const replayedHash = await stateHash(state);
  const { verdict, reason } = verifyFile(file, replayedHash);
  const id = newSessionId();
  const name =
    verdict === 'verified'
      ? file.meta.name
      : `${file.meta.name.slice(0, 50)} (modified copy, replayed here)`;
  const row = sessionRowSchema.safeParse({
    id,
    name,
    seed: file.seed,
    config: file.config,
    // The session keeps the creation time the file carries, so a re-export is the same file.
    createdAt: Date.parse(file.meta.createdAt),
    writerEpoch: 0,
    ...(file.meta.assignment ? { assignment: file.meta.assignment } : {}),
  });
  if (!row.success) return cannotStore(describeIssues(row.error));
  // An imported session opens paused, at the moment the file was made.
  const snapshot = snapshotRowSchema.safeParse({
    sessionId: id,
    hash: replayedHash,
    savedAt: now,
    clock: { running: false, speed: 1 },
    state,
  });
  if (!snapshot.success) return cannotStore(describeIssues(snapshot.error));
  const commands: CommandRow[] = [];
  for (const [i, { at, command }] of file.commands.entries()) {
    const parsed = commandRowSchema.safeParse({ sessionId: id, seq: i + 1, at, command });
    if (!parsed.success) return cannotStore(`command ${i + 1}: ${describeIssues(parsed.error)}`);
    commands.push(parsed.data);
  }
  // Read back as the database would hand it over (a structured copy), and resumed as on open.
  const storedSnapshot = structuredClone(snapshot.data);
  const resumed = await resumeSession(
    {
      row: row.data,
      snapshot: storedSnapshot,
      commandsAfter: commands.filter((c) => c.seq > storedSnapshot.state.seq),
    },
    () => Promise.resolve(commands),
  );
  const resumedHash = resumed.ok ? await stateHash(resumed.value.snapshot()) : undefined;
  if (!resumed.ok || resumed.value.seq !== commands.length || resumedHash !== replayedHash)
    return refuse(
      'not-resumable',
      `The file replays, but stored it would not open to the same state${resumed.ok ? '' : ` (${resumed.message})`}; it was not kept.`,
    );
  return ok({
    verdict,
    reason,
    settings: unusualSettings(file),
    replayedHash,
    finalEquity: session.view().equity,
    row: row.data,
    commands,
    snapshot: snapshot.data,
  });
}

function cannotStore(reason: string): Result<never, 'invalid'> {
  return refuse('invalid', `The file replays but cannot be stored: ${reason}`);
}
