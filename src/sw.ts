/// <reference lib="webworker" />
// The service worker: it precaches the whole app (offline), answers every navigation with the
// cached page, and adds to what it serves the headers a plain static host does not send, so from
// the second load on the app is cross-origin isolated (precise memory figures) and keeps its CSP.
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { addPlugins } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { clientsClaim } from 'workbox-core';
import { SERVED_HEADERS } from './served-headers.ts';

declare const self: ServiceWorkerGlobalScope;

addPlugins([{ handlerWillRespond: async ({ response }) => withServedHeaders(response) }]);
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Relative to this worker's own URL, so the same build works at a site root or under a sub-path.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));

// A first visit is taken under control at once, so "works offline" holds without a reload.
// Updates still wait for the user: the new worker activates only when a tab asks it to.
clientsClaim();
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

/** The same response with the isolation and security headers the app is built for. */
function withServedHeaders(response: Response): Response {
  if (response.type === 'opaque' || response.status === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(SERVED_HEADERS)) headers.set(name, value);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
