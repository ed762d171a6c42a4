import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  readonly origin: string;
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A plain static file server, like a school web server or `python3 -m http.server`: files and
 * their content types, index.html for a folder, and no other header (no COOP, COEP or CSP).
 * `mount` is the path the folder appears under, "/" or a sub-path such as "/classes/pt/".
 */
export async function serveStatic(
  folder: string,
  {
    mount = '/',
    host = '127.0.0.1',
    port = 0,
    extra = {},
  }: {
    mount?: string;
    host?: string;
    port?: number;
    /** Test-only files by path (the smoke suites' in-page helper), which the app never asks for. */
    extra?: Record<string, () => Promise<Buffer | string>>;
  } = {},
): Promise<StaticServer> {
  const root = resolve(folder);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const made = extra[path];
    if (made) {
      void made().then((body) =>
        response.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'text/plain' }).end(body),
      );
      return;
    }
    if (!path.startsWith(mount)) return notFound(response);
    let file = normalize(join(root, path.slice(mount.length)));
    if (file !== root && !file.startsWith(root + sep)) return notFound(response);
    try {
      if (statSync(file).isDirectory()) {
        if (!path.endsWith('/')) {
          response.writeHead(301, { Location: `${path}/` }).end();
          return;
        }
        file = join(file, 'index.html');
      }
      const size = statSync(file).size;
      response.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': size,
      });
      createReadStream(file).pipe(response);
    } catch {
      notFound(response);
    }
  });
  await new Promise<void>((ready) => server.listen(port, host, ready));
  const origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: `${origin}${mount}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function notFound(response: import('node:http').ServerResponse): void {
  response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
}
