// Files of version 2, made by the app at 5ae555c (before market model 2) with its class fixture
// generator, and the rows `sim verify` gave for them there. Every file made before version 3 must
// keep its verdict and its figures: it replays on market model 1.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignmentsFromLinks, verifyPaths } from '../../../src/cli/verify-command.ts';
import type { ClassRow } from '../../../src/engine/class-row.ts';
import { fileHashOf, verifyFile } from '../../../src/engine/file-verdict.ts';
import { replay, stateHash } from '../../../src/engine/session.ts';
import { parseSessionFile } from '../../../src/schema/session-file.ts';

const DIR = join(import.meta.dirname, '../../fixtures/version2');
const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as {
  name: string;
  expected: string | null;
}[];
const before = JSON.parse(readFileSync(join(DIR, 'rows-at-5ae555c.json'), 'utf8')) as ClassRow[];
const text = (name: string) => readFileSync(join(DIR, name), 'utf8');

describe('session files of version 2', () => {
  it('give the rows they gave before market model 2, figure for figure', async () => {
    const week10 = assignmentsFromLinks([readFileSync(join(DIR, 'week10-query.txt'), 'utf8')]);
    const rows = await verifyPaths(
      manifest.map((m) => join(DIR, m.name)),
      week10,
    );
    const byFile = (list: readonly ClassRow[]) => Object.fromEntries(list.map((r) => [r.file, r]));
    expect(rows).toHaveLength(10);
    expect(byFile(rows)).toEqual(byFile(before));
    for (const m of manifest)
      if (m.expected) expect(byFile(rows)[m.name]!.verdict).toBe(m.expected);
  });

  it('open as version 3 on market model 1, and an untouched one stays verified', async () => {
    const parsed = parseSessionFile(text('01-ada-verified.json'));
    if (!parsed.ok) throw new Error(parsed.message);
    const file = parsed.value;
    expect(file.version).toBe(3);
    expect(file.config.marketModel).toBeUndefined();
    const replayed = replay(file.seed, file.config, file.commands);
    if (!replayed.ok) throw new Error(replayed.message);
    replayed.value.advanceTo(file.endTime);
    const hash = await stateHash(replayed.value.snapshot());
    expect(verifyFile(file, hash).verdict).toBe('verified');
    // The carried hash is the version 3 hash of the same contents.
    expect(file.fileHash).toBe(fileHashOf(file));
  });

  it('keep showing a name edited after export, and a model claimed by a version 2 file', () => {
    const original = JSON.parse(text('01-ada-verified.json'));
    const renamed = parseSessionFile(
      JSON.stringify({ ...original, meta: { ...original.meta, name: 'Not mine' } }),
    );
    const claimed = parseSessionFile(
      JSON.stringify({ ...original, config: { ...original.config, marketModel: 2 } }),
    );
    for (const result of [renamed, claimed]) {
      if (!result.ok) throw new Error(result.message);
      expect(result.value.fileHash).toBe(original.fileHash);
      expect(result.value.fileHash).not.toBe(fileHashOf(result.value));
    }
  });
});
