import { readFile } from 'node:fs/promises';
import { selfTestReportSchema } from '../../src/schema/selftest.ts';
import { expect, openApp, openAppOffline, test } from './fixtures.ts';

const scratchDatabases = (page: import('@playwright/test').Page) =>
  page.evaluate(async () =>
    (await indexedDB.databases()).map((d) => d.name).filter((n) => n?.startsWith('selftest-')),
  );

test('the self-test passes offline in the built app and writes a valid report', async ({
  page,
  context,
}) => {
  await openAppOffline(page, context);
  await page.getByRole('link', { name: 'Self-test' }).click();
  await page.getByLabel('Suites and iterations, as JSON').fill('{ "iterations": 50 }');
  await page.getByRole('button', { name: 'Run self-test' }).click();
  await expect(page.getByTestId('selftest-summary')).toBeVisible({ timeout: 60_000 });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download report (JSON)' }).click(),
  ]);
  const report = selfTestReportSchema.parse(
    JSON.parse(await readFile((await download.path())!, 'utf8')),
  );
  const failed = report.results.filter((r) => r.status !== 'passed');
  expect(failed, 'every check passes on this machine').toEqual([]);
  expect(report.results.length).toBeGreaterThanOrEqual(15);
  expect(report.performance.map((f) => f.name)).toContain('command-round-trip.p50');
  expect(await scratchDatabases(page)).toEqual([]);
  await context.setOffline(false);
});

test('cancelling the self-test leaves no scratch data behind', async ({ page }) => {
  await openApp(page);
  await page.getByRole('link', { name: 'Self-test' }).click();
  await page.getByRole('button', { name: 'Run self-test' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('selftest-summary')).toContainText('Cancelled', {
    timeout: 60_000,
  });
  expect(await scratchDatabases(page)).toEqual([]);
});

test('bad self-test settings are explained at the field', async ({ page }) => {
  await openApp(page);
  await page.getByRole('link', { name: 'Self-test' }).click();
  const settings = page.getByLabel('Suites and iterations, as JSON');
  await settings.fill('{ "iterations": 3 }');
  await expect(page.locator('#selftest-config-help')).toHaveText(
    'iterations: Use at least 10 iterations.',
  );
  await expect(page.getByRole('button', { name: 'Run self-test' })).toBeDisabled();
  await settings.fill('{ "suites": ["nonsense"] }');
  await expect(page.locator('#selftest-config-help')).toContainText('suites.0');
});
