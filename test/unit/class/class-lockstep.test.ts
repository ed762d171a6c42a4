import { describe, expect, it } from 'vitest';
import { classRow, classRows } from '../../../src/engine/class-batch.ts';
import { parseSessionFile } from '../../../src/schema/session-file.ts';
import { classFiles, oneMarketFiles, WEEK10 } from '../../fixtures/class/generate.ts';

/** Each file alone, on its own market: the reference the shared-market batch must equal. */
async function oneByOne(files: readonly { name: string; text: string }[]) {
  const rows = [];
  for (const f of files) rows.push(await classRow(f.name, parseSessionFile(f.text), [WEEK10]));
  return rows;
}

const inputs = (files: readonly { name: string; text: string }[]) =>
  files.map((f) => ({ file: f.name, parsed: parseSessionFile(f.text) }));

describe('files of one market, checked in lockstep', () => {
  it('give the rows each gives alone: resting fills, scenarios of their own, different ends', async () => {
    const files = await oneMarketFiles(9, 6);
    const alone = await oneByOne(files);
    const together = await classRows(inputs(files), [WEEK10]);
    expect(together.ok && together.value).toEqual(alone);
    // Every file is honest, so each must verify; a shared market that leaked one session's
    // scenario or end into another's would give another hash.
    expect(alone.map((r) => r.verdict)).toEqual(files.map(() => 'verified'));
    expect(alone.some((r) => r.trades! >= 3)).toBe(true);
  }, 60_000);

  it('give the same rows in a mixed batch: other seeds, edited, broken and truncated files', async () => {
    const files = [...(await classFiles(10, 6)), ...(await oneMarketFiles(4, 6))];
    const alone = await oneByOne(files);
    const together = await classRows(inputs(files), [WEEK10]);
    expect(together.ok && together.value).toEqual(alone);
    expect(new Set(alone.map((r) => r.verdict))).toEqual(
      new Set(['verified', 'modified', 'refused']),
    );
  }, 60_000);

  it('refuse a log whose command is stamped after the file ends, as a replay alone does', async () => {
    const [f] = await oneMarketFiles(1, 2);
    const file = JSON.parse(f!.text) as { commands: { at: number }[]; endTime: number };
    // Stamps the first command after the end: the next one is then stamped before it.
    file.commands[0]!.at = file.endTime + 1;
    const text = JSON.stringify(file);
    const row = await classRow('late.json', parseSessionFile(text), [WEEK10]);
    expect(row.verdict).toBe('refused');
    expect(row.reason.length).toBeGreaterThan(10);
  });
});
