import { mount } from 'svelte';
import { registerSW } from 'virtual:pwa-register';
import App from './ui/App.svelte';
import './ui/app.css';
import { PwaState } from './ui/pwa-state.svelte.ts';
import { SessionState } from './ui/session-state.svelte.ts';
import { MonitorState } from './ui/monitor/monitor-state.svelte.ts';
import { startSessionWorker } from './worker/client.ts';

const pwa = new PwaState();
pwa.setUpdater(
  registerSW({
    onNeedRefresh: () => (pwa.needRefresh = true),
    onOfflineReady: () => pwa.refreshOffline(),
    // Only the tab whose user chose Reload reloads; the others keep their input and their prompt.
    onNeedReload: () => pwa.newVersionActive(),
  }),
);
void pwa.askPersistence();

const { client } = startSessionWorker();
const session = new SessionState(client);
pwa.beforeReload = () => client.holdForReload();
const monitor = new MonitorState(client, pwa);
session.onNotice = (message) => void monitor.log('info', 'session', message);
void session
  .start()
  .then(() => monitor.start())
  .catch((error: unknown) => {
    session.failure = `The simulator could not start: ${error instanceof Error ? error.message : String(error)}`;
  });

// The page is drawn in a task of its own, after the worker has been started and the modules
// evaluated: two shorter tasks instead of one long one (Lighthouse's blocking time).
setTimeout(() =>
  mount(App, { target: document.getElementById('app')!, props: { session, pwa, monitor } }),
);
