import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import puppeteer, { type Browser } from 'puppeteer-core';
import { remote } from 'webdriverio';
import { findFirefox, findMiniBrowser, findWebKitDriver } from '../support/browsers.ts';

/** One tab with a fresh profile: nothing stored by an earlier test is visible in it. */
export interface Tab {
  goto(url: string): Promise<void>;
  /** Evaluates an expression (it may be a promise) in the page and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Errors the driver saw outside the page's own hooks (Firefox only). */
  readonly problems: string[];
  close(): Promise<void>;
}

export interface Engine {
  readonly name: string;
  readonly version: string;
  newTab(): Promise<Tab>;
  close(): Promise<void>;
}

/** Processes this run started, killed with their groups however the run ends. */
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) killGroup(child);
});

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((done) => child.once('exit', done));
    killGroup(child);
    await Promise.race([exited, new Promise((done) => setTimeout(done, 3000))]);
  }
  children.delete(child);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** Polls until `ready` gives true; throws after `ms`. */
async function until(what: string, ms: number, ready: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await ready().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms / 1000} s: ${what}`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

// ---------------------------------------------------------------------------------------------
// Firefox over WebDriver BiDi, with puppeteer-core: no geckodriver needed.

export async function launchFirefox(): Promise<Engine> {
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    protocolTimeout: 90_000,
    extraPrefsFirefox: {
      // No first-run pages, updates or telemetry on a machine with no network.
      'browser.shell.checkDefaultBrowser': false,
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
    },
  });
  const process_ = browser.process();
  if (process_) children.add(process_);
  return {
    name: 'firefox',
    version: await browser.version(),
    async newTab() {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
      });
      page.on('pageerror', (e) =>
        problems.push(`uncaught: ${e instanceof Error ? e.message : String(e)}`),
      );
      return {
        problems,
        goto: async (url) => {
          await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
        },
        evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
        close: () => context.close(),
      };
    },
    async close() {
      await Promise.race([browser.close(), new Promise((done) => setTimeout(done, 10_000))]);
      if (process_) await stop(process_);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// WebKitGTK: WebKitWebDriver (WebDriver classic) starting MiniBrowser, under a virtual display.

/** Starts Xvfb on a display it picks itself, unless there is a display already. */
async function ensureDisplay(): Promise<ChildProcess | undefined> {
  if (process.env.DISPLAY) return undefined;
  const xvfb = spawn(
    'Xvfb',
    ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
      detached: true,
    },
  );
  children.add(xvfb);
  const display = await new Promise<string>((done, fail) => {
    let text = '';
    xvfb.once('error', () =>
      fail(
        new Error(
          'Xvfb is missing for the WebKit smoke tests. Install it with:\n' +
            '  sudo apt-get install -y webkit2gtk-driver xvfb\n' +
            'or run them with a DISPLAY.',
        ),
      ),
    );
    xvfb.once('exit', (code) => fail(new Error(`Xvfb stopped at once (exit ${code}).`)));
    xvfb.stdio[3]!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) done(text.trim());
    });
  });
  process.env.DISPLAY = `:${display}`;
  return xvfb;
}

export async function launchWebKit(): Promise<Engine> {
  const driverPath = findWebKitDriver();
  const binary = findMiniBrowser();
  const xvfb = await ensureDisplay();
  const port = await freePort();
  const driver = spawn(driverPath, [`--port=${port}`, '--host=127.0.0.1'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
    env: { ...process.env, WEBKIT_DISABLE_COMPOSITING_MODE: '1' },
  });
  children.add(driver);
  let driverLog = '';
  driver.stderr!.on('data', (chunk: Buffer) => (driverLog = (driverLog + chunk).slice(-4000)));
  await until('WebKitWebDriver answering', 20_000, async () => {
    const response = await fetch(`http://127.0.0.1:${port}/status`);
    return response.ok;
  }).catch((error: Error) => {
    throw new Error(`${error.message}\n${driverLog}`);
  });
  const capabilities = {
    browserName: 'MiniBrowser',
    'wdio:enforceWebDriverClassic': true,
    'webkitgtk:browserOptions': { binary, args: ['--automation'] },
  } as WebdriverIO.Capabilities;
  let version = '';
  return {
    name: 'webkit',
    get version() {
      return version;
    },
    async newTab() {
      const browser = await remote({
        hostname: '127.0.0.1',
        port,
        logLevel: 'error',
        connectionRetryCount: 0,
        connectionRetryTimeout: 90_000,
        capabilities,
      });
      version ||= `${String(browser.capabilities.browserName)} ${String(browser.capabilities.browserVersion)}`;
      return {
        problems: [],
        goto: async (url) => {
          await browser.url(url);
        },
        evaluate: <T>(expression: string) =>
          browser.execute(`return (${expression});`) as Promise<T>,
        close: async () => {
          await Promise.race([
            browser.deleteSession(),
            new Promise((done) => setTimeout(done, 10_000)),
          ]).catch(() => undefined);
        },
      };
    },
    async close() {
      await stop(driver);
      if (xvfb) await stop(xvfb);
    },
  };
}
