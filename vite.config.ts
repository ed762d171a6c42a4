import { svelte } from '@sveltejs/vite-plugin-svelte';
import { playwright } from '@vitest/browser-playwright';
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, findChromium } from './test/support/chromium.ts';
import { CONTENT_SECURITY_POLICY, SERVED_HEADERS } from './src/served-headers.ts';

/**
 * Puts the CSP into the built index.html as well, so it holds on any static host. Only in the
 * build: the dev server injects styles inline for hot reload.
 */
function cspMeta(): Plugin {
  const metaPolicy = CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", '');
  return {
    name: 'powertrader-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: metaPolicy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [
    // No svelte.config.js: Svelte 5 finds runes by itself and TypeScript needs no preprocessor.
    svelte({ configFile: false }),
    cspMeta(),
    VitePWA({
      registerType: 'prompt',
      // main.ts registers the service worker itself: no inline script, CSP stays strict.
      injectRegister: false,
      // src/sw.ts: precaching plus the headers a plain static host does not send.
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      // The glob below already precaches every icon; listing them again would duplicate entries.
      includeManifestIcons: false,
      // Every URL is relative to the manifest, so one build works at a root or under any path.
      manifest: {
        id: './',
        name: 'PowerTrader — paper trading simulator',
        short_name: 'PowerTrader',
        description: 'Crypto paper-trading simulator that runs offline in your browser.',
        theme_color: '#0b1220',
        background_color: '#0b1220',
        display: 'standalone',
        start_url: './',
        scope: './',
        screenshots: [
          {
            src: 'screenshots/wide.png',
            sizes: '1280x800',
            type: 'image/png',
            form_factor: 'wide',
            label: 'A BTC price chart, the portfolio and the trade ticket',
          },
        ],
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: 'icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // The install dialog's screenshot is fetched online only; it need not live in the cache.
        globIgnores: ['screenshots/**'],
      },
    }),
  ],
  resolve: {
    // Dexie's ES module build, not its default UMD bundle: smaller, and the bundler can leave out
    // what the app does not use (the session worker's first load is on a budget).
    alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }],
  },
  worker: { format: 'es' },
  // Relative asset URLs: the same dist/ works at a host's root and under any sub-path.
  base: './',
  build: { target: 'es2022', sourcemap: false },
  preview: { headers: SERVED_HEADERS },
  test: {
    // CI machines have two cores: a cold start under load must not fail a test by time alone.
    testTimeout: 15_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              // Only a vitest run needs a browser; `vite build` must work without one.
              launchOptions: {
                executablePath: process.env.VITEST ? findChromium() : undefined,
                args: CHROMIUM_ARGS,
              },
            }),
            instances: [{ browser: 'chromium' }],
            // Several checkouts may test at once on one machine: VITEST_BROWSER_PORT keeps them apart.
            api: { port: Number(process.env.VITEST_BROWSER_PORT ?? 63315), strictPort: false },
          },
        },
      },
    ],
  },
});
