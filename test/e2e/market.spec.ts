import { buy, expect, openApp, test } from './fixtures.ts';

test('ten coins trade; the chart and the ticket follow the chosen one', async ({ page }) => {
  await openApp(page);
  for (const symbol of ['BTC', 'ETH', 'SOL', 'ADA', 'DOT', 'BNB', 'XRP', 'AVAX', 'LINK', 'LTC']) {
    await expect(page.getByTestId(`market-${symbol}`)).toBeVisible();
  }
  await page.getByTestId('market-ETH').click();
  await expect(page.getByRole('heading', { name: 'Trade ETH' })).toBeVisible();
  await expect(
    page.getByRole('img', { name: /ETH candlestick chart, last close \$\d/ }),
  ).toBeVisible({ timeout: 10_000 });
  await page.getByLabel('Quantity (ETH)').fill('0.3');
  await page.getByRole('button', { name: 'Buy' }).click();
  await expect(page.getByTestId('confirmation')).toContainText('Bought 0.3 ETH');
  await expect(page.getByTestId('position-ETH')).toBeVisible();
});

test('a halt scenario stops trading in a coin, and the ticket says why', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Halt BTC' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'written in the session log' }),
  ).toBeVisible();
  await expect(page.getByTestId('market-BTC')).toContainText('halted');
  await page.getByLabel('Quantity (BTC)').fill('0.01');
  await page.getByRole('button', { name: 'Buy' }).click();
  await expect(page.locator('#quantity-help')).toHaveText(
    'Trading in BTC is halted. Wait until it resumes.',
  );
  await page.getByTestId('market-SOL').click();
  await expect(page.getByRole('heading', { name: 'Trade SOL' })).toBeVisible();
  await buy(page, '1', 'SOL');
});

test('max speed runs the simulated clock far ahead of the wall clock', async ({ page }) => {
  await openApp(page);
  const before = Date.parse(
    `${(await page.getByTestId('sim-time').textContent())!.replace(' UTC', 'Z').replace(' ', 'T')}`,
  );
  await page.getByLabel('Speed').selectOption('max');
  await expect(page.getByText('as fast as this device can')).toBeVisible();
  await expect
    .poll(
      async () =>
        Date.parse(
          `${(await page.getByTestId('sim-time').textContent())!.replace(' UTC', 'Z').replace(' ', 'T')}`,
        ) - before,
      {
        timeout: 15_000,
      },
    )
    .toBeGreaterThan(6 * 3_600_000);
  await page.getByLabel('Speed').selectOption('1');
  await expect(page.getByText('real time')).toBeVisible();
});

test('a paused market moves on one tick at a time with Step', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Pause' }).click();
  const time = async () =>
    Date.parse(
      `${(await page.getByTestId('sim-time').textContent())!.replace(' UTC', 'Z').replace(' ', 'T')}`,
    );
  const before = await time();
  await page.getByRole('button', { name: 'Step' }).click();
  await expect.poll(time).toBe(before + 1000);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect.poll(time).toBe(before + 2000);
});
