import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/engine/canonical-json.ts';

// FIPS 180-4 examples and the NIST CAVP short/long message vectors, written out by hand from the
// published digests, not computed by the code under test.
const NIST_VECTORS: [string, string][] = [
  ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  [
    'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
    '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
  ],
  [
    'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
    'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
  ],
  ['a'.repeat(1_000_000), 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0'],
];

describe('the SHA-256 behind every state hash', () => {
  it.each(NIST_VECTORS.map(([text, digest]) => [text.slice(0, 20), text, digest]))(
    'gives the NIST digest of "%s…"',
    async (_label, text, digest) => {
      expect(await sha256Hex(text)).toBe(digest);
    },
  );

  it('hashes text as UTF-8, the same as node’s own SHA-256', async () => {
    for (const text of ['€49,973.07', '日本語', '🚀 to the moon', '\u0000\uffff']) {
      expect(await sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });
});
