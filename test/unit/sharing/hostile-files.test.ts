import { describe, expect, it } from 'vitest';
import { parseSessionFile } from '../../../src/schema/session-file.ts';
import { hostileFiles } from '../../fixtures/hostile/generate.ts';

describe('the hostile file generator', () => {
  const files = hostileFiles();

  it('makes at least 200 distinct files', () => {
    expect(files.length).toBeGreaterThanOrEqual(200);
    expect(new Set(files.map((f) => f.name)).size).toBe(files.length);
  });

  it('expects a refusal at parse time exactly where the parser gives that code', () => {
    const atParse = files.filter(
      (f) => f.expected.verdict === 'refused' && f.expected.code !== 'invalid-log',
    );
    for (const file of atParse) {
      const parsed = parseSessionFile(file.text);
      expect({ name: file.name, code: parsed.ok ? 'accepted' : parsed.code }).toEqual({
        name: file.name,
        code: file.expected.verdict === 'refused' ? file.expected.code : '',
      });
    }
  });
});
