import { buy, expect, openApp, replayCandles, test } from './fixtures.ts';

const YAHOO = `Date,Open,High,Low,Close,Adj Close,Volume
2024-01-01,42280.23,44175.44,42214.98,44167.33,44167.33,18426978443
2024-01-02,44187.14,45899.71,44176.95,44957.97,44957.97,39335274536
2024-01-03,44961.60,45503.24,40813.53,42848.18,42848.18,46342323118
`;

test('real candles from a Yahoo export become a session to trade on', async ({ page }) => {
  await openApp(page);
  await replayCandles(page, YAHOO);
  await expect(page.getByRole('heading', { name: 'Trade BTC' })).toBeVisible();
  await expect(page.getByTestId('sim-time')).toContainText('2024-01-01');
  await buy(page, '0.1');
  await page.getByRole('link', { name: 'Sessions' }).click();
  await expect(
    page.getByTestId('session-row').filter({ hasText: 'BTC replay from 2024-01-01' }),
  ).toBeVisible();
});

test('a broken candle file is refused with its row and column, and nothing is stored', async ({
  page,
}) => {
  await openApp(page);
  await replayCandles(page, YAHOO.replace('45899.71', '44000'));
  await expect(page.getByTestId('replay-error')).toHaveText(
    'Row 3, column high: 44000 is below the open or the close.',
  );
  await expect(page.getByTestId('session-row')).toHaveCount(1);
});
