// Issue 18, finding 1: a file that repeats an earlier order's client id imported as Verified,
// Keep stored a log that could not be resumed, and every reload then failed to start the app.
import { expect, generateFiles, importText, openApp, test } from './fixtures.ts';

let hostile: (name: string) => string;
test.beforeAll(() => {
  hostile = generateFiles('test/fixtures/hostile/generate.ts');
});

test('a file that repeats an order id is refused at preview with the command, and nothing is kept', async ({
  page,
}) => {
  await openApp(page);
  await importText(page, 'repeated.json', hostile('repeated-order-id.json'));
  await expect(page.getByTestId('import-refused')).toContainText(
    'Command 8 (place-order) repeats the order id sol-bracket of an order placed before it.',
  );
  await expect(page.getByTestId('import-preview')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Keep/ })).toHaveCount(0);

  // The same with its result hash changed: refused for the same reason, not merely "Modified".
  await importText(page, 'repeated-rehashed.json', hostile('repeated-order-id-other-hash.json'));
  await expect(page.getByTestId('import-refused')).toContainText('Command 8 (place-order)');
  await expect(page.getByTestId('session-row')).toHaveCount(1);

  // Nothing was stored, so the app starts as before.
  await openApp(page);
  await expect(page.getByTestId('damaged-banner')).toHaveCount(0);
});
