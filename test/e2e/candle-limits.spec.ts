// Issue 18, finding 3: a headerless Binance export of 100,000 rows crashed the parser silently
// (a spread of a whole column overflowed the stack), and the row limit let 100,001 through.
import { binanceRows } from '../support/binance-csv.ts';
import { expect, openApp, replayCandles, test } from './fixtures.ts';

test('a headerless Binance export one row over the limit is refused with the limit', async ({
  page,
}) => {
  await openApp(page);
  await replayCandles(page, binanceRows(100_001), 'BTCUSDT-1m-2024.csv');
  await expect(page.getByTestId('replay-error')).toHaveText(
    'The file has more than 100,000 rows of candles; at most 100,000 can be imported. Export a shorter period.',
  );
  await expect(page.getByTestId('session-row')).toHaveCount(1);
});

test('a headerless Binance export just under the limit becomes a session to trade on', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page);
  await replayCandles(page, binanceRows(99_999), 'BTCUSDT-1m-2024.csv');
  await expect(page.getByRole('heading', { name: 'Trade BTC' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('sim-time')).toContainText('2024-01-01');
  await page.getByRole('link', { name: 'Sessions' }).click();
  await expect(
    page.getByTestId('session-row').filter({ hasText: 'BTC replay from 2024-01-01' }),
  ).toBeVisible();
  await expect(page.getByTestId('replay-error')).toHaveText('');
});
