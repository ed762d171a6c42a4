import { readFile } from 'node:fs/promises';
import { buy, expect, exportSession, importText, openApp, test } from './fixtures.ts';

test('a session exported on one device imports, replays and verifies on another', async ({
  page,
  browser,
}) => {
  await openApp(page);
  await buy(page, '0.01');
  const text = await exportSession(page);
  const file = JSON.parse(text);
  // A new session runs on market model 2, which files of version 3 may name.
  expect(file).toMatchObject({
    type: 'powertrader.session',
    version: 3,
    meta: { author: 'Ada' },
    config: { marketModel: 2 },
  });
  expect(file.commands).toHaveLength(2);

  const other = await browser.newContext();
  const device = await other.newPage();
  await openApp(device);
  await importText(device, 'shared.json', text);
  await expect(device.getByTestId('import-verdict')).toContainText('Verified');
  await expect(device.getByTestId('import-preview')).toContainText('Ada');
  await device.getByRole('button', { name: 'Keep and open' }).click();
  await expect(
    device.getByRole('status').filter({ hasText: 'Imported and opened.' }),
  ).toBeVisible();
  await device.getByRole('link', { name: 'Trade' }).click();
  await expect(device.getByTestId('position-BTC').getByTestId('position-quantity')).toHaveText(
    '0.01',
  );

  // The imported session opens paused where the file ended: exporting it again gives the same bytes.
  await expect(device.getByRole('button', { name: 'Run', exact: true })).toBeVisible();
  expect(await exportSession(device)).toBe(text);
  await other.close();
});

test('a file made by the app before market model 2 still verifies, and keeps its figures', async ({
  page,
}) => {
  await openApp(page);
  const text = await readFile('test/fixtures/version2/05-emil-verified.json', 'utf8');
  await importText(page, '05-emil-verified.json', text);
  await expect(page.getByTestId('import-verdict')).toContainText('Verified');
  await page.getByRole('button', { name: 'Keep and open' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported and opened.' })).toBeVisible();
  // The equity the app gave this file when it was made (rows-at-5ae555c.json): $6,999.73.
  await page.getByRole('link', { name: 'Trade' }).click();
  await expect(page.getByTestId('equity')).toContainText('$6,999.73');
});

test('an edited file is flagged as modified and kept only as a labelled copy', async ({ page }) => {
  await openApp(page);
  await buy(page, '0.01');
  const text = await exportSession(page);
  const edited = text.replace('"quantity": "0.01"', '"quantity": "0.005"');
  expect(edited).not.toBe(text);
  await importText(page, 'edited.json', edited);
  await expect(page.getByTestId('import-verdict')).toContainText('Modified');
  await page.getByRole('button', { name: 'Keep as a labelled copy' }).click();
  await expect(
    page.getByTestId('session-row').filter({ hasText: '(modified copy, replayed here)' }),
  ).toBeVisible();
});

test('a broken or hostile file is refused with its reason and stores nothing', async ({ page }) => {
  await openApp(page);
  await page.getByRole('link', { name: 'Sessions' }).click();
  await expect(page.getByTestId('session-row')).toHaveCount(1);
  await importText(page, 'broken.json', '{"type":"powertrader.session",');
  await expect(page.getByTestId('import-refused')).toContainText('This is not a JSON file');
  await importText(page, 'future.json', '{"type":"powertrader.session","version":9}');
  await expect(page.getByTestId('import-refused')).toContainText(
    'made by a newer PowerTrader (version 9); update the app',
  );
  await importText(
    page,
    'script.json',
    '{"type":"powertrader.session","version":1,"meta":{"name":"<img src=x onerror=alert(1)>"}}',
  );
  await expect(page.getByTestId('import-refused')).toContainText('The file is damaged');
  await expect(page.getByTestId('session-row')).toHaveCount(1);
});

test('sessions can be created, renamed with a checked name, duplicated and deleted', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('link', { name: 'Sessions' }).click();
  const rows = page.getByTestId('session-row');
  await rows.first().getByRole('button', { name: 'Rename' }).click();
  const field = page.getByLabel('New name');
  await field.fill('   ');
  await expect(rows.first()).toContainText('A session name may not be empty.');
  await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled();
  await field.fill('Lesson 1');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(rows.first()).toContainText('Lesson 1');

  await rows.first().getByRole('button', { name: 'Duplicate' }).click();
  await expect(rows).toHaveCount(2);
  const copy = rows.filter({ hasText: 'Lesson 1 (copy)' });
  await copy.getByRole('button', { name: 'Delete' }).click();
  await copy.getByRole('button', { name: 'Delete for good' }).click();
  await expect(rows).toHaveCount(1);

  // A new session asks for its tier, Moderate preselected.
  await expect(page.getByLabel('Risk tier')).toHaveValue('moderate');
  await page.getByRole('button', { name: 'New session' }).click();
  await expect(rows).toHaveCount(2);
  // The new session is open now; the first one is still listed.
  await expect(page.locator('[data-testid="session-row"][aria-current="true"]')).toContainText(
    /^Moderate session/,
  );
  await expect(rows.filter({ hasText: 'Lesson 1' })).toHaveCount(1);
});

test('trades download as CSV and the portfolio as a JSON summary', async ({ page }) => {
  await openApp(page);
  await buy(page, '0.01');
  await page.getByRole('link', { name: 'Sessions' }).click();
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Trades (CSV)' }).click(),
  ]);
  const lines = (await readFile((await csv.path())!, 'utf8')).trim().split('\n');
  expect(lines[0]).toBe(
    'time,order,side,symbol,quantity,price,notional,fee,liquidity,slippage,realized_pnl',
  );
  expect(lines[1]).toMatch(
    /^\d{4}-\d\d-\d\dT[\d:.]+Z,[^,]+,buy,BTC,0\.01,\d+(\.\d+)?,\d+(\.\d+)?,\d+(\.\d+)?,taker,-?\d+(\.\d+)?,0$/,
  );
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Portfolio summary (JSON)' }).click(),
  ]);
  const summary = JSON.parse(await readFile((await json.path())!, 'utf8'));
  expect(summary).toMatchObject({ type: 'powertrader.portfolio', version: 1, fills: 1 });
  expect(summary.positions[0]).toMatchObject({ symbol: 'BTC', quantity: '0.01' });
});
