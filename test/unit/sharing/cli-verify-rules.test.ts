import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runVerify } from '../../../src/cli/verify-command.ts';
import { hostileFiles, VALID_TEXT } from '../../fixtures/hostile/generate.ts';

describe('the command-line verify', () => {
  it('applies the import rules: a repeated order id is refused, naming the command', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verify-'));
    const repeated = hostileFiles().find((f) => f.name === 'repeated-order-id')!;
    writeFileSync(join(dir, 'golden.json'), VALID_TEXT);
    writeFileSync(join(dir, 'repeated.json'), repeated.text);
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const code = await runVerify([join(dir, 'golden.json'), join(dir, 'repeated.json')], 'json');
      expect(code).toBe(1);
    } finally {
      spy.mockRestore();
    }
    const rows = JSON.parse(written.join('')) as {
      file: string;
      verdict: string;
      reason?: string;
    }[];
    expect(rows.map((r) => [r.file, r.verdict])).toEqual([
      ['golden.json', 'verified'],
      ['repeated.json', 'refused'],
    ]);
    expect(rows[1]!.reason).toMatch(/^Command 8 \(place-order\) repeats the order id sol-bracket/);
  });
});
