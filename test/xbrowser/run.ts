// Smoke tests of the production build in Firefox ESR or WebKitGTK:
//   npx tsx test/xbrowser/run.ts firefox|webkit
// Serves dist/ (build it first: `npx vite build`) from a plain static server, opens the app in
// the engine and runs a few named checks, each on its own and each in a fresh profile. Prints
// "ok"/"FAIL" per check, then "N passed, N failed"; writes .gate/xbrowser-<engine>.json; exits 1
// when any check failed. The whole run stops by itself within its deadline.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';
import { launchFirefox, launchWebKit, type Engine, type Tab } from './engines.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = resolve(ROOT, 'dist');
const HELPER_PATH = '/__xbrowser/in-page.js';
/** The whole run, browser start and cleanup included, ends within this. */
const DEADLINE_MS = Number(process.env.XBROWSER_DEADLINE_MS ?? 240_000);
/** How long one condition may take to hold. */
const WAIT_MS = 60_000;
const POLL_MS = 200;
/** One check, however many conditions it waits for. */
const PER_TEST_MS = 150_000;

/** A promise's value, or undefined if it fails or takes longer than `ms`. */
async function within<T>(ms: number, promise: Promise<T>): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise.catch(() => undefined),
    new Promise<undefined>((done) => (timer = setTimeout(() => done(undefined), ms))),
  ]).finally(() => clearTimeout(timer));
}

type In = typeof import('./in-page.ts');

/** Thrown from a condition to stop waiting at once: what it saw can no longer change. */
class Fatal extends Error {}

/** The page's side of the test: the bundled in-page helper, loaded on first use after a load. */
class App {
  constructor(
    readonly tab: Tab,
    readonly url: string,
  ) {}

  /** Calls one of the in-page helper's exports with JSON arguments. */
  call<K extends keyof In>(
    name: K,
    ...args: In[K] extends (...a: infer A) => unknown ? A : never
  ): Promise<In[K] extends (...a: never[]) => infer R ? Awaited<R> : In[K]> {
    const list = args.map((a) => JSON.stringify(a)).join(', ');
    const helper = JSON.stringify(new URL(HELPER_PATH, this.url).href);
    const expression =
      `(async () => { const m = window.__xbrowser ??= await import(${helper}); ` +
      `const v = m[${JSON.stringify(name)}]; return typeof v === 'function' ? await v(${list}) : v; })()`;
    return this.tab.evaluate(expression);
  }

  async open(path = ''): Promise<void> {
    await this.tab.goto(new URL(path, this.url).href);
    await this.call('takeProblems'); // installs the page's error hooks at once
  }

  /** Polls the page until `check` gives a truthy value, then returns it. */
  async until<T>(what: string, check: () => Promise<T>, ms = WAIT_MS): Promise<NonNullable<T>> {
    const deadline = Date.now() + ms;
    let last: unknown;
    for (;;) {
      try {
        const value = await check();
        if (value) return value;
        last = value;
      } catch (error) {
        if (error instanceof Fatal) throw error;
        last = error instanceof Error ? error.message.split('\n')[0] : error;
      }
      if (Date.now() > deadline) {
        const page = await this.call('pageText').catch(() => '(page unreadable)');
        throw new Error(
          `Timed out after ${ms / 1000} s waiting for ${what} (last: ${JSON.stringify(last)}).\n` +
            `      Page text: ${page.slice(0, 600)}`,
        );
      }
      await new Promise((done) => setTimeout(done, POLL_MS));
    }
  }

  /** Waits until an in-page action reports that it could act (its element exists, enabled). */
  act<K extends keyof In>(
    what: string,
    name: K,
    ...args: In[K] extends (...a: infer A) => unknown ? A : never
  ): Promise<unknown> {
    return this.until(what, () => this.call(name, ...args));
  }

  /** Opens the app and waits for the market to run; fails on the start-up error screen. */
  async start(): Promise<void> {
    await this.open();
    await this.until('the app to start (heading "Trade BTC")', async () => {
      const text = await this.call('pageText');
      if (text.includes('could not start')) throw new Fatal(`The app says: ${text.slice(0, 300)}`);
      return (
        (await this.call('hasHeading', 'Trade BTC')) &&
        (await this.call('testIdText', 'equity')) !== null
      );
    });
  }

