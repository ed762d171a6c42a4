import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

/**
 * Every test collects console errors, uncaught exceptions and CSP violations from every page it
 * opens, and fails if there is any: zero across all the flows.
 */
export const test = base.extend<{ problems: string[] }>({
  problems: [
    async ({ context }, use) => {
      const problems: string[] = [];
      const watch = (page: Page) => {
        page.on('console', (m) => {
          if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
        });
        page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
      };
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) =>
          console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`),
        );
      });
      context.pages().forEach(watch);
      context.on('page', watch);
      await use(problems);
      expect(problems, 'console errors, exceptions or CSP violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Every section of the app, as the navigation names them: the layout and accessibility sweeps. */
export const APP_PAGES = [
  'trade',
  'lab',
  'lesson',
  'class',
  'costs',
  'sessions',
  'monitor',
  'selftest',
  'how',
];

/** Opens the app, waits for its offline copy, then reloads it with the network off. */
export async function openAppOffline(page: Page, context: BrowserContext): Promise<void> {
  await openApp(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('equity')).toBeVisible();
}

/** Opens the app and waits until the market is running. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('equity')).toBeVisible();
}

/** Buys a quantity of a coin and waits for the confirmation, which comes only once it is stored. */
export async function buy(page: Page, quantity: string, symbol = 'BTC'): Promise<void> {
  await page.getByLabel('Order type').selectOption('market');
  await page.getByRole('radio', { name: 'Buy' }).check();
  await page.getByLabel(`Quantity (${symbol})`).fill(quantity);
  await page.getByRole('button', { name: `Buy ${symbol}` }).click();
  await expect(page.getByTestId('confirmation')).toContainText(`Bought ${quantity} ${symbol}`);
}

/** Exports the open session from the Sessions page, written by "Ada", and returns the file's text. */
export async function exportSession(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'Sessions' }).click();
  await page.getByLabel('Your name (optional, written into the file)').fill('Ada');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download file' }).click(),
  ]);
  return readFile((await download.path())!, 'utf8');
}

/** Opens a session file on the Sessions page, as choosing it in the file picker does. */
export async function importText(page: Page, name: string, text: string): Promise<void> {
  await page.getByRole('link', { name: 'Sessions' }).click();
  await page
    .getByTestId('import-file')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** Replays a candle CSV from the Sessions page, as choosing it in the file picker does. */
export async function replayCandles(page: Page, text: string, name = 'btc.csv'): Promise<void> {
  await page.getByRole('link', { name: 'Sessions' }).click();
  await page
    .getByTestId('replay-file')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

/**
 * Runs one of the project's file generators in node (tsx), which writes its files into a fresh
 * folder, and gives a reader of them by name. The engine runs there as it does on the command
 * line; Playwright's own loader cannot load it (it imports JSON without an attribute).
 */
export function generateFiles(script: string, ...args: string[]): (name: string) => string {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-files-'));
  execFileSync('npx', ['tsx', script, dir, ...args], { cwd: join(import.meta.dirname, '../..') });
  return (name) => readFileSync(join(dir, name), 'utf8');
}
