import { describe, expect, it } from 'vitest';
import { replay, stateHash } from '../../../src/engine/session.ts';
import { serializeSessionFile, type SessionFile } from '../../../src/engine/session-file.ts';
import { FILE_LIMITS, parseSessionFile } from '../../../src/schema/session-file.ts';
import { VALID } from '../../fixtures/hostile/generate.ts';
import { GOLDEN_HASH } from '../../support/golden.ts';

const file: SessionFile = VALID;

describe('the session file', () => {
  it('replays to the hash it carries', async () => {
    const parsed = parseSessionFile(serializeSessionFile(file, true));
    if (!parsed.ok) throw new Error(parsed.message);
    const replayed = replay(parsed.value.seed, parsed.value.config, parsed.value.commands);
    if (!replayed.ok) throw new Error(replayed.message);
    replayed.value.advanceTo(parsed.value.endTime);
    expect(await stateHash(replayed.value.snapshot())).toBe(parsed.value.stateHash);
  });

  it('gives byte-identical text when exported, imported and exported again', () => {
    for (const pretty of [true, false]) {
      const first = serializeSessionFile(file, pretty);
      const again = parseSessionFile(first);
      if (!again.ok) throw new Error(again.message);
      expect(serializeSessionFile(again.value, pretty)).toBe(first);
    }
  });

  it('writes the envelope first and the hashes last', () => {
    const text = serializeSessionFile(file, false);
    expect(
      text.startsWith('{"type":"powertrader.session","version":3,"meta":{"name":"Golden"'),
    ).toBe(true);
    expect(text.endsWith(`"stateHash":"${GOLDEN_HASH}","fileHash":"${file.fileHash}"}\n`)).toBe(
      true,
    );
  });
});

describe('a file from outside is refused with the reason', () => {
  const valid = JSON.parse(serializeSessionFile(file, false));
  const refusedWith = (input: string) => {
    const parsed = parseSessionFile(input);
    return parsed.ok ? 'accepted' : `${parsed.code}: ${parsed.message}`;
  };
  const edit = (change: (f: Record<string, unknown> & typeof valid) => void) => {
    const copy = structuredClone(valid);
    change(copy);
    return JSON.stringify(copy);
  };

  it.each([
    ['text that is not JSON', 'hello', /^not-json: This is not a JSON file/],
    ['a truncated file', serializeSessionFile(file, false).slice(0, 200), /^not-json/],
    ['another kind of file', '{"type":"other","version":1}', /^not-a-session/],
    [
      'a newer version',
      edit((f) => (f.version = 7)),
      /^newer-version: This file was made by a newer PowerTrader \(version 7\); update the app\.$/,
    ],
    [
      'a version that is not a number',
      edit((f) => (f.version = '1')),
      /^invalid: The file has no valid version number/,
    ],
    [
      'a number instead of a decimal string',
      edit((f) => (f.commands[1].command.quantity = 0.3)),
      /^invalid: .*commands\.1\.command\.quantity/,
    ],
    [
      'an exponent in a quantity',
      edit((f) => (f.commands[1].command.quantity = '3e-1')),
      /^invalid: .*plain number/,
    ],
    [
      'an unknown command',
      edit((f) => (f.commands[1].command = { type: 'transfer-all' })),
      /^invalid: .*commands\.1\.command/,
    ],
    [
      'an asset outside the session',
      edit((f) => (f.commands[1].command.symbol = 'DOGE')),
      /^invalid: .*not in the session/,
    ],
    ['commands out of time order', edit((f) => (f.commands[2].at = 0)), /^invalid: .*time order/],
    [
      'a prototype-polluting key',
      edit(
        (f) =>
          (f.meta = JSON.parse(
            '{"__proto__":{"admin":true},"name":"x","createdAt":"2026-01-01T00:00:00.000Z","appVersion":"1"}',
          )),
      ),
      /^invalid: .*meta: has unknown field "__proto__"/,
    ],
    [
      'a name that is too long',
      edit((f) => (f.meta.name = 'x'.repeat(81))),
      /^invalid: .*meta\.name: Use at most 80 characters\./,
    ],
    [
      'a malformed hash',
      edit((f) => (f.stateHash = 'abc')),
      /^invalid: .*stateHash: A hash is 64 hex digits/,
    ],
    [
      'deep nesting',
      `{"type":"powertrader.session","version":1,"meta":${'['.repeat(40)}${']'.repeat(40)}}`,
      /^too-deep/,
    ],
    [
      'a file over the size limit',
      ' '.repeat(FILE_LIMITS.bytes + 1),
      /^too-large: The file is over the 20 MB limit\./,
    ],
  ])('refuses %s', (_name, input, expected) => {
    expect(refusedWith(input)).toMatch(expected);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});
