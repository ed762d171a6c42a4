import AxeBuilder from '@axe-core/playwright';
import { APP_PAGES, expect, openApp, test } from './fixtures.ts';

// axe-core is injected by the test driver only (it evaluates in the page through the protocol),
// so the app's strict Content-Security-Policy stays as it is.
const PAGES = APP_PAGES;

for (const width of [360, 1280]) {
  test(`every page has no serious or critical accessibility violation at ${width} px`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await openApp(page);
    await page.getByLabel('Seed').fill('42');
    await page.getByRole('button', { name: 'Run the demo' }).click();
    await expect(page.getByTestId('position-DOT')).toBeVisible();
    const found: string[] = [];
    for (const id of PAGES) {
      await page.goto(`/#/${id}`);
      await expect(page.locator('main h2').first()).toBeVisible();
      const { violations } = await new AxeBuilder({ page }).analyze();
      for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'))
        found.push(
          `${id}: ${v.id} (${v.impact}) ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(' | ')}`,
        );
    }
    expect(found).toEqual([]);
  });
}

test('a market and a limit order can be placed with the keyboard alone', async ({ page }) => {
  await openApp(page);
  // The skip link is the first stop and lands on the trade ticket.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the order ticket' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Order type')).toBeFocused();

  await page.keyboard.press('Tab'); // side: Buy
  await page.keyboard.press('Tab'); // quantity
  await expect(page.getByLabel('Quantity (BTC)')).toBeFocused();
  await page.keyboard.type('0.01');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('confirmation')).toContainText('Bought 0.01 BTC');

  await page.getByLabel('Order type').focus();
  await page.keyboard.press('End'); // the last type in the list, then back to limit
  await page.getByLabel('Order type').selectOption('limit');
  await page.getByLabel('Quantity (BTC)').focus();
  await page.keyboard.press('Control+A');
  // Within the first session's Moderate limits: the position stays under $1,000 and the limit
  // within 10 % of the market.
  await page.keyboard.type('0.005');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Limit price (USD)')).toBeFocused();
  await page.keyboard.type('46000');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('confirmation')).toContainText('is working');
});
