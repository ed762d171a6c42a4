import type { Page } from '@playwright/test';
import { buy, expect, exportSession, openApp, test } from './fixtures.ts';

/** The teacher fills in the class page's assignment form and makes its link. */
async function createAssignment(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'Class' }).click();
  const creator = page.getByTestId('assignment-creator');
  await creator.getByText('New assignment').click();
  await creator.getByLabel('Title').fill('Week 1: two coins');
  await creator.getByLabel('Seed').fill('week1');
  await creator.getByLabel('Start (simulated date)').fill('2026-03-02');
  await creator.getByLabel('Days').fill('7');
  await creator.getByLabel('Starting cash ($)').fill('20,000');
  await creator.getByLabel('Tier').selectOption('moderate');
  for (const coin of ['SOL', 'ADA', 'DOT']) await creator.getByLabel(coin).uncheck();
  await creator.getByLabel('Days').fill('0');
  await creator.getByRole('button', { name: 'Create link' }).click();
  // A bad field is explained at the field, and no link is made.
  await expect(creator.locator('#assignment-days-help')).toHaveText(
    'An assignment lasts at least 1 day.',
  );
  await expect(creator.getByTestId('assignment-link')).toHaveCount(0);
  await creator.getByLabel('Days').fill('7');
  await creator.getByRole('button', { name: 'Create link' }).click();
  return creator.getByTestId('assignment-link').inputValue();
}

test('an assignment link gives a student session whose export the class page recognizes', async ({
  page,
  browser,
}) => {
  await openApp(page);
  const link = await createAssignment(page);
  expect(link).toContain('#/sessions?v=1&assignment=');

  // The student opens the link on another device.
  const other = await browser.newContext();
  const student = await other.newPage();
  await student.goto(link);
  const offer = student.getByTestId('assignment-offer');
  await expect(offer).toContainText('Assignment: Week 1: two coins');
  await expect(offer).toContainText('$20,000.00');
  await expect(offer).toContainText('BTC, ETH');
  await offer.getByRole('button', { name: 'Start this assignment' }).click();
  await expect(student.getByTestId('equity')).toBeVisible();
  await expect(student.getByText('under the Moderate tier')).toBeVisible();
  await expect(student.getByTestId('sim-time')).toContainText('2026-03-02');

  // A coin the assignment does not allow is refused at the field, in plain words.
  await student.getByTestId('market-SOL').click();
  await student.getByLabel('Quantity (SOL)').fill('1');
  await student.getByRole('button', { name: 'Buy SOL' }).click();
  await expect(student.locator('#quantity-help')).toHaveText(
    'This session trades only BTC, ETH; SOL is not one of them.',
  );
  await student.getByTestId('market-BTC').click();
  await buy(student, '0.005');

  const text = await exportSession(student);
  const file = JSON.parse(text);
  expect(file.meta.assignment).toMatchObject({
    title: 'Week 1: two coins',
    seed: 'week1',
    cash: '20000',
    tier: 'moderate',
    coins: ['BTC', 'ETH'],
  });
  expect(file.seed).toBe('week1');
  await other.close();

  // The teacher drops it, and a copy whose seed was changed, on the class page.
  const changed = text.replace('"seed": "week1",\n  "config"', '"seed": "lucky",\n  "config"');
  expect(changed).not.toBe(text);
  await page.getByTestId('class-files').setInputFiles([
    { name: 'ada.json', mimeType: 'application/json', buffer: Buffer.from(text) },
    { name: 'ada-edited.json', mimeType: 'application/json', buffer: Buffer.from(changed) },
  ]);
  await expect(page.getByTestId('class-row')).toHaveCount(2, { timeout: 30_000 });
  const group = page.getByTestId('assignment-group');
  await expect(group).toHaveCount(1);
  await expect(group).toContainText(
    `Assignment “Week 1: two coins” (${file.meta.assignment.id}): 2 files, 1 follow it`,
  );
  const honest = page.getByTestId('class-row').filter({ hasText: 'ada.json' }).first();
  await expect(honest).toHaveAttribute('data-verdict', 'verified');
  await expect(honest.getByTestId('assignment-cell')).toHaveText('Follows the assignment');
  const edited = page.getByTestId('class-row').filter({ hasText: 'ada-edited.json' });
  await expect(edited.getByTestId('assignment-cell')).toContainText(
    'Does not follow the assignment',
  );
  await expect(edited.getByTestId('assignment-cell')).toContainText(
    'seed "lucky" (the assignment\'s: "week1")',
  );
});

test('a newer assignment link is refused with the reason', async ({ page }) => {
  await page.goto('/#/sessions?v=9&assignment=abcd1234');
  await expect(page.getByTestId('assignment-refused')).toHaveText(
    'This assignment link cannot be opened: it is a version 9 link, made by a newer PowerTrader than this one (which opens version 1). Reload the app to update it, then open the link again.',
  );
});
