import { expect, it } from 'vitest';
import { GOLDEN_HASHES, goldenHash } from '../../support/golden.ts';

it.each([1, 2] as const)(
  'replays the golden session to its known hash in node, market model %i',
  async (model) => {
    expect(await goldenHash(model)).toBe(GOLDEN_HASHES[model]);
  },
);
