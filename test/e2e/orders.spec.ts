import { buy, expect, openApp, test } from './fixtures.ts';

test('the demo opens five Moderate-sized positions that survive a reload', async ({ page }) => {
  await openApp(page);
  // A first visit opens on a welcome whose first action is the demo.
  await expect(page.getByRole('heading', { name: 'Welcome to PowerTrader' })).toBeVisible();
  await page.getByLabel('Seed').fill('42');
  await page.getByRole('button', { name: 'Run the demo' }).click();
  for (const symbol of ['BTC', 'ETH', 'ADA', 'SOL', 'DOT']) {
    await expect(page.getByTestId(`position-${symbol}`)).toBeVisible();
  }
  // It runs where prices visibly move, and says so.
  await expect(page.getByText('The demo runs at 60×')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Welcome to PowerTrader' })).toBeHidden();
  // Each position is about 2 % of $50,000: under $1,000 at the price it was bought.
  const btc = await page.getByTestId('position-BTC').getByTestId('position-quantity').textContent();
  expect(Number(btc) * 49_973).toBeLessThan(1000);
  // The risk panel shows what a bad day would cost these positions.
  await expect(page.getByTestId('risk-measures')).toContainText('1-day VaR 95 % / 99 %');
  await expect(page.getByRole('cell', { name: '2021-05-19' })).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Correlation matrix of the coins held' }),
  ).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('position-DOT')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Trade BTC' })).toBeVisible();
});

test('a limit order rests in the open orders, can be amended and cancelled', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Order type').selectOption('limit');
  // Within Moderate's limits: $690 of BTC, 8 % under the market (the band is 10 %).
  await page.getByLabel('Quantity (BTC)').fill('0.015');
  await page.getByLabel('Limit price (USD)').fill('46000.001');
  await expect(page.locator('#limit-help')).toHaveText(
    'Limit price has 3 decimals; BTC prices have 2.',
  );
  await expect(page.getByRole('button', { name: 'Buy BTC' })).toBeDisabled();
  await page.getByLabel('Limit price (USD)').fill('46000');
  await page.getByRole('button', { name: 'Buy BTC' }).click();
  await expect(page.getByTestId('confirmation')).toContainText('is working');
  const rows = page.getByTestId('open-orders').getByRole('row');
  await expect(rows).toHaveCount(2);
  await page.getByRole('button', { name: 'Amend' }).click();
  await page.getByTestId('open-orders').getByLabel('Price').fill('45500');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(rows.nth(1)).toContainText('limit $45,500.00');
  await page.getByRole('button', { name: /Cancel order/ }).click();
  await expect(page.getByText('No open orders.')).toBeVisible();
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByRole('cell', { name: 'Cancelled by you.' })).toBeVisible();
});

test('a bracket buy shows its take-profit and stop-loss; a refused sell says why at the field', async ({
  page,
}) => {
  await openApp(page);
  await page.getByLabel('Order type').selectOption('bracket');
  await page.getByLabel('Quantity (BTC)').fill('0.01');
  await page.getByLabel('Take-profit (USD)').fill('60000');
  await page.getByLabel('Stop-loss (USD)').fill('40000');
  await page.getByRole('button', { name: 'Buy with bracket' }).click();
  await expect(page.getByTestId('confirmation')).toContainText('Bought 0.01 BTC');
  await expect(page.getByTestId('open-orders')).toContainText('take-profit limit');
  await expect(page.getByTestId('open-orders')).toContainText('stop-loss stop');
  // The bracket's exits hold the coin: a market sell of it is refused, at the quantity.
  await page.getByLabel('Order type').selectOption('market');
  await page.getByRole('radio', { name: 'Sell' }).check();
  await page.getByRole('button', { name: 'Sell BTC' }).click();
  await expect(page.locator('#quantity-help')).toHaveText(
    'You have 0 BTC free to sell; you cannot sell 0.01.',
  );
  await page.getByTestId('market-ETH').click();
  await buy(page, '0.3', 'ETH');
  await page.getByRole('tab', { name: 'Fills' }).click();
  await expect(page.getByTestId('fills')).toContainText('0.3 ETH');
});

test('a Moderate session refuses an oversized buy at the field; the kill switch halts buys until reset', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('link', { name: 'Sessions' }).click();
  await page.getByLabel('Risk tier').selectOption('moderate');
  await page.getByRole('button', { name: 'New session' }).click();
  await page.getByRole('link', { name: 'Trade' }).click();
  await expect(page.getByText('under the Moderate tier')).toBeVisible();
  await page.getByLabel('Quantity (BTC)').fill('1');
  await page.getByRole('button', { name: 'Buy BTC' }).click();
  await expect(page.locator('#quantity-help')).toContainText(
    "over the Moderate tier's position limit of $1,000.00.",
  );
  await page.getByRole('button', { name: 'Kill switch' }).click();
  await expect(page.getByTestId('breaker')).toContainText('The kill switch is on');
  await page.getByLabel('Quantity (BTC)').fill('0.001');
  await page.getByRole('button', { name: 'Buy BTC' }).click();
  await expect(page.locator('#quantity-help')).toContainText('New buys are halted');
  await page.getByTestId('breaker').getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByTestId('breaker')).toHaveCount(0);
  await buy(page, '0.001');
});
