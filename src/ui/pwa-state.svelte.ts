/** Service worker and storage status, shown in the header. */
export class PwaState {
  /** A new version is installed and waiting; the user chooses when to reload. */
  needRefresh = $state(false);
  offlineReady = $state(false);
  /** Whether the browser promised to keep this site's data (null while asking). */
  persisted = $state<boolean | null>(null);
  private updater: ((reload: boolean) => Promise<void>) | undefined;

  /** Wires the service worker's update function (from vite-plugin-pwa's register). */
  setUpdater(update: (reload: boolean) => Promise<void>): void {
    this.updater = update;
  }

  async reload(): Promise<void> {
    await this.updater?.(true);
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
