import { expect, it } from 'vitest';
import { GOLDEN_HASH, goldenHash } from '../../support/golden.ts';

it('replays the golden session to its known hash in node', async () => {
  expect(await goldenHash()).toBe(GOLDEN_HASH);
});
