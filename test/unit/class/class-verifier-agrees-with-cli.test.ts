import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyPaths } from '../../../src/cli/verify-command.ts';
import type { ClassRow } from '../../../src/engine/class-row.ts';
import { ClassService } from '../../../src/worker/class-service.ts';
import { classFiles, WEEK10, type ClassFile } from '../../fixtures/class/generate.ts';

describe('the class page and `sim verify` on the same 30 files', () => {
  let files: ClassFile[];
  let fromCli: ClassRow[];
  let fromClass: ClassRow[];
  let fromBatch: ClassRow[];

  beforeAll(async () => {
    files = await classFiles(30, 12);
    const dir = mkdtempSync(join(tmpdir(), 'class-'));
    const service = new ClassService();
    fromClass = [];
    // The teacher's copy of Week 10: given by `--assignment` to the CLI, remembered on the page.
    for (const f of files) {
      writeFileSync(join(dir, f.name), f.text);
      // The page hands the worker the dropped File; a Blob is what the worker reads.
      fromClass.push(await service.verify(f.name, new Blob([f.text]), () => undefined, [WEEK10]));
    }
    // The CLI and the page's batches check all files at once, three of them on one market.
    fromCli = await verifyPaths(
      files.map((f) => join(dir, f.name)),
      [WEEK10],
    );
    fromBatch = await service.verifyBatch(
      files.map((f) => ({ name: f.name, file: new Blob([f.text]) })),
      () => undefined,
      [WEEK10],
    );
  }, 120_000);

  it('give identical rows, file by file', () => {
    expect(fromClass).toHaveLength(30);
    expect(fromClass).toEqual(fromCli);
    expect(fromBatch).toEqual(fromCli);
  });

  it('find every file the verdict it must get', () => {
    for (const [i, f] of files.entries()) {
      if (f.expected) expect(fromClass[i]!.verdict, f.name).toBe(f.expected);
    }
    const verdicts = new Set(fromClass.map((r) => r.verdict));
    expect([...verdicts].sort()).toEqual(['modified', 'refused', 'verified']);
  });

  it('say why a file is not verified, and nothing when it is', () => {
    for (const row of fromClass) {
      if (row.verdict === 'verified') expect(row.reason).toBe('');
      else expect(row.reason.length, row.file).toBeGreaterThan(10);
    }
    const impossible = fromClass.find((r) => r.file.endsWith('impossible-log.json'))!;
    expect(impossible.reason).toMatch(/refused on replay: You have .* BTC free to sell/);
    expect(impossible.name).toBe('Week 10');
  });

  it('group files by assignment and flag those whose own copy of it was rewritten', () => {
    const named = fromClass.filter((r) => r.assignment === 'week10');
    expect(named.length).toBe(6);
    for (const [i, f] of files.entries()) {
      const row = fromClass[i]!;
      if (f.kind === 'follows-assignment') expect(row.followsAssignment, f.name).toBe(true);
      else if (f.kind === 'wrong-assignment') {
        // The file agrees with its own record of the assignment, so it verifies; the teacher's
        // copy shows the record was changed.
        expect(row.verdict, f.name).toBe('verified');
        expect(row.followsAssignment, f.name).toBe(false);
        expect(row.assignmentReason).toContain(
          'its copy of the assignment was changed: seed "class-',
        );
        expect(row.assignmentReason).toContain('(the assignment\'s: "week-10")');
      } else expect(row.followsAssignment, f.name).toBeNull();
    }
  });

  it('agree that a file of an assignment neither knows is not known, not followed', async () => {
    const f = files.find((file) => file.kind === 'follows-assignment')!;
    const dir = mkdtempSync(join(tmpdir(), 'class-unknown-'));
    writeFileSync(join(dir, f.name), f.text);
    const fromPage = await new ClassService().verify(f.name, new Blob([f.text]));
    expect(fromPage).toEqual((await verifyPaths([join(dir, f.name)]))[0]!);
    expect(fromPage).toMatchObject({ assignment: 'week10', followsAssignment: null });
    expect(fromPage.assignmentReason).toBe(
      'Assignment not known on this device; paste its link to check it.',
    );
  });

  it('count rejected orders and breaker trips, which the final state does not keep', () => {
    const replayed = fromClass.filter((r) => r.verdict !== 'refused');
    expect(replayed.some((r) => r.refusedOrders! > 0)).toBe(true);
    expect(replayed.some((r) => r.breakerTrips! > 0)).toBe(true);
    for (const r of replayed) {
      expect(r.finalEquity).toMatch(/^\d+(\.\d+)?$/);
      expect(r.returnPct).toMatch(/^-?\d+(\.\d{1,2})?$/);
      expect(r.maxDrawdownPct).toMatch(/^\d+(\.\d{1,2})?$/);
    }
  });
});
