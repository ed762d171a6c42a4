import { readFile } from 'node:fs/promises';
import { costReportSchema } from '../../src/schema/cost.ts';
import { expect, openApp, test } from './fixtures.ts';

test('the cost tiers show the report’s Professional total, refuse bad input at the field, and export', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('link', { name: 'Costs' }).click();
  await page.getByRole('checkbox', { name: "Exchange fees from this session's fills" }).check();
  const professional = page.getByTestId('tier-Professional');
  await expect(professional.getByTestId('tier-total')).toHaveText('$9,141.67 / month');
  await expect(professional).toContainText(/Infrastructure\s*\$625\.00/);
  await expect(professional).toContainText(/Data feeds\s*\$1,000\.00/);
  await expect(page.getByTestId('cost-verdict')).toBeVisible();
  // A new session has minutes of history: its ROI, a year's figure, says what it waits for.
  await expect(professional.getByTestId('tier-roi')).toHaveText('needs 7 days');

  await page.getByLabel('Cost growth (% a year)').fill('900');
  await expect(page.getByTestId('cost-growth-error')).toHaveText(
    'Growth above 100 % a year is not a plan.',
  );
  await page.getByLabel('Cost growth (% a year)').fill('5');
  await page.getByLabel('Amount of line item 1 (USD)').fill('-20');
  await expect(page.getByTestId('item-error-0')).toHaveText(
    'Use a plain number such as 0.25 (digits and one dot).',
  );
  await page.getByLabel('Amount of line item 1 (USD)').fill('200');
  await expect(page.getByTestId('tier-My setup').getByTestId('tier-total')).toHaveText(
    '$274.00 / month',
  );

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Projection (CSV)' }).click(),
  ]);
  const lines = (await readFile((await csv.path())!, 'utf8')).trim().split('\n');
  expect(lines[0]).toBe('month,cost,pnl,cumulative_net');
  expect(lines).toHaveLength(13);
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Cost report (JSON)' }).click(),
  ]);
  const report = costReportSchema.parse(JSON.parse(await readFile((await json.path())!, 'utf8')));
  expect(report.tiers.map((t) => t.name)).toEqual([
    'Budget',
    'Professional',
    'Enterprise',
    'My setup',
  ]);
});
