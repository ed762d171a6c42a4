import { expect, it } from 'vitest';
import { SERIES_HASH, seriesHash } from '../support/series.ts';

it('gives the same price series in Chromium as in node for one seed', async () => {
  expect(await seriesHash()).toBe(SERIES_HASH);
});
