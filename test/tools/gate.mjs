// The one gate (`npm test`): type check, lint, format, unit tests in node, browser tests in
// Chromium, end-to-end tests against the production build, smoke tests of that build in Firefox
// and WebKit. It runs every stage even when one fails, then prints one line "N passed, N failed"
// summing them all, and exits 1 on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const OUT = '.gate';
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const totals = { passed: 0, failed: 0 };
const lines = [];
const started = Date.now();

function run(command, args, env = {}) {
  const t0 = Date.now();
  console.log(`\n▶ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return { ok: result.status === 0, seconds: ((Date.now() - t0) / 1000).toFixed(1) };
}

/** A check that passes or fails as a whole counts as one test. */
function check(name, command, args) {
  const { ok, seconds } = run(command, args);
  totals[ok ? 'passed' : 'failed']++;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${name.padEnd(22)} ${seconds}s`);
}

function readJson(path) {
  try {
    return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
  } catch {
    return undefined;
  }
}

/** A test runner counts its tests; a crash with no report counts as one failure. */
function suite(name, command, args, env, count) {
  const { ok, seconds } = run(command, args, env);
  const counted = count();
  const passed = counted?.passed ?? 0;
  const failed = counted ? counted.failed + (ok || counted.failed ? 0 : 1) : 1;
  totals.passed += passed;
  totals.failed += failed;
  lines.push(
    `${failed ? 'FAIL' : 'ok  '} ${name.padEnd(22)} ${seconds}s  ${passed} passed, ${failed} failed`,
  );
}

check('svelte-check', 'npx', [
  'svelte-check',
  '--tsconfig',
  './tsconfig.json',
  '--fail-on-warnings',
]);
check('eslint', 'npx', ['eslint', '.', '--max-warnings=0']);
check('prettier', 'npx', ['prettier', '--check', '.']);
suite(
  'vitest unit + browser',
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${OUT}/vitest.json`],
  {},
  () => {
    const report = readJson(`${OUT}/vitest.json`);
    return report && { passed: report.numPassedTests, failed: report.numFailedTests };
  },
);
suite(
  'playwright e2e',
  'npx',
  ['playwright', 'test', '-c', 'test/e2e/playwright.config.ts', '--reporter=list,json'],
  { PLAYWRIGHT_JSON_OUTPUT_NAME: resolve(OUT, 'playwright.json') },
  () => {
    const stats = readJson(`${OUT}/playwright.json`)?.stats;
    return stats && { passed: stats.expected, failed: stats.unexpected + stats.flaky };
  },
);

// Smoke tests of the same build in Firefox ESR and WebKitGTK (test/xbrowser). The e2e stage has
// just built dist/; build it here only if that stage could not.
if (!existsSync('dist/index.html')) run('npx', ['vite', 'build']);
for (const engine of ['firefox', 'webkit']) {
  suite(`xbrowser ${engine}`, 'npx', ['tsx', 'test/xbrowser/run.ts', engine], {}, () =>
    readJson(`${OUT}/xbrowser-${engine}.json`),
  );
}

console.log(`\nGate summary (${((Date.now() - started) / 1000).toFixed(0)} s)`);
for (const line of lines) console.log(`  ${line}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed ? 1 : 0);
