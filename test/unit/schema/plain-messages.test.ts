import { describe, expect, it } from 'vitest';
import { commandSchema } from '../../../src/schema/command.ts';
import { sessionConfigSchema } from '../../../src/schema/config.ts';
import { describeIssues, sessionNameSchema } from '../../../src/schema/messages.ts';
import { parseSessionFile } from '../../../src/schema/session-file.ts';
import { serializeSessionFile } from '../../../src/engine/session-file.ts';
import { VALID } from '../../fixtures/hostile/generate.ts';
import { CONFIG } from '../../support/sessions.ts';

const messageOf = (result: { success: boolean; error?: Parameters<typeof describeIssues>[0] }) =>
  result.success ? 'accepted' : describeIssues(result.error!);

describe('a message about a wrong value', () => {
  it('names what was expected and what was found', () => {
    expect(messageOf(commandSchema.safeParse({ type: 'deposit', amount: 50000 }))).toBe(
      'amount: expected text, found a number.',
    );
    expect(messageOf(commandSchema.safeParse({ type: 'deposit', amount: null }))).toBe(
      'amount: expected text, found null.',
    );
    expect(messageOf(commandSchema.safeParse({ type: 'deposit', amount: ['1'] }))).toBe(
      'amount: expected text, found a list.',
    );
    expect(messageOf(sessionConfigSchema.safeParse({ ...CONFIG, tickMs: 1000.5 }))).toBe(
      'tickMs: expected a whole number, found 1000.5.',
    );
  });

  it('says "is missing" only when the value is missing', () => {
    expect(messageOf(commandSchema.safeParse({ type: 'deposit' }))).toBe('amount: is missing.');
  });

  it('says Infinity is not a number we can store', () => {
    const assets = [{ ...CONFIG.assets[0]!, annualVolatility: Infinity }];
    expect(messageOf(sessionConfigSchema.safeParse({ ...CONFIG, assets }))).toBe(
      'assets.0.annualVolatility: Infinity is not a number we can store.',
    );
    expect(messageOf(commandSchema.safeParse({ type: 'deposit', amount: -Infinity }))).toBe(
      'amount: -Infinity is not a number we can store.',
    );
  });

  it('says so for a number too large for JSON to hold, in a file', () => {
    const text = serializeSessionFile(VALID, false).replace(
      '"annualVolatility":0.5949',
      '"annualVolatility":1e999',
    );
    const parsed = parseSessionFile(text);
    expect(!parsed.ok && parsed.message).toBe(
      'The file is damaged: config.assets.0.annualVolatility: Infinity is not a number we can store.',
    );
  });
});

describe('a name', () => {
  it.each([
    ['a right-to-left override', 'Ada\u202Eevil', 'U+202E'],
    ['a left-to-right embedding', '\u202AAda', 'U+202A'],
    ['a first-strong isolate', 'Ada\u2068x\u2069', 'U+2068'],
    ['a pop directional isolate', 'Ada\u2069', 'U+2069'],
    ['a zero-width space', 'A\u200Bda', 'U+200B'],
    ['a zero-width joiner', 'Ad\u200Da', 'U+200D'],
    ['a zero-width no-break space inside', 'Ad\uFEFFa', 'U+FEFF'],
  ])('refuses %s with a message at the field', (_what, name, character) => {
    const parsed = sessionNameSchema.safeParse(name);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(
      `A session name may not contain invisible or direction-changing characters (it has ${character}), which can disguise it.`,
    );
  });

  it('refuses one in a file, at meta.name and meta.author', () => {
    for (const field of ['name', 'author'] as const) {
      const file = { ...VALID, meta: { ...VALID.meta, [field]: 'Ada\u202Eevil' } };
      const parsed = parseSessionFile(serializeSessionFile(file, false));
      expect(!parsed.ok && parsed.message).toBe(
        `The file is damaged: meta.${field}: The ${field} may not contain invisible or direction-changing characters (it has U+202E), which can disguise it.`,
      );
    }
  });

  it('still accepts letters of any script', () => {
    for (const name of ['Ada Lovelace', 'Zoë', 'محمد', 'שרה', '李雷', 'Ünal 2'])
      expect(sessionNameSchema.safeParse(name).success, name).toBe(true);
  });
});
