import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignmentsFromLinks, verifyPaths } from '../../../src/cli/verify-command.ts';
import { UsageError } from '../../../src/cli/usage-error.ts';
import { assignmentConfig, type Assignment } from '../../../src/engine/assignment.ts';
import { classRow } from '../../../src/engine/class-batch.ts';
import { assignmentQuery } from '../../../src/schema/assignment-link.ts';
import { parseSessionFile } from '../../../src/schema/session-file.ts';
import { WEEK1, studentFile } from '../../support/assignment.ts';

const buyBtc = { type: 'market-buy', symbol: 'BTC', quantity: '0.01' } as const;
/** The teacher's copies on this device: week 1 only. */
const KNOWN: readonly Assignment[] = [WEEK1];

/** Week 1 as a student rewrote it, file and record alike: their own seed, more cash, Aggressive. */
const REWRITTEN: Assignment = { ...WEEK1, seed: 'lucky', cash: '30000', tier: 'aggressive' };

describe('the class row of a file made under an assignment', () => {
  it('names the assignment and says the file follows the teacher’s copy', async () => {
    const text = await studentFile(WEEK1, [buyBtc]);
    const row = await classRow('ada.json', parseSessionFile(text), KNOWN);
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
    const row = await classRow('brook.json', parseSessionFile(text), KNOWN);
    // The file is what it says (it replays to its hash), but it is not the assignment.
    expect(row.verdict).toBe('verified');
    expect(row.followsAssignment).toBe(false);
    expect(row.assignmentReason).toBe(
      'It does not follow its assignment: seed "lucky" (the assignment\'s: "week1"); allowedSymbols.2: "SOL" (the assignment: not set).',
    );
  });

  it('flags a file whose own copy of the assignment was rewritten to match it, and rehashed', async () => {
    // Seed, cash and tier changed in the file and in its record alike, then replayed and sealed:
    // the file agrees with itself and verifies, so only the teacher's copy can catch it.
    const text = await studentFile(WEEK1, [buyBtc], {
      seed: 'lucky',
      record: REWRITTEN,
      config: assignmentConfig(REWRITTEN),
    });
    const row = await classRow('cleo.json', parseSessionFile(text), KNOWN);
    expect(row.verdict).toBe('verified');
    expect(row.followsAssignment).toBe(false);
    expect(row.assignmentReason).toBe(
      'It does not follow its assignment: its copy of the assignment was changed: seed "lucky" (the teacher\'s: "week1"), cash $30000 (the teacher\'s: $20000), tier aggressive (the teacher\'s: moderate); ' +
        'seed "lucky" (the assignment\'s: "week1"); ' +
        'risk.name: "aggressive" (the assignment: "moderate"); risk.label: "Aggressive" (the assignment: "Moderate"); risk.riskPerTrade: "0.03" (the assignment: "0.02"); risk.maxPositionFraction: "0.03" (the assignment: "0.02"); risk.maxOpenPositions: 12 (the assignment: 8); risk.dailyLossLimit: "0.06" (the assignment: "0.04"); risk.maxDrawdown: "0.25" (the assignment: "0.15"); ' +
        "starting cash $30000 (the assignment's: $20000 at the start).",
    );
  });

  it('flags a changed deadline and title in the file’s copy, in plain dates', async () => {
    const record = { ...WEEK1, title: 'Week 1', deadline: Date.UTC(2026, 2, 8) };
    const text = await studentFile(WEEK1, [buyBtc], { record, config: assignmentConfig(record) });
    const row = await classRow('dan.json', parseSessionFile(text), KNOWN);
    // The teacher's title is shown, not the one the file gives itself.
    expect(row.assignmentTitle).toBe('Week 1: two coins');
    expect(row.assignmentReason).toContain(
      'its copy of the assignment was changed: title "Week 1" (the teacher\'s: "Week 1: two coins"), deadline 2026-03-08 00:00 UTC (the teacher\'s: 2026-03-06 12:00 UTC); ',
    );
    expect(row.assignmentReason).toContain(
      'closesAt: 1772928000000 (the assignment: 1772798400000)',
    );
  });

  it('says an assignment this device does not know is not known, never that the file follows it', async () => {
    const text = await studentFile(WEEK1, [buyBtc]);
    const row = await classRow('eve.json', parseSessionFile(text), []);
    expect(row).toMatchObject({
      verdict: 'verified',
      assignment: 'wk1a2b3c',
      assignmentTitle: 'Week 1: two coins',
      followsAssignment: null,
      assignmentReason: 'Assignment not known on this device; paste its link to check it.',
    });
  });

  it('flags a tier change, which the assignment does not allow', async () => {
    const text = await studentFile(WEEK1, [{ type: 'set-tier', tier: 'aggressive' }, buyBtc]);
    const row = await classRow('chen.json', parseSessionFile(text), KNOWN);
    expect(row.verdict).toBe('verified');
    expect(row.assignmentReason).toContain(
      'changes its tier to aggressive (the assignment sets moderate)',
    );
  });

  it('gives the same rows as `sim verify` on the same files, with and without the teacher’s copy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'assignment-'));
    const texts = {
      'follows.json': await studentFile(WEEK1, [buyBtc]),
      'other-seed.json': await studentFile(WEEK1, [buyBtc], { seed: 'other' }),
      'edited.json': (await studentFile(WEEK1, [buyBtc])).replace('"20000"', '"30000"'),
      'tampered-record.json': await studentFile(WEEK1, [buyBtc], {
        seed: 'lucky',
        record: REWRITTEN,
        config: assignmentConfig(REWRITTEN),
      }),
    };
    for (const known of [KNOWN, []]) {
      for (const [name, text] of Object.entries(texts)) {
        writeFileSync(join(dir, name), text);
        const fromPage = await classRow(name, parseSessionFile(text), known);
        expect((await verifyPaths([join(dir, name)], known))[0]!).toEqual(fromPage);
      }
    }
    const edited = (await verifyPaths([join(dir, 'edited.json')], KNOWN))[0]!;
    expect(edited.verdict).toBe('modified');
    expect(edited.followsAssignment).toBe(false);
    const tampered = (await verifyPaths([join(dir, 'tampered-record.json')], KNOWN))[0]!;
    expect(tampered).toMatchObject({ verdict: 'verified', followsAssignment: false });
    expect(tampered.assignmentReason).toContain('its copy of the assignment was changed: seed');
    expect((await verifyPaths([join(dir, 'follows.json')]))[0]!.followsAssignment).toBeNull();
  });

  it('leaves the columns empty for a file that names none (here: removed, so not verified)', async () => {
    const data = JSON.parse(await studentFile(WEEK1, [])) as { meta: { assignment?: unknown } };
    delete data.meta.assignment;
    const text = JSON.stringify(data);
    const row = await classRow('plain.json', parseSessionFile(text), KNOWN);
    expect(row).toMatchObject({
      verdict: 'modified',
      assignment: '',
      followsAssignment: null,
      assignmentReason: '',
    });
  });
});

describe('`sim verify --assignment`', () => {
  it('reads the link the class page makes, whole or as its query', () => {
    const query = assignmentQuery(WEEK1);
    expect(assignmentsFromLinks([`https://example.org/app/#/sessions?${query}`])).toEqual([WEEK1]);
    expect(assignmentsFromLinks([`#/sessions?${query}`])).toEqual([WEEK1]);
  });

  it('refuses a link that is not an assignment, a broken one, and one given twice', () => {
    const query = assignmentQuery(WEEK1);
    expect(() => assignmentsFromLinks(['https://example.org/'])).toThrow(UsageError);
    expect(() => assignmentsFromLinks([`#/sessions?${query.replace('v=1', 'v=9')}`])).toThrow(
      /version 9 link/,
    );
    expect(() => assignmentsFromLinks([`?${query}`, `?${query}`])).toThrow(/given twice/);
  });
});
