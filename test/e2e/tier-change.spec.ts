import { expect, openApp, test } from './fixtures.ts';

test('the tier changes from the risk panel after a plain confirmation, and stays after a reload', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('link', { name: 'Sessions' }).click();
  await page.getByRole('button', { name: 'New session' }).click();
  await page.getByRole('link', { name: 'Trade' }).click();
  await expect(page.getByText('under the Moderate tier')).toBeVisible();

  await page.getByTestId('tier-select').selectOption('conservative');
  const confirm = page.getByTestId('tier-confirm');
  await expect(confirm).toContainText('Change this session from Moderate to Conservative (1 %)?');
  await expect(confirm).toContainText('Risk per trade: 2% → 1%');
  await expect(confirm).toContainText('Largest position: 2% → 1%');
  await expect(confirm).toContainText('Open positions: 8 → 5');
  await confirm.getByRole('button', { name: 'Change tier' }).click();
  await expect(page.getByTestId('tier-done')).toContainText('the Conservative tier');
  await expect(page.getByText('under the Conservative tier')).toBeVisible();

  // Buys are checked against the new limit: 1 % of $50,000 is $500.
  await page.getByLabel('Quantity (BTC)').fill('0.015');
  await page.getByRole('button', { name: 'Buy BTC' }).click();
  await expect(page.locator('#quantity-help')).toContainText(
    "over the Conservative tier's position limit of $500.00.",
  );

  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByTestId('tier-history')).toContainText('tier set to Conservative');
  await page.reload();
  await expect(page.getByText('under the Conservative tier')).toBeVisible();
  await expect(page.getByTestId('tier-select')).toHaveValue('conservative');
});
