import { expect, openApp, test } from './fixtures.ts';
import type { Locator, Page } from '@playwright/test';

/** The single-run table's rows as text, header left out. */
async function tableRows(page: Page): Promise<string[]> {
  const rows = page.getByTestId('lab-table').getByRole('row');
  return (await rows.allInnerTexts()).slice(1);
}

/** A cell of the single-run table by tier row (1 = first tier) and column header. */
function cell(page: Page, row: number, column: number): Locator {
  return page.getByTestId('lab-table').getByRole('row').nth(row).getByRole('cell').nth(column);
}

test('a version 1 share link opens the lab with its settings and reruns it at once', async ({
  page,
}) => {
  await openApp(page);
  await page.goto('/#/lab?strategy=ma-crossover&days=90&seed=7&seeds=20');
  await expect(page.getByLabel('Strategy')).toHaveValue('ma-crossover');
  await expect(page.getByLabel('Days')).toHaveValue('90');
  const rows = page.getByTestId('lab-table').getByRole('row');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText('Conservative');
  await expect(page.getByRole('img', { name: /Equity by tier over time/ })).toBeVisible();
  await page.getByLabel('Days').fill('5');
  await expect(page.getByRole('alert')).toHaveText('days: Run at least 30 days.');
  await expect(page.getByRole('button', { name: 'Run one seed' })).toBeDisabled();
});

test('on the default lab the three tiers differ, say what held them back, and the what-if moves only Aggressive', async ({
  page,
}) => {
  await openApp(page);
  await page.goto('/#/lab');
  await expect(page.getByLabel('Strategy')).toHaveValue('dip-buyer');
  await page.getByRole('button', { name: 'Run one seed' }).click();
  await expect(page.getByTestId('lab-table').getByRole('row')).toHaveCount(4, { timeout: 30_000 });
  const finals = await Promise.all([1, 2, 3].map((r) => cell(page, r, 1).innerText()));
  expect(new Set(finals).size).toBe(3);
  // Held back: Conservative by its five positions, Moderate by its breaker, Aggressive by the cap.
  await expect(cell(page, 1, 7)).toContainText('max-open-positions');
  await expect(cell(page, 2, 7)).toContainText('breaker');
  expect(Number(await cell(page, 3, 8).innerText())).toBeGreaterThan(0);
  await expect(page.getByTestId('coincide-note')).toHaveCount(0);

  const before = await tableRows(page);
  await page.getByLabel('What if there were no 2 % cap?').check();
  await page.getByRole('button', { name: 'Run one seed' }).click();
  await expect(page.getByRole('heading', { name: /2 % cap lifted/ })).toBeVisible({
    timeout: 30_000,
  });
  const after = await tableRows(page);
  expect(after.slice(0, 2)).toEqual(before.slice(0, 2));
  expect(after[2]).not.toEqual(before[2]);
  await expect(cell(page, 3, 8)).toHaveText('0');
});

test('curves that coincide are drawn dashed and the legend says so', async ({ page }) => {
  await openApp(page);
  await page.goto('/#/lab?v=2&strategy=buy-and-hold&days=60&seed=42&seeds=20' + tiersQuery());
  await expect(page.getByTestId('coincide-note')).toContainText(
    'Aggressive’s curve coincides with Moderate’s',
  );
  await expect(
    page.getByRole('img', { name: /Aggressive \(same curve as Moderate\)/ }),
  ).toBeVisible();
});

test('custom tiers are checked at the field, and a share link reruns the same figures in a fresh browser', async ({
  page,
  browser,
}) => {
  await openApp(page);
  await page.goto('/#/lab');
  await page.getByLabel('Days').fill('120');
  await page.getByRole('button', { name: 'Add a tier' }).click();
  await page.getByLabel('Name, tier 4').fill('Reckless');
  await page.getByLabel('Max open positions, tier 4').fill('0');
  await expect(page.locator('#tier-3-maxOpenPositions-error')).toHaveText(
    'Use a whole number from 1 to 100.',
  );
  await expect(page.getByRole('button', { name: 'Run one seed' })).toBeDisabled();
  await page.getByLabel('Max open positions, tier 4').fill('10');
  await page.getByLabel('Max position %, tier 4').fill('20');
  await page.getByLabel('Risk per trade %, tier 4').fill('5');
  await page.getByLabel('What if there were no 2 % cap?').check();
  await page.getByRole('button', { name: 'Run one seed' }).click();
  await expect(page.getByTestId('lab-table').getByRole('row')).toHaveCount(5, { timeout: 30_000 });
  const figures = await tableRows(page);
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.getByTestId('share-link').innerText();
  expect(link).toContain('v=2');

  const fresh = await browser.newContext();
  try {
    const other = await fresh.newPage();
    await other.goto(link);
    await expect(other.getByTestId('lab-table').getByRole('row')).toHaveCount(5, {
      timeout: 30_000,
    });
    expect(await tableRows(other)).toEqual(figures);
    await expect(other.getByLabel('Name, tier 4')).toHaveValue('Reckless');
  } finally {
    await fresh.close();
  }
});

test('a link that cannot be honoured is refused with a reason and runs nothing', async ({
  page,
}) => {
  await openApp(page);
  await page.goto('/#/lab?v=9&strategy=dip-buyer');
  await expect(page.getByTestId('link-refusal')).toContainText(
    'made by a newer PowerTrader than this one',
  );
  await page.goto('/#/');
  await page.goto('/#/lab?v=2&tier=Bad,1,1,0,2,10');
  await expect(page.getByTestId('link-refusal')).toContainText(
    'Tier 1, Max open positions: Use a whole number from 1 to 100.',
  );
  await expect(page.getByTestId('lab-table')).toHaveCount(0);
});

test('Monte Carlo shows progress and histograms; cancel stops every lab worker', async ({
  page,
}) => {
  await openApp(page);
  await page.goto('/#/lab?strategy=buy-and-hold&days=60&seed=1&seeds=30');
  await expect(page.getByTestId('lab-table').getByRole('row')).toHaveCount(4);
  await page.getByRole('button', { name: 'Run Monte Carlo' }).click();
  await expect(page.getByTestId('mc-table').getByRole('row')).toHaveCount(4, { timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Monte Carlo: 30 seeds' })).toBeVisible();
  await expect(page.getByTestId('mc-table').getByRole('row').nth(3)).toContainText('5');

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

/** The three built-in tiers as a version 2 link names them. */
function tiersQuery(): string {
  return ['Conservative,1,1,5,2,10', 'Moderate,2,2,8,4,15', 'Aggressive,3,3,12,6,25']
    .map((t) => `&tier=${encodeURIComponent(t)}`)
    .join('');
}
