import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveStatic } from '../support/static-server.ts';
import { expect, test } from './fixtures.ts';

const DIST = resolve(import.meta.dirname, '../../dist');

test('accepting a new version reloads only that tab, keeps the writer where it was, and typed input survives in both', async ({
  context,
}) => {
  // A copy of the build on a plain static host, so a new version can be put in its place.
  const folder = mkdtempSync(join(tmpdir(), 'powertrader-update-'));
  cpSync(DIST, folder, { recursive: true });
  const host = await serveStatic(folder);
  try {
    const first = await context.newPage();
    await first.goto(host.url);
    await expect(first.getByTestId('offline-status')).toHaveText('Works offline');
    const second = await context.newPage();
    await second.goto(host.url);
    await expect(second.getByTestId('equity')).toBeVisible();
    // The first tab writes, the second follows.
    await expect(second.getByTestId('follower-banner')).toBeVisible();
    await expect(first.getByTestId('follower-banner')).toBeHidden();
    // A mark in each tab that a reload would wipe.
    for (const page of [first, second])
      await page.evaluate(() => ((window as unknown as { mark: number }).mark = 1));

    await first.getByLabel('Add cash (USD)').fill('4242');
    await second.getByLabel('Quantity (BTC)').fill('0.0123');

    // The next version of the app: a changed service worker, found on the next check.
    appendFileSync(join(folder, 'sw.js'), '\n// the next version\n');
    await first.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    for (const page of [first, second])
      await expect(page.getByText('A new version of PowerTrader is ready.')).toBeVisible();

    await first.getByRole('button', { name: 'Reload' }).click();
    await expect
      .poll(() =>
        first
          .evaluate(() => (window as unknown as { mark?: number }).mark ?? 0)
          // Mid-reload the page has no context to ask: not reloaded yet.
          .catch(() => 1),
      )
      .toBe(0);
    await expect(first.getByTestId('equity')).toBeVisible();
    await expect(first.getByLabel('Add cash (USD)')).toHaveValue('4242');
    // The writer role did not move: the reloaded tab writes again, the other still follows.
    await expect(first.getByRole('button', { name: 'Deposit' })).toBeEnabled();
    await expect(first.getByTestId('follower-banner')).toBeHidden();
    await expect(second.getByTestId('follower-banner')).toBeVisible();

    // The other tab was not reloaded: its mark, its typed quantity and its prompt are still there.
    expect(await second.evaluate(() => (window as unknown as { mark?: number }).mark)).toBe(1);
    await expect(second.getByLabel('Quantity (BTC)')).toHaveValue('0.0123');
    await expect(second.getByText('A new version of PowerTrader is ready.')).toBeVisible();
  } finally {
    await host.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
