import { expect, it } from 'vitest';
import { SERIES_HASHES, seriesHash } from '../../support/series.ts';

it.each([1, 2] as const)(
  'gives the known price series in node for one seed, market model %i',
  async (model) => {
    expect(await seriesHash(model)).toBe(SERIES_HASHES[model]);
  },
);
