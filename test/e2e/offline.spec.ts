import { buy, expect, openApp, test } from './fixtures.ts';

test('after the first visit the app reloads and trades with the network off', async ({
  page,
  context,
}) => {
  await openApp(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await buy(page, '0.01');
  // The confirmation comes with the worker's answer; the portfolio with its next view.
  await expect(page.getByTestId('position-BTC').getByTestId('position-quantity')).toHaveText(
    '0.01',
  );
  const cash = await page.getByTestId('cash').textContent();

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('equity')).toBeVisible();
  await expect(page.getByTestId('position-BTC').getByTestId('position-quantity')).toHaveText(
    '0.01',
  );
  await expect(page.getByTestId('cash')).toHaveText(cash!);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await buy(page, '0.005');
  await expect(page.getByTestId('position-BTC').getByTestId('position-quantity')).toHaveText(
    '0.015',
  );
  await context.setOffline(false);
});
