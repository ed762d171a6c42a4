import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { buy, expect, openApp, test } from './fixtures.ts';

/** Writes a little to a scratch database: "ok" or the name of the error that refused it. */
function scratchWrite(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('quota-probe');
      request.onupgradeneeded = () => request.result.createObjectStore('probe');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction('probe', 'readwrite');
    tx.objectStore('probe').put('x'.repeat(1000), 'probe');
    const outcome = await new Promise<string>((resolve) => {
      tx.oncomplete = () => resolve('ok');
      tx.onabort = () => resolve(tx.error?.name ?? 'aborted');
    });
    db.close();
    return outcome;
  });
}

test('with storage full the app opens read-only, refuses trades, still exports, and recovers', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await openApp(page);
  await buy(page, '0.005');
  await buy(page, '0.01');
  const origin = new URL(baseURL!).origin;
  const cdp = await page.context().newCDPSession(page);
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  // Below what is already stored: every write that needs room is refused.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: Math.floor(usage / 2) });
  // The browser keeps using the room it last measured for a while (about 30 s): wait until a
  // write to a scratch database is refused, as the app's own writes then will be.
  await expect
    .poll(() => scratchWrite(page), { timeout: 50_000, intervals: [2000] })
    .toBe('QuotaExceededError');
  // A trade in the session already open is refused, and the refusal says how to make room.
  await page.getByLabel('Quantity (BTC)').fill('0.002');
  await page.getByRole('button', { name: 'Buy BTC' }).click();
  await expect(page.getByText('could not be saved')).toContainText(
    'Export and delete old sessions on the Sessions page',
  );

  await page.reload();
  await expect(page.getByTestId('equity')).toBeVisible();
  await expect(page.getByTestId('storage-full-banner')).toContainText(
    'Export and delete old sessions on the Sessions page, or free space on this device; nothing was lost.',
  );
  await expect(page.getByTestId('position-BTC').getByTestId('position-quantity')).toHaveText(
    '0.015',
  );

  await page.getByLabel('Order type').selectOption('market');
  await page.getByLabel('Quantity (BTC)').fill('0.002');
  await page.getByRole('button', { name: 'Buy BTC' }).click();
  await expect(
    page.getByText('Storage on this device is full, so this session is read-only'),
  ).toBeVisible();

  await page.getByRole('link', { name: 'Sessions' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download file' }).click(),
  ]);
  const file = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(file.commands).toHaveLength(3);

  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await openApp(page);
  await expect(page.getByTestId('storage-full-banner')).toHaveCount(0);
  await buy(page, '0.002');
  await expect(page.getByTestId('position-BTC').getByTestId('position-quantity')).toHaveText(
    '0.017',
  );
});
