import { buy, expect, openApp, test } from './fixtures.ts';

test('a position survives a reload, with the same state hash', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('no-positions')).toBeVisible();
  await buy(page, '0.015');
  await expect(page.getByTestId('position-BTC').getByTestId('position-quantity')).toHaveText(
    '0.015',
  );
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeVisible();
  // The hash is computed on request, not with every frame.
  await expect(page.getByTestId('state-hash')).toHaveCount(0);
  await page.getByRole('button', { name: 'Show state hash' }).click();
  const hash = await page.getByTestId('state-hash').textContent();
  expect(hash).toMatch(/^[0-9a-f]{16}$/);

  await page.reload();
  await expect(page.getByTestId('position-BTC').getByTestId('position-quantity')).toHaveText(
    '0.015',
  );
  await page.getByRole('button', { name: 'Show state hash' }).click();
  await expect(page.getByTestId('state-hash')).toHaveText(hash!);
});

test('an invalid quantity is explained at the field and cannot be sent', async ({ page }) => {
  await openApp(page);
  const field = page.getByLabel('Quantity (BTC)');
  await field.fill('0.123456789');
  await expect(page.locator('#quantity-help')).toHaveText('Quantity has 9 decimals; BTC allows 8.');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: 'Buy' })).toBeDisabled();

  // Under Moderate the position limit would answer first: cash is checked in a session without one.
  await page.getByRole('link', { name: 'Sessions' }).click();
  await page.getByLabel('Risk tier').selectOption('none');
  await page.getByRole('button', { name: 'New session' }).click();
  await page.getByRole('link', { name: 'Trade' }).click();
  await field.fill('1000');
  await page.getByRole('button', { name: 'Buy' }).click();
  await expect(page.locator('#quantity-help')).toContainText('you have $50,000.00 free in cash');
  await expect(page.getByTestId('no-positions')).toBeVisible();
});
