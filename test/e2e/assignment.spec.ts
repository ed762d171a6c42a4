import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { buy, expect, exportSession, generateFiles, openApp, test } from './fixtures.ts';

/** The teacher fills in the class page's assignment form and makes its link. */
async function createAssignment(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'Class' }).click();
  const creator = page.getByTestId('assignment-creator');
  await creator.getByText('New assignment').click();
  await creator.getByLabel('Title').fill('Week 1: two coins');
  await creator.getByLabel('Seed').fill('week1');
  await creator.getByLabel('Start (simulated date)').fill('2026-03-02');
  await creator.getByLabel('Days').fill('7');
  await creator.getByLabel('Starting cash ($)').fill('20,000');
  await creator.getByLabel('Tier').selectOption('moderate');
  for (const coin of ['SOL', 'ADA', 'DOT']) await creator.getByLabel(coin).uncheck();
  await creator.getByLabel('Days').fill('0');
  await creator.getByRole('button', { name: 'Create link' }).click();
  // A bad field is explained at the field, and no link is made.
  await expect(creator.locator('#assignment-days-help')).toHaveText(
    'An assignment lasts at least 1 day.',
  );
  await expect(creator.getByTestId('assignment-link')).toHaveCount(0);
  await creator.getByLabel('Days').fill('7');
  await creator.getByRole('button', { name: 'Create link' }).click();
  return creator.getByTestId('assignment-link').inputValue();
}

/** A student opens the link in a browser of their own, buys a little BTC and exports the file. */
async function studentExport(browser: Browser, link: string): Promise<string> {
  const other = await browser.newContext();
  const student = await other.newPage();
  await student.goto(link);
  const offer = student.getByTestId('assignment-offer');
  await expect(offer).toContainText('Assignment: Week 1: two coins');
  await expect(offer).toContainText('$20,000.00');
  await expect(offer).toContainText('BTC, ETH');
  await offer.getByRole('button', { name: 'Start this assignment' }).click();
  await expect(student.getByTestId('equity')).toBeVisible();
  await expect(student.getByText('under the Moderate tier')).toBeVisible();
  await expect(student.getByTestId('sim-time')).toContainText('2026-03-02');

  // A coin the assignment does not allow is refused at the field, in plain words.
  await student.getByTestId('market-SOL').click();
  await student.getByLabel('Quantity (SOL)').fill('1');
  await student.getByRole('button', { name: 'Buy SOL' }).click();
  await expect(student.locator('#quantity-help')).toHaveText(
    'This session trades only BTC, ETH; SOL is not one of them.',
  );
  await student.getByTestId('market-BTC').click();
  await buy(student, '0.005');
  const text = await exportSession(student);
  await other.close();
  return text;
}

function jsonFile(name: string, text: string) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(text) };
}

