import { spawn } from 'node:child_process';
import type { Page } from 'playwright';

/** Serves the built app with `vite preview` on a port; `stop` ends it. */
export function startPreview(port: number): { url: string; stop: () => void } {
  const server = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    {
      stdio: 'ignore',
      detached: true,
    },
  );
  return { url: `http://127.0.0.1:${port}/`, stop: () => process.kill(-server.pid!) };
}

/** Opens a page once the server answers (it takes a moment to start). */
export async function openWhenReady(page: Page, url: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await page.goto(url);
      return;
    } catch (error) {
      if (attempt > 50) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
