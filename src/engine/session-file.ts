import type { SessionConfig } from './config.ts';
import type { TimedCommand } from './commands.ts';
import type { Assignment } from './assignment.ts';
import { withSortedKeys } from './canonical-json.ts';

/** The file type and the newest version this app writes and reads. */
export const SESSION_FILE_TYPE = 'powertrader.session';
export const SESSION_FILE_VERSION = 3;

/** Who made the file and when; text only, never trusted. */
export interface SessionFileMeta {
  readonly name: string;
  readonly author?: string;
  /** Wall-clock creation time, ISO-8601 UTC. */
  readonly createdAt: string;
  readonly appVersion: string;
  /** The assignment the session was started from, if any: inside the hashed part of the file. */
  readonly assignment?: Assignment;
}

/**
 * A shared session: seed, config and command log, and the hash of the state they give at
 * `endTime` (the simulated time of the export). Anyone can replay it and compare the hash.
 */
export interface SessionFile {
  readonly type: typeof SESSION_FILE_TYPE;
  readonly version: typeof SESSION_FILE_VERSION;
  readonly meta: SessionFileMeta;
  readonly seed: string;
  readonly config: SessionConfig;
  readonly commands: readonly TimedCommand[];
  readonly endTime: number;
  readonly stateHash: string;
  /**
   * SHA-256 of everything else in the file (see `fileHashOf`), so an edited name, author, date
   * or setting shows. Null for a file of version 1, which had none.
   */
  readonly fileHash: string | null;
}

/**
 * The file's text. Keys are written in one fixed order, so exporting an imported file gives the
 * same bytes again; `pretty` indents by two spaces, otherwise the text is compact.
 */
export function serializeSessionFile(file: SessionFile, pretty: boolean): string {
  const ordered = {
    type: file.type,
    version: file.version,
    meta: {
      name: file.meta.name,
      ...(file.meta.author === undefined ? {} : { author: file.meta.author }),
      createdAt: file.meta.createdAt,
      appVersion: file.meta.appVersion,
      ...(file.meta.assignment === undefined
        ? {}
        : { assignment: withSortedKeys(file.meta.assignment) }),
    },
    seed: file.seed,
    config: withSortedKeys(file.config),
    commands: file.commands.map(({ at, command }) => ({ at, command: withSortedKeys(command) })),
    endTime: file.endTime,
    stateHash: file.stateHash,
    ...(file.fileHash === null ? {} : { fileHash: file.fileHash }),
  };
  return `${JSON.stringify(ordered, null, pretty ? 2 : undefined)}\n`;
}