test('an assignment link gives a student session whose export the class page recognizes', async ({
  page,
  browser,
}) => {
  await openApp(page);
  const link = await createAssignment(page);
  expect(link).toContain('#/sessions?v=1&assignment=');
  const id = new URLSearchParams(link.split('?')[1]).get('assignment')!;
  // The teacher's copy is remembered on this device, and still there after a reload.
  await page.reload();
  const known = page.getByTestId('known-assignments');
  await known.getByText('Assignments known on this device (1)').click();
  await expect(known.getByTestId('known-assignment')).toContainText(
    `“Week 1: two coins” (${id}): seed week1, $20,000.00, Moderate (2 %), BTC, ETH`,
  );

  const text = await studentExport(browser, link);
  const file = JSON.parse(text);
  expect(file.meta.assignment).toMatchObject({
    id,
    title: 'Week 1: two coins',
    seed: 'week1',
    cash: '20000',
    tier: 'moderate',
    coins: ['BTC', 'ETH'],
  });
  expect(file.seed).toBe('week1');

  // A copy whose seed was changed by hand, and one changed in the file and its copy of the
  // assignment alike, then replayed and resealed with the engine: that one verifies.
  const changed = text.replace('"seed": "week1",\n  "config"', '"seed": "lucky",\n  "config"');
  expect(changed).not.toBe(text);
  const dir = mkdtempSync(join(tmpdir(), 'assignment-'));
  writeFileSync(join(dir, 'ada.json'), text);
  const reseeded = generateFiles(
    'test/fixtures/assignment/tamper.ts',
    join(dir, 'ada.json'),
    'lucky',
  )('tampered.json');
  expect(JSON.parse(reseeded).meta.assignment.seed).toBe('lucky');

  // The teacher drops the three on the class page.
  await page
    .getByTestId('class-files')
    .setInputFiles([
      jsonFile('ada.json', text),
      jsonFile('ada-edited.json', changed),
      jsonFile('ada-reseeded.json', reseeded),
    ]);
  await expect(page.getByTestId('class-row')).toHaveCount(3, { timeout: 30_000 });
  const group = page.getByTestId('assignment-group');
  await expect(group).toHaveCount(1);
  await expect(group).toContainText(`Assignment “Week 1: two coins” (${id}): 3 files, 1 follow it`);
  const row = (name: string) => page.getByTestId('class-row').filter({ hasText: name });
  await expect(row('ada.json')).toHaveAttribute('data-verdict', 'verified');
  await expect(row('ada.json').getByTestId('assignment-cell')).toHaveText('Follows the assignment');
  const edited = row('ada-edited.json').getByTestId('assignment-cell');
  await expect(edited).toContainText('Does not follow the assignment');
  await expect(edited).toContainText('seed "lucky" (the assignment\'s: "week1")');
  await expect(row('ada-reseeded.json')).toHaveAttribute('data-verdict', 'verified');
  const reseededCell = row('ada-reseeded.json').getByTestId('assignment-cell');
  await expect(reseededCell).toContainText('Does not follow the assignment');
  await expect(reseededCell).toContainText(
    'its copy of the assignment was changed: seed "lucky" (the teacher\'s: "week1")',
  );
});

test('a file of an assignment this device does not know is not called "follows" until its link is pasted', async ({
  page,
  browser,
}) => {
  await openApp(page);
  const link = await createAssignment(page);
  const text = await studentExport(browser, link);

  // Another teacher's browser: it never made this assignment.
  const otherTeacher = await browser.newContext();
  const teacher = await otherTeacher.newPage();
  await openApp(teacher);
  await teacher.getByRole('link', { name: 'Class' }).click();
  await teacher.getByTestId('class-files').setInputFiles([jsonFile('ada.json', text)]);
  const cell = teacher.getByTestId('class-row').getByTestId('assignment-cell');
  await expect(cell).toContainText(
    'Not checked Assignment not known on this device; paste its link to check it.',
    { timeout: 30_000 },
  );
  await expect(teacher.getByTestId('assignment-group')).toContainText(
    'not known on this device; paste its link to check them',
  );

  // A bad link is explained at the field and adds nothing; the real one checks the file again.
  const known = teacher.getByTestId('known-assignments');
  await known.getByText('Assignments known on this device (0)').click();
  await known.getByLabel('Assignment link').fill(link.replace('v=1', 'v=7'));
  await known.getByRole('button', { name: 'Add assignment' }).click();
  await expect(known.locator('#known-link-help')).toContainText('it is a version 7 link');
  await expect(known.getByLabel('Assignment link')).toHaveAttribute('aria-invalid', 'true');
  await known.getByLabel('Assignment link').fill(link);
  await known.getByRole('button', { name: 'Add assignment' }).click();
  await expect(known.getByRole('status')).toContainText('Added “Week 1: two coins”');
  await expect(cell).toHaveText('Follows the assignment', { timeout: 30_000 });

  // Damaged storage is ignored with a note, never a crash.
  await teacher.evaluate(() => localStorage.setItem('powertrader:assignments', '{"type":'));
  await teacher.reload();
  await expect(teacher.getByTestId('known-assignments')).toContainText(
    'Assignments known on this device (0)',
  );
  await teacher.getByText('Assignments known on this device (0)').click();
  await expect(teacher.getByTestId('known-note')).toContainText(
    'could not be read, so they are ignored',
  );
  await otherTeacher.close();
});

test('a newer assignment link is refused with the reason', async ({ page }) => {
  await page.goto('/#/sessions?v=9&assignment=abcd1234');
  await expect(page.getByTestId('assignment-refused')).toHaveText(
    'This assignment link cannot be opened: it is a version 9 link, made by a newer PowerTrader than this one (which opens version 1). Reload the app to update it, then open the link again.',
  );
});