  async exportSession(): Promise<string> {
    await this.act('the Sessions link', 'clickLink', 'Sessions');
    await this.act(
      'the author field',
      'fill',
      'Your name (optional, written into the file)',
      'Ada',
    );
    await this.call('takeDownloads');
    await this.act('the "Download file" button', 'clickButton', 'Download file');
    const [file] = await this.until('the session file download', async () => {
      const files = await this.call('takeDownloads');
      return files.length ? files : null;
    });
    return file!.text;
  }

  async buy(quantity: string, symbol = 'BTC'): Promise<void> {
    await this.act('the order type', 'select', 'Order type', 'market');
    await this.act(`the quantity field`, 'fill', `Quantity (${symbol})`, quantity);
    await this.act(`the "Buy ${symbol}" button`, 'clickButton', `Buy ${symbol}`);
    await this.until(`"Bought ${quantity} ${symbol}"`, async () =>
      (await this.call('testIdText', 'confirmation'))?.includes(`Bought ${quantity} ${symbol}`),
    );
  }

  /** Waits for the service worker, then reloads so that it controls the page (as a return visit). */
  async underServiceWorker(): Promise<void> {
    const { supported } = await this.call('serviceWorkerState');
    if (!supported) return;
    await this.until('the service worker to be ready', () => this.call('serviceWorkerReady'));
    await this.start();
    await this.until(
      'the service worker to control the page',
      async () => (await this.call('serviceWorkerState')).controlled,
    );
  }
}

interface Smoke {
  name: string;
  /** Resolves with a note for the report, or throws why it failed. */
  run: (app: () => Promise<App>) => Promise<string | void>;
}

