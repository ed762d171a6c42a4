import { svelte } from '@sveltejs/vite-plugin-svelte';
import { playwright } from '@vitest/browser-playwright';
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, findChromium } from './test/support/chromium.ts';

/** The Content-Security-Policy the built app keeps; the e2e tests count its violations. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // Cross-origin isolation: everything the app loads is its own, and it gives the monitor the
  // browser's precise memory figures (measureUserAgentSpecificMemory, unbucketed heap sizes).
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

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
      // The glob below already precaches every icon; listing them again would duplicate entries.
      includeManifestIcons: false,
      manifest: {
        name: 'PowerTrader — paper trading simulator',
        short_name: 'PowerTrader',
        description: 'Crypto paper-trading simulator that runs offline in your browser.',
        theme_color: '#0b1220',
        background_color: '#0b1220',
        display: 'standalone',
        start_url: '/',
        scope: '/',
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
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // The install dialog's screenshot is fetched online only; it need not live in the cache.
        globIgnores: ['screenshots/**'],
        navigateFallback: '/index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false },
  preview: { headers: SECURITY_HEADERS },
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
