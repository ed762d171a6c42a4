// Issue 18, finding 5: a 3 KB file whose end time is the largest date JavaScript knows replayed
// forever. Its span is checked before any replay starts, and refused with the limit.
import { expect, generateFiles, importText, openApp, test } from './fixtures.ts';

let hostile: (name: string) => string;
test.beforeAll(() => {
  hostile = generateFiles('test/fixtures/hostile/generate.ts');
});

test('a file that ends at the last representable date is refused before any replay', async ({
  page,
}) => {
  const endless = hostile('end-time-largest.json');
  expect(JSON.parse(endless).endTime).toBe(8_640_000_000_000_000);
  await openApp(page);
  await importText(page, 'endless.json', endless);
  await expect(page.getByTestId('import-refused')).toContainText(
    'at most 1,826 days (5 years) can be replayed',
  );
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(page.getByTestId('session-row')).toHaveCount(1);
});
