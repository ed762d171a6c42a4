import { canonicalJson, sha256HexSync } from './canonical-json.ts';
import { defaultConfig, idealConfig, STARTING_CASH, type SessionConfig } from './config.ts';
import type { SessionFile } from './session-file.ts';
import { SESSION_FILE_VERSION } from './session-file.ts';

/**
 * The hash of everything a reader of the file sees: name, author, dates, app version, seed,
 * settings, commands, end time and the claimed result. It is computed over the file as the
 * current version writes it, so a migrated older file never matches by accident (see
 * `parseSessionFile` for the one migration that carries a valid hash over).
 */
export function fileHashOf(
  file: Omit<SessionFile, 'fileHash'>,
  version: number = SESSION_FILE_VERSION,
): string {
  return sha256HexSync(
    canonicalJson({
      type: file.type,
      version,
      meta: file.meta,
      seed: file.seed,
      config: file.config,
      commands: file.commands,
      endTime: file.endTime,
      stateHash: file.stateHash,
    }),
  );
}

/** A file as exported: its contents with their file hash. */
export function sealFile(file: Omit<SessionFile, 'fileHash'>): SessionFile {
  return { ...file, fileHash: fileHashOf(file) };
}

export interface FileVerdict {
  readonly verdict: 'verified' | 'modified';
  /** What was checked and what it found, as a sentence. */
  readonly reason: string;
}

export const VERIFIED_REASON =
  'The outcomes follow from these commands under these settings, and nothing in the file (name, author, dates, settings or log) changed after it was exported.';
export const EDITED_RESULT_REASON =
  'The result it claims does not follow from its commands under its settings: its log, settings or recorded result were edited.';
export const EDITED_LABELS_REASON =
  'Its outcomes follow from its commands, but its name, author, dates or settings were edited after it was exported.';

/** Whether a file is what it says, given the state hash its log replays to here. */
export function verifyFile(file: SessionFile, replayedHash: string): FileVerdict {
  if (file.fileHash === null) {
    return {
      verdict: 'modified',
      reason: `It was made by PowerTrader ${file.meta.appVersion} (file version 1), whose fill and statistics rules were older, so its recorded result cannot be checked here. The figures shown are its commands replayed under this version's rules.`,
    };
  }
  if (replayedHash !== file.stateHash) return { verdict: 'modified', reason: EDITED_RESULT_REASON };
  if (fileHashOf(file) !== file.fileHash)
    return { verdict: 'modified', reason: EDITED_LABELS_REASON };
  return { verdict: 'verified', reason: VERIFIED_REASON };
}

/**
 * The settings of a file that differ from a new session's (realistic or ideal, whichever is
 * nearer), and a starting cash other than $50,000: a teacher sees a changed fee at a glance,
 * whatever the verdict. Each line reads "what: the file's value (new sessions: the default)".
 */
export function unusualSettings(file: SessionFile): string[] {
  const against = [defaultConfig(file.config.startTime), idealConfig(defaultConfig(0))].map(
    (base) => differences(file.config, base),
  );
  const lines = against[0]!.length <= against[1]!.length ? against[0]! : against[1]!;
  const first = file.commands[0]?.command;
  const cash = first?.type === 'deposit' ? first.amount : '0';
  if (cash !== STARTING_CASH)
    lines.unshift(`starting cash: $${cash} (new sessions: $${STARTING_CASH})`);
  return lines;
}

/** Paths whose values differ, leaving out the start time, the tier and replayed candles. */
function differences(config: SessionConfig, base: SessionConfig): string[] {
  return differingPaths(config, base, 'new sessions', /^(startTime|risk|replay)\b/);
}

/**
 * Each setting whose value differs from another config's, as "path: value (against: value)";
 * paths that `skip` matches are left out, and so is the market model: it says which generator
 * the app used when the session was made, not a setting anyone chose, and a session of either
 * model follows the same settings.
 */
export function differingPaths(
  config: SessionConfig,
  base: SessionConfig,
  against: string,
  skip?: RegExp,
): string[] {
  const mine = flatten(config);
  const theirs = flatten(base);
  const out: string[] = [];
  for (const path of new Set([...mine.keys(), ...theirs.keys()])) {
    if (path === 'marketModel' || skip?.test(path)) continue;
    const value = mine.get(path);
    const usual = theirs.get(path);
    if (value !== usual)
      out.push(`${path}: ${value ?? 'not set'} (${against}: ${usual ?? 'not set'})`);
  }
  return out;
}

/** A nested value as dotted paths to JSON leaves: assets.0.takerFeeRate → "0.002". */
function flatten(
  value: unknown,
  prefix = '',
  out = new Map<string, string>(),
): Map<string, string> {
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value))
      if (child !== undefined) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else out.set(prefix, JSON.stringify(value));
  return out;
}
