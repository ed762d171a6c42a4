import { expect, it } from 'vitest';
import { SERIES_HASHES, seriesHash } from '../support/series.ts';

it.each([1, 2] as const)(
  'gives the same price series in Chromium as in node for one seed, market model %i',
  async (model) => {
    expect(await seriesHash(model)).toBe(SERIES_HASHES[model]);
  },
);
