// `npm run screenshot`: rebuilds public/screenshots/wide.png (the README's picture and the
// manifest's install screenshot) from the built app: the demo, then some market at 600×; and
// the same app on a phone (360 px) and a projector (1920 px) for the README.
import { openWhenReady, startPreview } from '../support/preview.ts';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium.ts';

const preview = startPreview(4176);
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await openWhenReady(page, preview.url);
  await page.getByTestId('equity').waitFor();
  await page.getByRole('button', { name: 'Run the demo' }).click();
  await page.getByTestId('position-DOT').waitFor();
  await page.getByLabel('Speed').selectOption('600');
  await page.waitForTimeout(25_000);
  await page.getByRole('button', { name: '5m' }).click();
  await page.waitForTimeout(1500);
  await page.getByLabel('Quantity (BTC)').fill('0.1');
  await page.getByLabel('Quantity (BTC)').blur();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'public/screenshots/wide.png' });
  console.log('wrote public/screenshots/wide.png');
  for (const [name, width, height] of [
    ['phone', 360, 780],
    ['projector', 1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(1500);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `public/screenshots/${name}.png` });
    console.log(`wrote public/screenshots/${name}.png`);
  }
} finally {
  await browser.close();
  preview.stop();
}
