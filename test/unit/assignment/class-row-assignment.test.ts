import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyPath } from '../../../src/cli/verify-command.ts';
import { assignmentConfig } from '../../../src/engine/assignment.ts';
import { classRow } from '../../../src/engine/class-row.ts';
import { parseSessionFile } from '../../../src/schema/session-file.ts';
import { WEEK1, studentFile } from '../../support/assignment.ts';

const buyBtc = { type: 'market-buy', symbol: 'BTC', quantity: '0.01' } as const;

describe('the class row of a file made under an assignment', () => {
  it('names the assignment and says the file follows it', async () => {
    const row = await classRow('ada.json', parseSessionFile(await studentFile(WEEK1, [buyBtc])));
    expect(row).toMatchObject({
      verdict: 'verified',
      assignment: 'wk1a2b3c',
      assignmentTitle: 'Week 1: two coins',
      followsAssignment: true,
      assignmentReason: '',
    });
  });

  it('flags a verified file whose seed and coins differ from its assignment, saying how', async () => {
    const config = { ...assignmentConfig(WEEK1), allowedSymbols: ['BTC', 'ETH', 'SOL'] };
    const text = await studentFile(WEEK1, [buyBtc], { seed: 'lucky', config });
    const row = await classRow('brook.json', parseSessionFile(text));
    // The file is what it says (it replays to its hash), but it is not the assignment.
    expect(row.verdict).toBe('verified');
    expect(row.followsAssignment).toBe(false);
    expect(row.assignmentReason).toBe(
      'It does not follow its assignment: seed "lucky" (the assignment\'s: "week1"); allowedSymbols.2: "SOL" (the assignment: not set).',
    );
  });

  it('flags a tier change, which the assignment does not allow', async () => {
    const text = await studentFile(WEEK1, [{ type: 'set-tier', tier: 'aggressive' }, buyBtc]);
    const row = await classRow('chen.json', parseSessionFile(text));
    expect(row.verdict).toBe('verified');
    expect(row.assignmentReason).toContain(
      'changes its tier to aggressive (the assignment sets moderate)',
    );
  });

  it('gives the same rows as `sim verify` on the same files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'assignment-'));
    const texts = {
      'follows.json': await studentFile(WEEK1, [buyBtc]),
      'other-seed.json': await studentFile(WEEK1, [buyBtc], { seed: 'other' }),
      'edited.json': (await studentFile(WEEK1, [buyBtc])).replace('"20000"', '"30000"'),
    };
    for (const [name, text] of Object.entries(texts)) {
      writeFileSync(join(dir, name), text);
      const fromPage = await classRow(name, parseSessionFile(text));
      expect(await verifyPath(join(dir, name))).toEqual(fromPage);
    }
    const edited = await verifyPath(join(dir, 'edited.json'));
    expect(edited.verdict).toBe('modified');
    expect(edited.followsAssignment).toBe(false);
  });

  it('leaves the columns empty for a file that names none (here: removed, so not verified)', async () => {
    const data = JSON.parse(await studentFile(WEEK1, [])) as { meta: { assignment?: unknown } };
    delete data.meta.assignment;
    const text = JSON.stringify(data);
    const row = await classRow('plain.json', parseSessionFile(text));
    expect(row).toMatchObject({
      verdict: 'modified',
      assignment: '',
      followsAssignment: null,
      assignmentReason: '',
    });
  });
});