const SMOKES: Smoke[] = [
  {
    name: 'the app opens',
    run: async (open) => {
      const app = await open();
      await app.start();
      return app.call('userAgent');
    },
  },
  {
    name: 'the demo runs',
    run: async (open) => {
      const app = await open();
      await app.start();
      await app.act('the Seed field', 'fill', 'Seed', '42');
      await app.act('the "Run the demo" button', 'clickButton', 'Run the demo');
      for (const symbol of ['BTC', 'ETH', 'ADA', 'SOL', 'DOT']) {
        await app.until(
          `position ${symbol}`,
          async () => (await app.call('testIdText', `position-${symbol}`)) !== null,
        );
      }
      const btc = await app.call('testIdText', 'position-quantity', 'position-BTC');
      return `BTC position ${btc}`;
    },
  },
  {
    name: 'a limit buy rests and is cancelled',
    run: async (open) => {
      const app = await open();
      await app.start();
      await app.act('the order type', 'select', 'Order type', 'limit');
      // Within the first session's Moderate limits: under $1,000, within 10 % of the market.
      await app.act('the quantity field', 'fill', 'Quantity (BTC)', '0.015');
      await app.act('the limit price field', 'fill', 'Limit price (USD)', '46000');
      await app.act('the "Buy BTC" button', 'clickButton', 'Buy BTC');
      await app.until('"is working" in the confirmation', async () =>
        (await app.call('testIdText', 'confirmation'))?.includes('is working'),
      );
      const rows = await app.until('one open order row', async () => {
        const found = await app.call('rowsOf', 'open-orders');
        return found.length === 2 ? found : null;
      });
      if (!rows[1]!.includes('limit $46,000.00')) throw new Error(`The order row is: ${rows[1]}`);
      await app.act('the "Cancel order" button', 'clickButton', 'Cancel order', false);
      await app.until('"No open orders."', async () =>
        (await app.call('pageText')).includes('No open orders.'),
      );
      await app.act('the History tab', 'clickTab', 'History');
      await app.until('"Cancelled by you." in the history', async () =>
        (await app.call('pageText')).includes('Cancelled by you.'),
      );
      return 'a limit $46,000.00 buy of 0.015 BTC rested, then was cancelled by you';
    },
  },
  {
    name: 'export then import verifies',
    run: async (open) => {
      const first = await open();
      await first.start();
      await first.buy('0.01');
      const text = await first.exportSession();
      const file = JSON.parse(text) as {
        type: string;
        meta: { author: string };
        commands: unknown[];
      };
      if (file.type !== 'powertrader.session' || file.meta.author !== 'Ada') {
        throw new Error(`The exported file is not a session by Ada: ${text.slice(0, 200)}`);
      }
      if (file.commands.length !== 2) throw new Error(`${file.commands.length} commands, not 2.`);
      await first.tab.close();

      const device = await open(); // another device: a fresh profile
      await device.start();
      await device.act('the Sessions link', 'clickLink', 'Sessions');
      await device.act('the import file input', 'chooseFile', 'import-file', 'shared.json', text);
      const verdict = await device.until('the import verdict', () =>
        device.call('testIdText', 'import-verdict'),
      );
      if (!verdict.includes('Verified')) throw new Error(`The verdict is: ${verdict}`);
      await device.act('the "Keep and open" button', 'clickButton', 'Keep and open');
      await device.until('"Imported and opened."', async () =>
        (await device.call('pageText')).includes('Imported and opened.'),
      );
      await device.act('the Trade link', 'clickLink', 'Trade');
      await device.until(
        'the imported 0.01 BTC position',
        async () =>
          (await device.call('testIdText', 'position-quantity', 'position-BTC')) === '0.01',
      );
      const again = await device.exportSession();
      if (again !== text) throw new Error('Exporting the imported session gave other bytes.');
      return verdict;
    },
  },
  {
    name: 'the in-app self-test passes',
    run: async (open) => {
      const app = await open();
      await app.start();
      await app.underServiceWorker();
      await runSelfTest(app, '{ "iterations": 50 }');
      const summary = await app.until(
        'the self-test summary',
        async () => {
          const line = await app.call('testIdText', 'selftest-summary');
          return line && !(await app.call('buttonEnabled', 'Cancel')) ? line : null;
        },
        120_000,
      );
      const results = await app.call('selfTestResults');
      const failed = results.filter((r) => r.status === 'failed');
      const skipped = results.filter((r) => r.status === 'skipped');
      const notes = [
        `summary: "${summary}"`,
        ...skipped.map((r) => `skipped: ${r.name}: ${r.message}`),
      ];
      if (failed.length || !/ 0 failed/.test(summary)) {
        throw new Error(
          [...notes, ...failed.map((r) => `failed: ${r.name}: ${r.message}`)].join('\n      '),
        );
      }
      if (results.length < 15) throw new Error(`Only ${results.length} checks ran: ${summary}`);
      return notes.join('\n      ');
    },
  },
  {
    name: 'the golden hashes hold',
    run: async (open) => {
      const app = await open();
      await app.start();
      const names = [
        'golden session (model 1)',
        'golden session (model 2)',
        'market series (model 1)',
        'market series (model 2)',
      ];
      const got = await app.call('hashes');
      const expected = await app.call('expectedHashes');
      const wrong = names
        .map(
          (name, i) => got[i] !== expected[i] && `${name} hash ${got[i]}, expected ${expected[i]}`,
        )
        .filter(Boolean);
      if (wrong.length) throw new Error(wrong.join('; '));
      // The self-test's known-answer check reads the same hash in the app's own worker.
      await runSelfTest(app, '{ "suites": ["engine"], "iterations": 10 }');
      const known = await app.until('the known-hash check', async () =>
        (await app.call('selfTestResults')).find((r) =>
          r.name.startsWith('A seeded session replays to its known hash'),
        ),
      );
      const inWorker = expected
        .slice(0, 2)
        .every((hash) => known?.message.includes(hash.slice(0, 16)));
      if (known.status !== 'passed' || !inWorker) {
        throw new Error(`The app's worker: ${known.status}: ${known.message}`);
      }
      return (
        names.map((name, i) => `${name} ${got[i]!.slice(0, 12)}…`).join(', ') +
        ' (golden also in the worker)'
      );
    },
  },
];

/** Builds the in-page helper (and the engine code it imports) into one ES module. */
/** Opens the Self-test page and starts a run with these settings (JSON, as typed there). */
async function runSelfTest(app: App, settings: string): Promise<void> {
  await app.act('the Self-test link', 'clickLink', 'Self-test');
  await app.act('the self-test settings', 'fill', 'Suites and iterations, as JSON', settings);
  await app.act('the "Run self-test" button', 'clickButton', 'Run self-test');
}

async function bundleHelper(): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      lib: { entry: resolve(ROOT, 'test/xbrowser/in-page.ts'), formats: ['es'], fileName: 'in' },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const chunk = (Array.isArray(output) ? output[0]! : output).output[0];
  return chunk.code;
}

