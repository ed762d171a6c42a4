import { readFile } from 'node:fs/promises';
import { dashboardFileSchema } from '../../src/schema/dashboard-file.ts';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium.ts';
import { expect, openApp, test } from './fixtures.ts';

// A browser with a 1 GB heap, like a modest phone: the load test fills it to 85 % in seconds.
test.use({
  launchOptions: {
    executablePath: findChromium(),
    args: [...CHROMIUM_ARGS, '--js-flags=--max-old-space-size=1024'],
  },
});

test('a heavy tab raises the memory warning, which clears once the memory is collected', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page);
  await page.getByRole('link', { name: 'Monitor' }).click();
  await expect(page.getByTestId('component-worker')).toContainText('ok');
  await expect(page.getByTestId('component-database')).toContainText('ok');
  await expect(page.getByTestId('figure-memory.heap-pct')).toContainText('%');
  await expect(page.getByTestId('no-active-alerts')).toBeVisible();

  await page.getByRole('button', { name: 'Make this tab heavy' }).click();
  await expect(page.getByTestId('active-heap-high')).toContainText('JS heap of its limit is', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('alert-toasts')).toContainText('warning');
  await expect(page.getByTestId('log')).toContainText('JS heap high: JS heap of its limit is');

  await page.getByRole('button', { name: 'Release' }).click();
  // When the browser collects garbage is its own choice; ask for it, as DevTools' button does.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await expect(page.getByTestId('no-active-alerts')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('alert-history').getByRole('row').first()).not.toContainText(
    'active',
  );

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export dashboard JSON' }).click(),
  ]);
  const file = dashboardFileSchema.parse(
    JSON.parse(await readFile((await download.path())!, 'utf8')),
  );
  // The built app is cross-origin isolated, so the browser's precise memory figures are used.
  expect(file.environment).toMatchObject({
    crossOriginIsolated: true,
    memorySource: 'measureUserAgentSpecificMemory',
    sampleIntervalMs: 1000,
  });
  const heapAlert = file.alerts.recent.find((a) => a.ruleId === 'heap-high');
  expect(heapAlert?.clearedAt, 'the warning was stored and then cleared').toBeGreaterThan(
    heapAlert!.raisedAt,
  );
  // The lead-up runs from a calm heap to the sample that raised the warning, whatever the pace.
  const leadUp = heapAlert!.samples;
  expect(leadUp.length).toBeGreaterThanOrEqual(2);
  expect(leadUp[0]![1]).toBeLessThan(80);
  expect(leadUp.at(-1)).toEqual([heapAlert!.raisedAt, heapAlert!.value]);
  expect(file.alerts.active).toEqual([]);
  expect(file.components.map((c) => c.id)).toEqual([
    'ui',
    'worker',
    'database',
    'service-worker',
    'storage',
  ]);
  // The history holds the samples of this visit, the raise among them.
  expect(file.history.map((h) => h.at)).toContain(heapAlert!.raisedAt);
  expect(file.history.at(-1)!.values['memory.heap-pct']).toBeLessThan(70);
  expect(file.metrics.find((m) => m.id === 'portfolio.equity')?.shown).toMatch(/^\$/);
});

test('a rule with its clear line on the wrong side is refused at the field and nothing is saved', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('link', { name: 'Monitor' }).click();
  const rule = page.getByTestId('rule-heap-high');
  await rule.getByLabel('Clears at').fill('90');
  await expect(rule).toContainText('The clear line must be on the safe side of the threshold');
  await expect(rule.getByLabel('Clears at')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: 'Save rules' })).toBeDisabled();

  await rule.getByLabel('Clears at').fill('75');
  await rule.getByLabel('Mute').check();
  await page.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByTestId('rules-status')).toContainText('Saved');
  await page.reload();
  await page.getByRole('link', { name: 'Monitor' }).click();
  await expect(page.getByTestId('rule-heap-high').getByLabel('Clears at')).toHaveValue('75');
  await expect(page.getByTestId('rule-heap-high').getByLabel('Mute')).toBeChecked();
});
