/** Whether this page can be used offline, in one sentence the badge and the self-test share. */
export interface OfflineStatus {
  state: 'ready' | 'preparing' | 'unavailable';
  text: string;
}

/** The offline status now: ready only while a service worker serves this page. */
export function offlineStatus(): OfflineStatus {
  if (import.meta.env.DEV)
    return { state: 'unavailable', text: 'The dev server has no offline copy; run the built app.' };
  if (!('serviceWorker' in navigator)) {
    return {
      state: 'unavailable',
      text: window.isSecureContext
        ? 'This browser cannot keep the app for offline use.'
        : 'Online only: browsers allow offline use over https or on localhost, not plain http.',
    };
  }
  return navigator.serviceWorker.controller
    ? { state: 'ready', text: 'Works offline' }
    : { state: 'preparing', text: 'Saving for offline use; works offline once saved.' };
}

/** Service worker and storage status, shown in the header. */
export class PwaState {
  /** A new version is installed and waiting; the user chooses when to reload. */
  needRefresh = $state(false);
  offline = $state<OfflineStatus>(offlineStatus());
  /** Whether the browser promised to keep this site's data (null while asking). */
  persisted = $state<boolean | null>(null);
  private updater: ((reload: boolean) => Promise<void>) | undefined;
  private accepted = false;
  /** Runs before this tab reloads for a new version (the session keeps its writer here). */
  beforeReload: (() => Promise<unknown>) | undefined;

  constructor() {
    navigator.serviceWorker?.addEventListener('controllerchange', () => {
      // A first visit is taken over once the app is cached; an accepted update, once it is active.
      this.refreshOffline();
      if (this.accepted) window.location.reload();
    });
  }

  get offlineReady(): boolean {
    return this.offline.state === 'ready';
  }

  refreshOffline(): void {
    this.offline = offlineStatus();
  }

  /** Wires the service worker's update function (from vite-plugin-pwa's register). */
  setUpdater(update: (reload: boolean) => Promise<void>): void {
    this.updater = update;
  }

  /** The user chose to load the new version: activate it; this tab reloads once it serves. */
  async reload(): Promise<void> {
    this.accepted = true;
    await this.beforeReload?.();
    const waiting = (await navigator.serviceWorker?.getRegistration())?.waiting;
    // Another tab already switched to the new version: loading it is all that is left.
    if (!waiting) window.location.reload();
    else await this.updater?.(true);
  }

  /** A new version took control while this tab runs the old one: it keeps the prompt. */
  newVersionActive(): void {
    if (!this.accepted) this.needRefresh = true;
  }

  /** Asks for persistent storage once; later visits only read the answer. */
  async askPersistence(): Promise<void> {
    if (!navigator.storage?.persisted) {
      this.persisted = false;
      return;
    }
    this.persisted = (await navigator.storage.persisted()) || (await navigator.storage.persist());
  }
}
