import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures.ts';

const ROUNDS = 12;

/** The ticket's answer to the last click: stored, refused with a reason, or none yet. */
async function answerOf(page: Page): Promise<'stored' | 'refused' | null> {
  if (await page.getByTestId('confirmation').isVisible()) return 'stored';
  const ticket = page.locator('form', { has: page.getByRole('button', { name: 'Buy BTC' }) });
  const refusals = ticket.locator('.field-error:not(:empty), [data-testid=stale-refusal]');
  return (await refusals.count()) > 0 ? 'refused' : null;
}

/** How many of the tabs show themselves as the writer. */
async function writers(pages: readonly Page[]): Promise<number> {
  const following = await Promise.all(
    pages.map((p) => p.getByTestId('follower-banner').isVisible()),
  );
  return following.filter((f) => !f).length;
}

test('four tabs with takeovers mid-flight: every click is answered, nothing stored is lost or doubled', async ({
  page,
  context,
}) => {
  const pages = [page, ...(await Promise.all([1, 2, 3].map(() => context.newPage())))];
  for (const p of pages) {
    await openApp(p);
    await p.getByLabel('Order type').selectOption('market');
    await p.getByRole('radio', { name: 'Buy' }).check();
    await p.getByLabel('Quantity (BTC)').fill('0.001');
  }
  await expect.poll(() => writers(pages)).toBe(1);
  let leader = 0;
  const answers = { stored: 0, refused: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    const writer = pages[leader]!;
    await expect(writer.getByRole('button', { name: 'Buy BTC' })).toBeEnabled();
    await writer.getByRole('button', { name: 'Buy BTC' }).click();
    if (round % 2 === 1) {
      // Another tab takes over while the command may still be on its way to storage.
      leader = (leader + 1 + (round % 3)) % pages.length;
      await pages[leader]!.getByRole('button', { name: 'Take over here' }).click();
    }
    await expect.poll(() => answerOf(writer), { timeout: 15_000 }).not.toBeNull();
    answers[(await answerOf(writer))!]++;
    // Once the takeover settles, exactly one tab shows itself as the writer.
    await expect.poll(() => writers(pages)).toBe(1);
    await expect(pages[leader]!.getByTestId('follower-banner')).toBeHidden();
  }
  test.info().annotations.push({ type: 'answers', description: JSON.stringify(answers) });
  expect(answers.stored + answers.refused).toBe(ROUNDS);
  expect(answers.stored).toBeGreaterThan(0);
  // Every acknowledged buy is in the log once, and nothing else is: the opening deposit + buys.
  for (const p of pages)
    await expect(p.getByTestId('command-count')).toHaveText(`${1 + answers.stored} commands`);
});
