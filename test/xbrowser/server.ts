import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

/** Content types of what `vite build` writes, and nothing else: a plain static host. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves a folder as a plain static host would: no COOP/COEP/CSP headers, index.html for a
 * folder, 404 for anything missing. `extra` maps URL paths to files served from elsewhere (the
 * tests' in-page helper), which the app never asks for.
 */
export async function serveStatic(
  root: string,
  extra: Record<string, () => Promise<Buffer | string>> = {},
): Promise<StaticServer> {
  const base = resolve(root);
  const server: Server = createServer((request, response) => {
    void (async () => {
      try {
        const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
        const made = extra[path];
        if (made) {
          response.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'text/plain' });
          response.end(await made());
          return;
        }
        let file = normalize(join(base, path));
        if (file !== base && !file.startsWith(base + sep)) {
          response.writeHead(403).end('Forbidden');
          return;
        }
        if ((await stat(file).catch(() => undefined))?.isDirectory())
          file = join(file, 'index.html');
        const body = await readFile(file).catch(() => undefined);
        if (!body) {
          response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
          return;
        }
        response.writeHead(200, {
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
          'Content-Length': body.length,
        });
        response.end(request.method === 'HEAD' ? undefined : body);
      } catch (error) {
        response.writeHead(500).end(String(error));
      }
    })();
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
