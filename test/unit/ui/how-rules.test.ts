import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOW_RULES } from '../../../src/ui/how/rules.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('the "How it works" rules', () => {
  it('are the README’s rules, word for word', () => {
    const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ');
    for (const { rule } of HOW_RULES) expect(readme).toContain(rule);
  });

  it('each name a test file that exists', () => {
    for (const { test } of HOW_RULES)
      for (const name of test.split(', '))
        expect(existsSync(resolve(ROOT, 'test/unit', `${name}.test.ts`)), name).toBe(true);
  });
});
