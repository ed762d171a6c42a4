import { expect, openApp, test } from './fixtures.ts';

test('a share link opens the tier lab with its settings; one seed compares the three tiers', async ({
  page,
}) => {
  await openApp(page);
  await page.goto('/#/lab?strategy=ma-crossover&days=90&seed=7&seeds=20');
  await expect(page.getByLabel('Strategy')).toHaveValue('ma-crossover');
  await expect(page.getByLabel('Days')).toHaveValue('90');
  await page.getByLabel('Days').fill('5');
  await expect(page.getByRole('alert')).toHaveText('days: Run at least 30 days.');
  await expect(page.getByRole('button', { name: 'Run one seed' })).toBeDisabled();
  await page.getByLabel('Days').fill('90');
  await page.getByRole('button', { name: 'Run one seed' }).click();
  const rows = page.getByTestId('lab-table').getByRole('row');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText('Conservative');
  await expect(page.getByRole('img', { name: /Equity by tier over time/ })).toBeVisible();
});

test('Monte Carlo shows progress and histograms; cancel stops every lab worker', async ({
  page,
}) => {
  await openApp(page);
  await page.goto('/#/lab?strategy=buy-and-hold&days=60&seed=1&seeds=30');
  await page.getByRole('button', { name: 'Run Monte Carlo' }).click();
  await expect(page.getByTestId('mc-table').getByRole('row')).toHaveCount(4, { timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Monte Carlo: 30 seeds' })).toBeVisible();

  await page.getByLabel('Monte Carlo seeds').fill('2000');
  await page.getByLabel('Days').fill('1825');
  await page.getByRole('button', { name: 'Run Monte Carlo' }).click();
  await expect(page.getByLabel('Monte Carlo progress')).toBeVisible();
  const labWorkers = () => page.workers().filter((w) => w.url().includes('session.worker')).length;
  const before = labWorkers();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: /Cancelled after \d+ of 2000 seeds/ }),
  ).toBeVisible();
  // Only the session's own worker is left: every worker of the pool was terminated.
  await expect.poll(labWorkers).toBeLessThan(before);
  await expect.poll(labWorkers).toBe(1);
});
