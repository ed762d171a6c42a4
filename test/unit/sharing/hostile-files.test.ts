import { describe, expect, it } from 'vitest';
import { parseSessionFile } from '../../../src/schema/session-file.ts';
import { prepareImport } from '../../../src/worker/session-files.ts';
import { hostileFiles, type HostileFile } from '../../fixtures/hostile/generate.ts';

/** What the import says of a file: its verdict or refusal code, and the message. */
async function outcome(file: HostileFile, replay: boolean): Promise<[string, string]> {
  const parsed = parseSessionFile(file.text);
  if (!parsed.ok) return [parsed.code, parsed.message];
  if (!replay) return ['accepted', ''];
  const prepared = await prepareImport(parsed.value);
  return prepared.ok ? [prepared.value.verdict, ''] : [prepared.code, prepared.message];
}

const expectedOf = (file: HostileFile) =>
  file.expected.verdict === 'refused' ? file.expected.code : file.expected.verdict;

describe('the hostile file generator', () => {
  const files = hostileFiles();

  it('makes at least 200 distinct files', () => {
    expect(files.length).toBeGreaterThanOrEqual(200);
    expect(new Set(files.map((f) => f.name)).size).toBe(files.length);
  });

  it('expects a refusal at parse time exactly where the parser gives that code', async () => {
    const atParse = files.filter(
      (f) => f.expected.verdict === 'refused' && f.expected.code !== 'invalid-log',
    );
    for (const file of atParse) {
      const [code] = await outcome(file, false);
      expect({ name: file.name, code }).toEqual({ name: file.name, code: expectedOf(file) });
    }
  });

  it(
    'expects a refusal on replay exactly where the preview gives it',
    { timeout: 120_000 },
    async () => {
      for (const file of files.filter((f) => expectedOf(f) === 'invalid-log')) {
        const [code, message] = await outcome(file, true);
        expect({ name: file.name, code }).toEqual({ name: file.name, code: 'invalid-log' });
        expect(message, file.name).toMatch(/^Command \d+ \(/);
      }
    },
  );

  it('gives the reason it pins down, in the message', async () => {
    const pinned = files.filter((f) => f.expected.verdict === 'refused' && f.expected.says);
    expect(pinned.length).toBeGreaterThanOrEqual(25);
    for (const file of pinned) {
      const [, message] = await outcome(file, true);
      const says = file.expected.verdict === 'refused' ? file.expected.says! : '';
      expect(message, file.name).toContain(says);
    }
  });
});
