import { describe, expect, it } from 'vitest';
import {
  EDITED_LABELS_REASON,
  EDITED_RESULT_REASON,
  unusualSettings,
  VERIFIED_REASON,
  verifyFile,
} from '../../../src/engine/file-verdict.ts';
import { replay, stateHash } from '../../../src/engine/session.ts';
import type { SessionFile } from '../../../src/engine/session-file.ts';
import { parseSessionFile } from '../../../src/schema/session-file.ts';
import { VALID } from '../../fixtures/hostile/generate.ts';
import { forge } from '../../support/forge.ts';

/** What the app does on import: replay the log to the end time, then judge the file. */
async function judge(file: SessionFile) {
  const replayed = replay(file.seed, file.config, file.commands);
  if (!replayed.ok) throw new Error(replayed.message);
  replayed.value.advanceTo(file.endTime);
  return verifyFile(file, await stateHash(replayed.value.snapshot()));
}

describe('"verified" means the file is what it says', () => {
  it('verifies an untouched export, and says what was checked', async () => {
    expect(await judge(VALID)).toEqual({ verdict: 'verified', reason: VERIFIED_REASON });
  });

  it('catches a name or author changed after export, which the replay cannot see', async () => {
    const renamed = { ...VALID, meta: { ...VALID.meta, name: 'Someone else' } };
    expect(await judge(renamed)).toEqual({ verdict: 'modified', reason: EDITED_LABELS_REASON });
    const reauthored = { ...VALID, meta: { ...VALID.meta, author: 'Mallory' } };
    expect((await judge(reauthored)).verdict).toBe('modified');
  });

  it('catches an edited log', async () => {
    const edited = { ...VALID, commands: VALID.commands.slice(0, -1) };
    expect(await judge(edited)).toEqual({ verdict: 'modified', reason: EDITED_RESULT_REASON });
  });

  it('shows a fee edited and rehashed by hand: verified, but the changed setting is listed', async () => {
    const forged = await forge(VALID, (file) => ({
      ...file,
      config: { ...file.config, takerFeeRate: '0.0001' },
    }));
    expect((await judge(forged)).verdict).toBe('verified');
    expect(unusualSettings(forged)).toContain('takerFeeRate: "0.0001" (new sessions: "0.001")');
  });

  it('lists a starting cash other than $50,000', () => {
    const richer = {
      ...VALID,
      commands: [
        { ...VALID.commands[0]!, command: { type: 'deposit' as const, amount: '60000' } },
        ...VALID.commands.slice(1),
      ],
    };
    expect(unusualSettings(richer)[0]).toBe('starting cash: $60000 (new sessions: $50000)');
  });

  it('opens a version 1 file and says it cannot be checked against today’s rules', async () => {
    const { fileHash: _, ...rest } = VALID;
    const parsed = parseSessionFile(JSON.stringify({ ...rest, version: 1 }));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.value.fileHash).toBeNull();
    const verdict = await judge(parsed.value);
    expect(verdict.verdict).toBe('modified');
    expect(verdict.reason).toMatch(/file version 1/);
  });
});
