import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { ClassFile } from '../fixtures/class/generate.ts';
import { expect, generateFiles, openApp, test } from './fixtures.ts';

/** RFC 4180 as the export writes it: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted || (c !== ',' && c !== '\r')) cell += c;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else {
      // CRLF ends a line.
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    }
  }
  return rows;
}

async function pick(page: Page, files: readonly ClassFile[]): Promise<void> {
  await page.getByRole('link', { name: 'Class' }).click();
  await page.getByTestId('class-files').setInputFiles(
    files.map((f) => ({
      name: f.name,
      mimeType: 'application/json',
      buffer: Buffer.from(f.text),
    })),
  );
}

let files: ClassFile[];
/** The query of the teacher's "Week 10" link. */
let week10: string;
test.beforeAll(() => {
  // A simulated day each: long enough to trade, trip breakers and reject orders. Made by the
  // engine in node (tsx), as `sim demo --session-out` makes its files.
  const read = generateFiles('test/fixtures/class/generate.ts', '30', '24');
  const manifest = JSON.parse(read('manifest.json')) as Omit<ClassFile, 'text'>[];
  files = manifest.map((f) => ({ ...f, text: read(f.name) }));
  week10 = read('week10-query.txt');
});

test('the class page checks 30 files in one pick, gives each its verdict and exports a CSV', async ({
  page,
}) => {
  await openApp(page);
  // The teacher pastes the link of "Week 10", so its files are checked against this copy.
  await page.getByRole('link', { name: 'Class' }).click();
  const known = page.getByTestId('known-assignments');
  await known.getByText('Assignments known on this device').click();
  await known.getByLabel('Assignment link').fill(`${page.url().split('#')[0]}#/sessions?${week10}`);
  await known.getByRole('button', { name: 'Add assignment' }).click();
  await expect(known.getByTestId('known-assignment')).toContainText('“Week 10” (week10)');
  await pick(page, files);
  await expect(page.getByTestId('class-elapsed')).toBeVisible({ timeout: 50_000 });
  const rows = page.getByTestId('class-row');
  await expect(rows).toHaveCount(30);
  // The summary counts what the rows show.
  const count = (verdict: string) => rows.and(page.locator(`[data-verdict="${verdict}"]`)).count();
  await expect(page.getByTestId('class-summary')).toContainText(
    `30 files: ${await count('verified')} verified, ${await count('modified')} modified, ${await count('refused')} refused`,
  );

  for (const f of files.filter((file) => file.expected)) {
    await expect(rows.filter({ hasText: f.name }), f.name).toHaveAttribute(
      'data-verdict',
      f.expected!,
    );
  }
  const refused = rows.filter({ hasText: '10-jo-impossible-log.json' });
  await expect(refused).toContainText('refused on replay');
  await expect(rows.filter({ hasText: '04-dara-truncated.json' })).toContainText(
    'This is not a JSON file',
  );
  // Six files name the assignment "Week 10": three played it, three rewrote their copy of it.
  await expect(page.getByTestId('assignment-group')).toHaveText([
    'Assignment “Week 10” (week10): 6 files, 3 follow it',
    'No assignment: 24 files',
  ]);
  await expect(
    rows.filter({ hasText: '07-gus-wrong-assignment.json' }).getByTestId('assignment-cell'),
  ).toContainText('its copy of the assignment was changed: seed "class-6"');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('powertrader-class.csv');
  const csv = parseCsv(await readFile((await download.path())!, 'utf8'));
  expect(csv).toHaveLength(31);
  expect(csv[0]).toEqual([
    'file',
    'name',
    'author',
    'tier',
    'verdict',
    'reason',
    'final_equity',
    'return_pct',
    'max_drawdown_pct',
    'trades',
    'refused_orders',
    'breaker_trips',
    'assignment',
    'assignment_title',
    'follows_assignment',
    'assignment_reason',
  ]);
  for (const line of csv.slice(1)) expect(line).toHaveLength(16);
  const verdictOf = new Map(csv.slice(1).map((line) => [line[0], line[4]]));
  for (const f of files.filter((file) => file.expected))
    expect(verdictOf.get(f.name), f.name).toBe(f.expected);
});

test('the class table sorts by any column from the keyboard, and says how', async ({ page }) => {
  await openApp(page);
  // Files of no assignment, so the table is one group (groups sort each on their own).
  await pick(page, files.filter((f) => !f.kind.endsWith('assignment')).slice(0, 10));
  await expect(page.getByTestId('class-elapsed')).toBeVisible({ timeout: 30_000 });
  const header = page.getByRole('columnheader', { name: 'Return' });
  await expect(header).toHaveAttribute('aria-sort', 'none');
  await header.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  const returns = async () =>
    (await page.getByTestId('class-row').locator('td:nth-child(7)').allInnerTexts())
      .filter((t) => t !== '—')
      .map((t) => Number(t.replace(' %', '')));
  const up = await returns();
  expect(up.length).toBeGreaterThan(3);
  expect(up).toEqual([...up].sort((a, b) => a - b));
  await page.keyboard.press('Space');
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  expect(await returns()).toEqual([...up].sort((a, b) => b - a));
  await expect(page.getByRole('columnheader', { name: 'File' })).toHaveAttribute(
    'aria-sort',
    'none',
  );
});

test('cancelling stops the workers and stores nothing; a kept file becomes a session', async ({
  page,
}) => {
  await openApp(page);
  await pick(page, files);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('class-message')).toContainText(/Cancelled after \d+ of 30 files/);
  expect(await page.getByTestId('class-row').count()).toBeLessThan(30);

  await pick(page, files.slice(0, 1));
  await expect(page.getByTestId('class-elapsed')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: `Keep ${files[0]!.name} as a session` }).click();
  await expect(page.getByTestId('class-row')).toContainText('Kept');
  await page.getByRole('link', { name: 'Sessions' }).click();
  await expect(page.getByText('Week 1', { exact: true })).toBeVisible();
});
