import { expect, openApp, test } from './fixtures.ts';

test('the app is installable: manifest with icons, standalone display and a service worker', async ({
  page,
  request,
  baseURL,
}) => {
  await openApp(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await (await request.get(href!)).json();
  expect(manifest).toMatchObject({
    short_name: 'PowerTrader',
    display: 'standalone',
    theme_color: '#0b1220',
    // Relative to the manifest: the same build installs from a root or a sub-path.
    id: './',
    start_url: './',
    scope: './',
  });
  const icons = manifest.icons as { src: string; sizes: string; purpose: string }[];
  expect(icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual([
    '192x192 any',
    '512x512 any',
    '512x512 maskable',
  ]);
  for (const icon of icons) {
    const response = await request.get(`/${icon.src}`);
    expect(response.headers()['content-type']).toBe('image/png');
  }
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(`${baseURL}/`);
});

test('the page is served with a strict Content-Security-Policy, in the header and the HTML', async ({
  page,
}) => {
  const response = await page.goto('/');
  const header = response!.headers()['content-security-policy'];
  for (const directive of [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ]) {
    expect(header).toContain(directive);
  }
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    /script-src 'self'/,
  );
  expect(await page.locator('script:not([src])').count()).toBe(0);
});

test('it asks for persistent storage and shows the answer', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('storage-status')).toHaveText(
    /Storage: (persistent|may be cleared)/,
  );
});

test('the watchers of these tests do catch a CSP violation and a console error', async ({
  page,
  problems,
}) => {
  await openApp(page);
  await page.evaluate(() => {
    const inline = document.createElement('script');
    inline.textContent = 'window.injected = true';
    document.body.append(inline);
  });
  await expect.poll(() => problems.some((p) => p.includes('CSP violation: script-src'))).toBe(true);
  expect(await page.evaluate(() => 'injected' in window)).toBe(false);
  // Clear what this test provoked on purpose, so that the fixture's own check passes.
  problems.length = 0;
});
