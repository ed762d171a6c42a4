import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { serveStatic } from '../support/static-server.ts';
import { expect, test } from './fixtures.ts';

// The same dist/ that `npm start` serves, copied unchanged to a plain static host: no COOP, COEP
// or CSP header from the server, at the root and under a sub-path.
const DIST = resolve(import.meta.dirname, '../../dist');

for (const mount of ['/classes/powertrader/', '/']) {
  test(`the build works at ${mount} of a plain static host, offline and isolated`, async ({
    page,
    context,
  }) => {
    const host = await serveStatic(DIST, { mount });
    try {
      await page.goto(host.url);
      await runTheDemo(page);
      // The service worker registers inside the mount and takes the page over once it is cached.
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
      expect(scope).toBe(host.url);
      await expect(page.getByTestId('offline-status')).toHaveText('Works offline');
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);

      // From the second load the worker adds the isolation headers the server does not send.
      await page.reload();
      await expect(page.getByTestId('position-DOT')).toBeVisible();
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

      await context.setOffline(true);
      await page.reload();
      await expect(page.getByTestId('position-DOT')).toBeVisible();
      // Trading goes on offline: a sell of part of the demo's BTC is stored.
      await page.getByLabel('Order type').selectOption('market');
      await page.getByRole('radio', { name: 'Sell' }).check();
      await page.getByLabel('Quantity (BTC)').fill('0.001');
      await page.getByRole('button', { name: 'Sell BTC' }).click();
      await expect(page.getByTestId('confirmation')).toContainText('Sold 0.001 BTC');
      await page.getByRole('link', { name: 'Sessions' }).click();
      await expect(page.getByRole('heading', { name: 'Sessions' })).toBeVisible();
    } finally {
      await context.setOffline(false);
      await host.close();
    }
  });
}

async function runTheDemo(page: Page): Promise<void> {
  await expect(page.getByTestId('equity')).toBeVisible();
  await page.getByLabel('Seed').fill('42');
  await page.getByRole('button', { name: 'Run the demo' }).click();
  for (const symbol of ['BTC', 'ETH', 'ADA', 'SOL', 'DOT']) {
    await expect(page.getByTestId(`position-${symbol}`)).toBeVisible();
  }
}
