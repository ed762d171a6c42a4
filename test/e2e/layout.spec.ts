import type { Page } from '@playwright/test';
import { APP_PAGES, expect, openApp, test } from './fixtures.ts';

// Phone, tablet, laptop and projector: no page scrolls sideways, and every control is on screen
// or inside a container that scrolls, is labelled and takes keyboard focus.
const WIDTHS = [360, 768, 1280, 1920];
const PAGES = APP_PAGES;

/** Controls that stick out of the viewport and are not inside a focusable scroll container. */
function strayControls(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const inScroller = (el: Element) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (/(auto|scroll)/.test(style.overflowX) && p.scrollWidth > p.clientWidth)
          return (
            p.tabIndex >= 0 && !!(p.getAttribute('aria-label') || p.getAttribute('aria-labelledby'))
          );
      }
      return false;
    };
    return [...document.querySelectorAll('button, input, select, a[href], textarea')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) return false;
        return (box.left < -1 || box.right > width + 1) && !inScroller(el);
      })
      .map(
        (el) =>
          `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}"`,
      );
  });
}

/** Controls smaller than WCAG 2.2's 24 × 24 px target (a radio or checkbox counts its label). */
function smallTargets(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('button, select, input, textarea')]
      .map((el) => {
        const box = (
          el.matches('[type=radio], [type=checkbox]') ? (el.closest('label') ?? el) : el
        ).getBoundingClientRect();
        return { el, box };
      })
      .filter(({ box }) => box.width > 0 && (box.width < 24 || box.height < 24))
      .map(
        ({ el, box }) =>
          `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
      ),
  );
}

const CASES = [
  ...WIDTHS.map((width) => ({ width, large: false })),
  // A projector at the back of the room, and a phone, with "Large type" on.
  { width: 1920, large: true },
  { width: 360, large: true },
];

for (const { width, large } of CASES) {
  test(`at ${width} px${large ? ' in large type' : ''} no page scrolls sideways, after the demo and a lab run`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await openApp(page);
    if (large) await page.getByRole('button', { name: 'Large type' }).click();
    await page.getByLabel('Seed').fill('42');
    await page.getByRole('button', { name: 'Run the demo' }).click();
    await expect(page.getByTestId('position-DOT')).toBeVisible();
    const overflow: string[] = [];
    for (const id of PAGES) {
      await page.goto(`/#/${id}`);
      if (id === 'lab') {
        await page.getByRole('button', { name: 'Run one seed' }).click();
        await expect(page.getByTestId('lab-table')).toBeVisible();
      } else {
        await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
      }
      await page.waitForLoadState('domcontentloaded');
      const { scroll, inner } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        inner: window.innerWidth,
      }));
      if (scroll > inner) overflow.push(`${id}: page ${scroll} px wide in ${inner}`);
      for (const stray of await strayControls(page)) overflow.push(`${id}: ${stray} off screen`);
      for (const small of await smallTargets(page)) overflow.push(`${id}: ${small} is too small`);
    }
    expect(overflow).toEqual([]);
  });
}
