import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { lessonSchema } from '../../src/schema/lesson.ts';
import { money } from '../../src/ui/format.ts';
import { expect, openApp, openAppOffline, test } from './fixtures.ts';

// The figures the engine gives for seed 42, from `npm run sim -- lesson` in node: the page, whose
// worker runs the same engine in the browser, must show the same.
const lesson = lessonSchema.parse(
  JSON.parse(
    execFileSync('npx', ['tsx', 'src/cli/sim.ts', 'lesson', '--seed', '42'], {
      cwd: new URL('../..', import.meta.url),
      encoding: 'utf8',
    }),
  ),
);
const tier = (name: string) => lesson.tiers.find((t) => t.tier === name)!;

async function step(page: Page, n: number, title: string): Promise<void> {
  await expect(page.getByTestId('lesson-step')).toHaveText(`Lesson · step ${n} of 6`);
  await expect(page.locator('#lesson-title')).toHaveText(title);
}

test('lesson mode steps through with the keyboard, offline, shows the engine’s figures and keeps its session', async ({
  page,
  context,
}) => {
  await openAppOffline(page, context);
  await page.getByRole('link', { name: 'Lesson' }).click();

  await step(page, 1, 'A new account');
  await expect(page.getByTestId('lesson-cash')).toHaveText('$50,000.00');
  await page.keyboard.press('ArrowRight');

  await step(page, 2, 'Three tiers, three limits');
  await expect(page.getByTestId('limit-conservative')).toHaveText('$499.73');
  await expect(page.getByTestId('limit-moderate')).toHaveText('$999.46');
  await expect(page.getByTestId('limit-aggressive')).toHaveText('$999.46');
  await expect(page.getByTestId('cap-aggressive')).toContainText('would be $1,499.19');
  await page.keyboard.press('ArrowRight');

  await step(page, 3, 'Five buys');
  for (const name of ['conservative', 'moderate', 'aggressive']) {
    await expect(page.getByTestId(`invested-${name}`)).toHaveText(money(tier(name).invested));
    for (const buy of tier(name).buys)
      await expect(page.getByTestId(`buy-${name}-${buy.symbol}`)).toContainText(
        money(buy.notional),
      );
  }
  await page.keyboard.press('ArrowRight');

  await step(page, 4, 'A flash crash');
  for (const name of ['conservative', 'moderate', 'aggressive']) {
    await expect(page.getByTestId(`after-${name}`)).toHaveText(money(tier(name).equityAfterCrash));
    await expect(page.getByTestId(`loss-${name}`)).toHaveText(money(tier(name).dayLoss));
  }
  await page.keyboard.press('ArrowRight');

  await step(page, 5, 'Which breaker trips, and why');
  await expect(page.getByTestId('breaker-conservative')).toContainText('breaker trips');
  await expect(page.getByTestId('breaker-moderate')).toContainText(
    `Today's loss of ${money(tier('moderate').dayLoss)}`,
  );
  await expect(page.getByTestId('breaker-moderate')).toContainText('$2,000.00 (4%');
  await expect(page.getByTestId('breaker-aggressive')).toContainText('no trip');
  await expect(page.getByTestId('breaker-conclusion')).toContainText(
    'Conservative and Moderate halt new buys. Aggressive keeps trading',
  );
  // Back, by the arrow key and by the button, then on again with the Next button.
  await page.keyboard.press('ArrowLeft');
  await step(page, 4, 'A flash crash');
  await page.getByRole('button', { name: 'Back' }).focus();
  await page.keyboard.press('Enter');
  await step(page, 3, 'Five buys');
  await page.getByRole('button', { name: 'Next' }).focus();
  await page.keyboard.press('Enter');
  await step(page, 4, 'A flash crash');
  await page.keyboard.press('Enter');
  await step(page, 5, 'Which breaker trips, and why');
  await page.keyboard.press('ArrowRight');

  await step(page, 6, 'Summary');
  const summary = page.getByTestId('lesson-summary');
  await expect(summary).toContainText(money(tier('aggressive').endEquity));
  for (const name of ['conservative', 'moderate', 'aggressive']) {
    await expect(page.getByTestId(`summary-limit-${name}`)).toHaveText(money(tier(name).limit));
    await expect(page.getByTestId(`summary-end-${name}`)).toHaveText(money(tier(name).endEquity));
  }
  await expect(page.getByTestId('summary-breaker-aggressive')).toHaveText('not tripped');
  await expect(page.getByTestId('summary-breaker-conservative')).toContainText('tripped');
  await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
  await page.keyboard.press('ArrowRight');
  await step(page, 6, 'Summary');

  await page.getByRole('button', { name: 'Keep this session' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lesson-kept')).toContainText('Kept as “Lesson, seed 42”');
  await page.getByRole('link', { name: 'Open it on the Sessions page' }).click();
  await expect(page.getByTestId('session-row').filter({ hasText: 'Lesson, seed 42' })).toHaveCount(
    1,
  );

  // The same lesson kept again is a second session with a name of its own.
  await page.getByRole('link', { name: 'Lesson' }).click();
  await expect(page.getByTestId('lesson-cash')).toBeVisible();
  for (let n = 1; n < 6; n++) await page.keyboard.press('ArrowRight');
  await step(page, 6, 'Summary');
  await page.getByRole('button', { name: 'Keep this session' }).click();
  await expect(page.getByTestId('lesson-kept')).toContainText('Kept as “Lesson, seed 42 (2)”');
  await context.setOffline(false);
});

for (const { width, large } of [
  { width: 360, large: false },
  { width: 1920, large: false },
  { width: 360, large: true },
]) {
  test(`every lesson step fits ${width} px${large ? ' in large type' : ''} without sideways scrolling`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await openApp(page);
    if (large) await page.getByRole('button', { name: 'Large type' }).click();
    await page.goto('/#/lesson');
    await expect(page.getByTestId('lesson-cash')).toBeVisible();
    for (let n = 1; n <= 6; n++) {
      await expect(page.getByTestId('lesson-step')).toHaveText(`Lesson · step ${n} of 6`);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(scrollWidth, `step ${n}`).toBeLessThanOrEqual(innerWidth);
      await page.keyboard.press('ArrowRight');
    }
  });
}
