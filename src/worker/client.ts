import { proxy, releaseProxy, wrap, type Remote } from 'comlink';
import type { SessionService } from './session-service.ts';

export type SessionClient = Remote<SessionService>;

/** Starts the session worker and returns its typed Comlink client. */
export function startSessionWorker(): { client: SessionClient; stop: () => void } {
  const worker = new Worker(new URL('./session.worker.ts', import.meta.url), {
    type: 'module',
    name: 'powertrader-session',
  });
  const client = wrap<SessionService>(worker);
  return {
    client,
    stop: () => {
      client[releaseProxy]();
      worker.terminate();
    },
  };
}

export { proxy };
