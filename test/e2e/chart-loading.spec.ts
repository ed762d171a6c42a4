import { expect, test } from './fixtures.ts';

// chart.js loads when the first chart is drawn, not with the page's first script: until then each
// chart's box already has its final size and says in words what it waits for.
test('the chart says it is loading in a box of its final size, then draws in that box', async ({
  page,
}) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/chart-kit-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  const chart = page.getByRole('img', { name: /BTC candlestick chart/ });
  await expect(chart.getByText('Loading the chart…')).toBeVisible();
  // The market runs meanwhile: the page is usable before any chart is drawn.
  await expect(page.getByTestId('equity')).toBeVisible();
  const waiting = await chart.boundingBox();

  release();
  await expect(chart.getByText('Loading the chart…')).toHaveCount(0);
  const drawn = await chart.boundingBox();
  expect({ width: drawn?.width, height: drawn?.height }).toEqual({
    width: waiting?.width,
    height: waiting?.height,
  });
  const painted = await chart.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    return data.some((value, i) => i % 4 === 3 && value > 0);
  });
  expect(painted).toBe(true);
});