async function main(): Promise<number> {
  const which = process.argv[2];
  if (which !== 'firefox' && which !== 'webkit') {
    console.error('Usage: npx tsx test/xbrowser/run.ts firefox|webkit');
    return 2;
  }
  const started = Date.now();
  const results: {
    name: string;
    ok: boolean;
    seconds: number;
    note?: string;
    error?: string;
    problems?: string[];
  }[] = [];
  const report = () => {
    const passed = results.filter((r) => r.ok).length;
    const failed = results.length - passed;
    mkdirSync(resolve(ROOT, '.gate'), { recursive: true });
    writeFileSync(
      resolve(ROOT, `.gate/xbrowser-${which}.json`),
      `${JSON.stringify({ engine: which, passed, failed, tests: results }, null, 2)}\n`,
    );
    return { passed, failed };
  };
  // Whatever happens, the run ends: past the deadline, the remaining checks fail unrun and the
  // process exits (the 'exit' hook in engines.ts kills the browser and its helpers).
  const hardStop = setTimeout(() => {
    console.error(`Deadline of ${DEADLINE_MS / 1000} s passed: stopping.`);
    for (const smoke of SMOKES) {
      if (!results.some((r) => r.name === smoke.name)) {
        results.push({ name: smoke.name, ok: false, seconds: 0, error: 'not run: deadline' });
      }
    }
    const { passed, failed } = report();
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(1);
  }, DEADLINE_MS + 15_000);
  hardStop.unref();

  let server: StaticServer | undefined;
  let engine: Engine | undefined;
  try {
    if (!existsSync(resolve(DIST, 'index.html'))) {
      throw new Error('No dist/index.html: build the app first with `npx vite build`.');
    }
    const helper = await bundleHelper();
    server = await serveStatic(DIST, { extra: { [HELPER_PATH]: async () => helper } });
    engine = which === 'firefox' ? await launchFirefox() : await launchWebKit();
    console.log(`${which}: testing ${server.url} (dist/ on a plain static server)`);
    for (const smoke of SMOKES) {
      const t0 = Date.now();
      const left = Math.min(started + DEADLINE_MS - t0, PER_TEST_MS);
      const tabs: Tab[] = [];
      const problems: string[] = [];
      let ok = false;
      let note: string | void = undefined;
      let error: string | undefined;
      try {
        if (started + DEADLINE_MS - t0 < 10_000) throw new Error('not run: deadline');
        const open = async () => {
          const tab = await engine!.newTab();
          tabs.push(tab);
          return new App(tab, server!.url);
        };
        let timer: ReturnType<typeof setTimeout> | undefined;
        note = await Promise.race([
          smoke.run(open),
          new Promise<never>((_, fail) => {
            timer = setTimeout(() => fail(new Error(`Timed out after ${left / 1000} s`)), left);
          }),
        ]).finally(() => clearTimeout(timer));
        ok = true;
      } catch (caught) {
        error = caught instanceof Error ? caught.message : String(caught);
      }
      for (const tab of tabs) {
        const seen = await within(10_000, new App(tab, server.url).call('takeProblems'));
        problems.push(...tab.problems, ...(seen ?? []));
        await within(10_000, tab.close());
      }
      // As in the Chromium e2e tests: a console error, uncaught exception or CSP violation fails.
      if (ok && problems.length) {
        ok = false;
        error = 'The page reported errors (below).';
      }
      const seconds = (Date.now() - t0) / 1000;
      results.push({
        name: smoke.name,
        ok,
        seconds,
        ...(note ? { note } : {}),
        ...(error ? { error } : {}),
        ...(problems.length ? { problems: [...new Set(problems)] } : {}),
      });
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${smoke.name.padEnd(36)} ${seconds.toFixed(1)} s`);
      if (note) console.log(`      ${note}`);
      if (error) console.log(`      ${error}`);
      for (const problem of new Set(problems)) console.log(`      page: ${problem}`);
    }
  } catch (caught) {
    const message = caught instanceof Error ? caught.message : String(caught);
    console.error(`${which}: ${message}`);
    results.push({ name: `start ${which}`, ok: false, seconds: 0, error: message });
  } finally {
    if (engine) await within(20_000, engine.close());
    if (server) await within(5_000, server.close());
  }
  const { passed, failed } = report();
  console.log(
    `${which} ${engine?.version ?? ''} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

process.exit(await main());
