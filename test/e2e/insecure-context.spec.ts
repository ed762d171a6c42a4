import { resolve } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium.ts';
import { serveStatic } from '../support/static-server.ts';
import { buy, expect, test } from './fixtures.ts';

// A teacher's laptop serving the build over plain http on the classroom network: a real insecure
// context. The test name resolves to this machine; no flag treats the origin as secure.
test.use({
  launchOptions: {
    executablePath: findChromium(),
    args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP class.test 127.0.0.1'],
  },
});

const DIST = resolve(import.meta.dirname, '../../dist');

test('over plain http at a network address the app trades, says what is missing, and a second tab reads', async ({
  page,
  context,
}) => {
  const host = await serveStatic(DIST, { mount: '/powertrader/', host: '127.0.0.1' });
  const url = host.url.replace('127.0.0.1', 'class.test');
  try {
    await page.goto(url);
    expect(
      await page.evaluate(() => ({
        secure: isSecureContext,
        subtle: !!globalThis.crypto?.subtle,
        locks: 'locks' in navigator,
        serviceWorker: 'serviceWorker' in navigator,
      })),
    ).toEqual({ secure: false, subtle: false, locks: false, serviceWorker: false });
    await expect(page.getByTestId('insecure-banner')).toContainText('over https');
    await expect(page.getByTestId('offline-status')).toHaveText('Online only');

    // The state hash, ids and the single writer all work without the secure-only APIs.
    await expect(page.getByTestId('equity')).toBeVisible();
    await buy(page, '0.01');
    await page.getByLabel('Seed').fill('42');
    await page.getByRole('button', { name: 'Run the demo' }).click();
    await expect(page.getByTestId('position-DOT')).toBeVisible();

    // A second tab on the same session watches; it takes over only when asked.
    const second = await context.newPage();
    await second.goto(url);
    await expect(second.getByTestId('follower-banner')).toBeVisible();
    await expect(second.getByTestId('position-DOT')).toBeVisible();
    await second.getByRole('button', { name: 'Take over here' }).click();
    await expect(second.getByTestId('follower-banner')).toBeHidden();
    await expect(page.getByTestId('follower-banner')).toBeVisible();
    await second.close();

    // The self-test passes here, skipping only what this page cannot have.
    await page.getByRole('link', { name: 'Self-test' }).click();
    await page.getByLabel('Suites and iterations, as JSON').fill('{ "iterations": 20 }');
    await page.getByRole('button', { name: 'Run self-test' }).click();
    await expect(page.getByTestId('selftest-summary')).toContainText(
      / 0 failed, [1-9]\d* skipped/,
      {
        timeout: 120_000,
      },
    );
  } finally {
    await host.close();
  }
});
