import { readFile } from 'node:fs/promises';
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
