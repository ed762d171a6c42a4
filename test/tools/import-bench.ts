// Issue 18's import budgets: a 100,000-row candle CSV parsed (in node and in Chromium), and, in
// Chromium against the built app, the preview of a 10,000-command file and the Keep of a 200,000-command one.
// `npm run bench` reports them; `npx tsx test/tools/import-bench.ts` runs them alone against a
// build in dist/ (`npx vite build` first) and prints the figures.
import type { Browser, Page } from 'playwright';
import { MAX_CANDLE_ROWS, parseCandleCsv } from '../../src/engine/market/candle-csv.ts';
import { longSessionText } from '../fixtures/long-session/generate.ts';
import { binanceRows } from '../support/binance-csv.ts';

/**
 * Milliseconds `parse` takes over `text`, best of three. Self-contained: Chromium runs its source.
 */
function bestParseMs(parse: typeof parseCandleCsv, text: string): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const parsed = parse(text);
    best = Math.min(best, performance.now() - t0);
    if (!parsed.ok) throw new Error(parsed.message);
  }
  return best;
}

/** Milliseconds to parse 100,000 headerless Binance rows in node, best of three. */
export function candleCsvParseMs(): number {
  return bestParseMs(parseCandleCsv, binanceRows(MAX_CANDLE_ROWS));
}

/**
 * Milliseconds to parse 100,000 headerless Binance rows in Chromium, best of three: the app's
 * parser, bundled alone by Vite, run in a blank page (the app runs it in its worker, same V8).
 */
export async function candleCsvParseMsInChromium(browser: Browser): Promise<number> {
  const { build } = await import('vite');
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      lib: { entry: 'src/engine/market/candle-csv.ts', formats: ['iife'], name: 'CandleCsv' },
    },
  });
  const [bundle] = Array.isArray(output) ? output : [output];
  if (!bundle || !('output' in bundle)) throw new Error('The parser did not bundle.');
  const page = await browser.newPage();
  try {
    await page.addScriptTag({ content: bundle.output[0].code });
    await page.evaluate(
      (text) => ((globalThis as { csv?: string }).csv = text),
      binanceRows(MAX_CANDLE_ROWS),
    );
    return await page.evaluate<number>(
      `(${bestParseMs.toString()})(CandleCsv.parseCandleCsv, csv)`,
    );
  } finally {
    await page.close();
  }
}

/** Seconds from choosing a file on the Sessions page to its verdict on screen. */
async function previewSeconds(page: Page, name: string, text: string): Promise<number> {
  await page.getByRole('link', { name: 'Sessions' }).click();
  const t0 = performance.now();
  await page
    .getByTestId('import-file')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByTestId('import-verdict').waitFor({ timeout: 600_000 });
  return (performance.now() - t0) / 1000;
}

/** The import figures in Chromium: preview of 10,000 commands, preview and Keep of 200,000. */
export async function importSeconds(
  browser: Browser,
  url: string,
): Promise<{ preview10k: number; preview200k: number; keep200k: number }> {
  const [small, large] = [await longSessionText(10_000), await longSessionText(200_000)];
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.getByTestId('equity').waitFor();
    const preview10k = await previewSeconds(page, 'long-10000.json', small);
    const preview200k = await previewSeconds(page, 'long-200000.json', large);
    // Keep: from the click to the stored session opened, its progress counting the commands.
    const t0 = performance.now();
    await page.getByRole('button', { name: 'Keep and open' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Imported and opened.' })
      .waitFor({ timeout: 600_000 });
    return { preview10k, preview200k, keep200k: (performance.now() - t0) / 1000 };
  } finally {
    await context.close();
  }
}

if (process.argv[1]?.endsWith('import-bench.ts')) {
  const { chromium } = await import('playwright');
  const { CHROMIUM_ARGS, findChromium } = await import('../support/chromium.ts');
  const { startPreview, openWhenReady } = await import('../support/preview.ts');
  console.log(`csv.parse-100k-rows.node ${candleCsvParseMs().toFixed(0)} ms`);
  const preview = startPreview(Number(process.env.E2E_PORT ?? 4177));
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const warm = await browser.newPage();
    await openWhenReady(warm, preview.url);
    await warm.close();
    console.log(
      `csv.parse-100k-rows.chromium ${(await candleCsvParseMsInChromium(browser)).toFixed(0)} ms`,
    );
    console.log(await importSeconds(browser, preview.url));
  } finally {
    await browser.close();
    preview.stop();
  }
}
