// Issue 18, finding 5: a 200,000-command file took 39 s to keep with no progress bar, and a
// replay left behind on the Sessions page ran on with no Cancel. Progress and Cancel now follow
// the person to every page, and Keep counts the commands it stores.
import { expect, generateFiles, importText, openApp, test } from './fixtures.ts';

let file: (name: string) => string;
test.beforeAll(() => {
  file = generateFiles('test/fixtures/long-session/generate.ts', '200000');
});

test('a replay under way shows its progress and Cancel on every page, and cancels there', async ({
  page,
}) => {
  await openApp(page);
  await importText(page, 'year.json', file('year-of-market.json'));
  await expect(page.getByTestId('import-progress')).toContainText('Replaying year.json');

  await page.getByRole('link', { name: 'Trade' }).click();
  const strip = page.getByTestId('import-strip');
  await expect(strip).toContainText(/Replaying year\.json: \d+ of \d+ commands/);
  await page.getByRole('link', { name: 'Monitor' }).click();
  await expect(strip.getByRole('progressbar')).toBeVisible();
  await strip.getByRole('button', { name: 'Cancel' }).click();
  await expect(strip).toHaveCount(0);

  await page.getByRole('link', { name: 'Sessions' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import cancelled' })).toBeVisible();
  await expect(page.getByTestId('import-preview')).toHaveCount(0);
  await expect(page.getByTestId('session-row')).toHaveCount(1);
});

test('a 200,000-command file shows its count while it replays and while Keep stores it', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openApp(page);
  await importText(page, 'long.json', file('long-200000.json'));
  const progress = page.getByTestId('import-progress');
  await expect(progress).toContainText(/Replaying long\.json: [\d,]+ of 200,000 commands/);
  await expect(progress.getByRole('progressbar')).toBeVisible();
  await expect(page.getByTestId('import-verdict')).toContainText('Verified', { timeout: 120_000 });
  await expect(page.getByTestId('import-preview')).toContainText('200,000');

  await page.getByRole('button', { name: 'Keep and open' }).click();
  await expect(progress).toContainText(/Storing long\.json: [\d,]+ of 200,000 commands/);
  await expect(page.getByRole('status').filter({ hasText: 'Imported and opened.' })).toBeVisible({
    timeout: 120_000,
  });
  await expect(progress).toHaveCount(0);
  await expect(page.locator('[data-testid="session-row"][aria-current="true"]')).toContainText(
    'Long, 200000 commands',
  );
});
