import { sealFile } from '../../src/engine/file-verdict.ts';
import { serializeSessionFile, type SessionFile } from '../../src/engine/session-file.ts';
import { replay, stateHash } from '../../src/engine/session.ts';
import { VALID } from '../fixtures/hostile/generate.ts';

/**
 * Edits a file and recomputes both of its hashes with the engine's own functions, as anyone who
 * reads the source can (issue 18, finding 4): the result claims what its edited log replays to,
 * and its file hash matches, so only the listed settings can show what changed.
 */
export async function forge(
  file: SessionFile,
  edit: (contents: Omit<SessionFile, 'fileHash'>) => Omit<SessionFile, 'fileHash'>,
): Promise<SessionFile> {
  const { fileHash: _, ...contents } = file;
  const edited = edit(contents);
  const replayed = replay(edited.seed, edited.config, edited.commands);
  if (!replayed.ok) throw new Error(replayed.message);
  replayed.value.advanceTo(edited.endTime);
  return sealFile({ ...edited, stateHash: await stateHash(replayed.value.snapshot()) });
}

/** The golden file with a lower fee and more starting cash, rehashed. */
export function forgedFeeAndCash(): Promise<SessionFile> {
  return forge(VALID, (file) => ({
    ...file,
    config: { ...file.config, takerFeeRate: '0.0001' },
    commands: [
      { ...file.commands[0]!, command: { type: 'deposit', amount: '60000' } },
      ...file.commands.slice(1),
    ],
  }));
}

// `npx tsx test/support/forge.ts OUT_DIR` writes the forged file and the golden one it came from.
if (typeof process !== 'undefined' && process.argv[1]?.endsWith('forge.ts') && process.argv[2]) {
  const { writeFileSync } = await import('node:fs');
  const out = process.argv[2];
  writeFileSync(`${out}/golden.json`, serializeSessionFile(VALID, false));
  writeFileSync(`${out}/fee-and-cash.json`, serializeSessionFile(await forgedFeeAndCash(), false));
}
