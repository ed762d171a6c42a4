// The class page's budget: 30 one-week session files verified in the app's worker pool.
// `npm run bench` reports it; `npx tsx test/tools/class-bench.ts` runs it alone against a build
// in dist/ (`npx vite build` first) and prints the one line.
import type { Browser } from 'playwright';
import { classFiles, type ClassFileKind } from '../fixtures/class/generate.ts';

const WEEK_HOURS = 168;

/**
 * Seconds from picking 30 one-week files to the last row, as the page itself measures it: honest
 * files, each replayed in full to its end (a broken one would stop early), all following one
 * assignment (one seed) or each on its own seed.
 */
export async function classPageSeconds(
  browser: Browser,
  url: string,
  kind: ClassFileKind & ('follows-assignment' | 'verified'),
): Promise<number> {
  const files = (await classFiles(30, WEEK_HOURS, [kind])).map((f) => ({
    name: f.name,
    mimeType: 'application/json',
    buffer: Buffer.from(f.text),
  }));
  const page = await browser.newPage();
  try {
    await page.goto(`${url}#/class`);
    await page.getByTestId('class-files').setInputFiles(files);
    const elapsed = page.getByTestId('class-elapsed');
    await elapsed.waitFor({ timeout: 600_000 });
    return Number(await elapsed.getAttribute('data-ms')) / 1000;
  } finally {
    await page.close();
  }
}

if (process.argv[1]?.endsWith('class-bench.ts')) {
  const { chromium } = await import('playwright');
  const { CHROMIUM_ARGS, findChromium } = await import('../support/chromium.ts');
  const { startPreview, openWhenReady } = await import('../support/preview.ts');
  const preview = startPreview(4176);
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const warm = await browser.newPage();
    await openWhenReady(warm, preview.url);
    await warm.close();
    const cores = await (await browser.newPage()).evaluate(() => navigator.hardwareConcurrency);
    for (const [label, kind] of [
      ['one-assignment', 'follows-assignment'],
      ['30-seeds', 'verified'],
    ] as const) {
      const seconds = await classPageSeconds(browser, preview.url, kind);
      console.log(
        `ui.class-page-30x1week-${label}.${cores}-cores  ${seconds.toFixed(1)} s  budget <= 10 s`,
      );
    }
  } finally {
    await browser.close();
    preview.stop();
  }
}
