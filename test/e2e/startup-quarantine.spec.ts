import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures.ts';

/** Damages the stored demo session on purpose, with raw IndexedDB as any bug or tool could. */
async function damageDemoSession(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('powertrader');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const done = (request: IDBRequest) =>
      new Promise<unknown>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const tx = db.transaction(['sessions', 'snapshots', 'commands'], 'readwrite');
    const sessions = (await done(tx.objectStore('sessions').getAll())) as {
      id: string;
      name: string;
    }[];
    const demo = sessions.find((s) => s.name === 'Demo, seed 42')!;
    const snapshot = (await done(tx.objectStore('snapshots').get(demo.id))) as object;
    await done(tx.objectStore('snapshots').put({ ...snapshot, state: 'not a state' }));
    await done(
      tx
        .objectStore('commands')
        .put({ sessionId: demo.id, seq: 2, at: 0, command: { type: 'nonsense' } }),
    );
    db.close();
    return demo.id;
  });
}

test('a stored session that cannot be opened is set aside, named, exported raw and deleted', async ({
  page,
}) => {
  await openApp(page);
  await page.getByLabel('Seed').fill('42');
  await page.getByRole('button', { name: 'Run the demo' }).click();
  await expect(page.getByTestId('position-DOT')).toBeVisible();
  // Paused, the worker saves nothing more that could overwrite the damage.
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeVisible();
  const id = await damageDemoSession(page);

  await page.reload();
  await expect(page.getByTestId('equity')).toBeVisible();
  const banner = page.getByTestId('damaged-banner');
  await expect(banner).toContainText(
    'Session “Demo, seed 42” could not be opened: its saved snapshot is damaged',
  );
  await expect(banner).toContainText('Export its raw data or delete it.');

  // The Sessions list shows it too, marked, without failing on it.
  await page.getByRole('link', { name: 'Sessions' }).click();
  const row = page.getByTestId('session-row').filter({ hasText: 'Demo, seed 42' });
  await expect(row.getByText('damaged')).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    banner.getByRole('button', { name: 'Export raw data' }).click(),
  ]);
  const raw = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(raw.type).toBe('powertrader-raw-session');
  expect(raw.session.name).toBe('Demo, seed 42');
  expect(raw.snapshot.state).toBe('not a state');
  expect(
    raw.commands.some((c: { command: { type: string } }) => c.command.type === 'nonsense'),
  ).toBe(true);

  await banner.getByRole('button', { name: 'Delete it' }).click();
  await expect(banner).toBeHidden();
  await expect(page.getByTestId('session-row').filter({ hasText: 'Demo, seed 42' })).toHaveCount(0);
  const left = await page.evaluate(async (sessionId) => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('powertrader');
      request.onsuccess = () => resolve(request.result);
    });
    const tx = db.transaction(['sessions', 'snapshots', 'commands'], 'readonly');
    const count = (request: IDBRequest<number>) =>
      new Promise<number>((resolve) => (request.onsuccess = () => resolve(request.result)));
    const range = IDBKeyRange.bound([sessionId, 0], [sessionId, Infinity]);
    const counts = await Promise.all([
      count(tx.objectStore('sessions').count(sessionId)),
      count(tx.objectStore('snapshots').count(sessionId)),
      count(tx.objectStore('commands').count(range)),
    ]);
    db.close();
    return counts;
  }, id);
  expect(left).toEqual([0, 0, 0]);

  await openApp(page);
  await expect(page.getByTestId('damaged-banner')).toHaveCount(0);
});
