// Issue 18, finding 4: a file whose starting cash and fee were edited, and whose hashes were then
// recomputed with the engine's own functions, reads "Verified". Its outcomes do follow from its
// settings, so that is true; the preview lists each setting that differs from a new session's.
import { expect, generateFiles, importText, openApp, test } from './fixtures.ts';

let file: (name: string) => string;
test.beforeAll(() => {
  file = generateFiles('test/support/forge.ts');
});

test('a config edited and rehashed shows its changed settings in the preview', async ({ page }) => {
  await openApp(page);
  await importText(page, 'forged.json', file('fee-and-cash.json'));
  await expect(page.getByTestId('import-verdict')).toContainText('Verified');
  const settings = page.getByTestId('import-settings');
  await expect(settings).toContainText('starting cash: $60000 (new sessions: $50000)');
  await expect(settings).toContainText('takerFeeRate: "0.0001" (new sessions: "0.001")');

  // The untouched file lists neither.
  await importText(page, 'golden.json', file('golden.json'));
  await expect(page.getByTestId('import-verdict')).toContainText('Verified');
  await expect(page.getByTestId('import-preview')).not.toContainText('starting cash');
  await expect(page.getByTestId('import-preview')).not.toContainText('takerFeeRate');
});
