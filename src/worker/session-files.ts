import {
  SESSION_FILE_TYPE,
  SESSION_FILE_VERSION,
  serializeSessionFile,
} from '../engine/session-file.ts';
import { stateHash, type Session } from '../engine/session.ts';
import type { CommandRow, SessionRow } from '../schema/rows.ts';
import type { ExportedFile } from '../schema/messages.ts';
import { version as appVersion } from '../../package.json';

/** Builds the shared file of a session as it stands now. */
export async function exportSessionFile(
  row: SessionRow,
  commands: readonly CommandRow[],
  session: Session,
  options: { readonly pretty: boolean; readonly author?: string | undefined },
): Promise<ExportedFile> {
  const text = serializeSessionFile(
    {
      type: SESSION_FILE_TYPE,
      version: SESSION_FILE_VERSION,
      meta: {
        name: row.name,
        ...(options.author ? { author: options.author } : {}),
        createdAt: new Date(row.createdAt).toISOString(),
        appVersion,
      },
      seed: row.seed,
      config: row.config,
      commands: commands.map(({ at, command }) => ({ at, command })),
      endTime: session.time,
      stateHash: await stateHash(session.snapshot()),
    },
    options.pretty,
  );
  const slug =
    row.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'session';
  return { fileName: `powertrader-${slug}.json`, text };
}
