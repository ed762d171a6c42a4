import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures.ts';

/** How a control that declares a one-second fade and animation actually moves on this page. */
function motionOfAFadingControl(page: Page): Promise<{ transition: string; animation: string }> {
  return page.evaluate(() => {
    const button = document.createElement('button');
    button.style.transition = 'opacity 1s';
    button.style.animation = 'spin 1s infinite';
    document.querySelector('main')!.append(button);
    const style = getComputedStyle(button);
    const motion = { transition: style.transitionDuration, animation: style.animationDuration };
    button.remove();
    return motion;
  });
}

test.describe('with reduced motion asked for', () => {
  test.use({ reducedMotion: 'reduce' });

  test('nothing on the page fades, slides or spins', async ({ page }) => {
    await openApp(page);
    expect(await motionOfAFadingControl(page)).toEqual({ transition: '0s', animation: '0s' });
    // No element of the pages with charts moves (the charts themselves never animate).
    for (const link of ['Trade', 'Costs', 'Monitor']) {
      await page.getByRole('link', { name: link, exact: true }).click();
      await expect(page.locator('main canvas').first()).toBeVisible();
      const moving = await page.evaluate(
        () =>
          [...document.querySelectorAll('*')].filter((e) => {
            const s = getComputedStyle(e);
            return s.transitionDuration !== '0s' || s.animationDuration !== '0s';
          }).length,
      );
      expect(moving, `elements that move on ${link}`).toBe(0);
    }
  });
});

test('without that wish the page keeps what a control declares', async ({ page }) => {
  await openApp(page);
  expect(await motionOfAFadingControl(page)).toEqual({ transition: '1s', animation: '1s' });
});
