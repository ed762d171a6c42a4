import { sessionLocks } from './tab-locks.ts';

/** How a tab asks for a session's lock: only if free, by taking it, or by waiting in line. */
export type LockMode = 'try' | 'steal' | 'wait';

/**
 * The lock that makes one tab the writer of a session. It remembers which of its requests holds
 * the lock, so that when another tab steals it, only the loss of the current hold is reported.
 */
export class WriterLock {
  private readonly locks = sessionLocks();
  private token = 0;
  private heldToken = -1;
  private release: (() => void) | undefined;
  private waitAbort: AbortController | undefined;

  /** `onStolen` runs when another tab takes the lock this tab held. */
  constructor(private readonly onStolen: () => void) {}

  /** Requests the lock; resolves true once held, false if not granted or withdrawn. */
  request(name: string, mode: LockMode): Promise<boolean> {
    const token = ++this.token;
    const abort = new AbortController();
    if (mode === 'wait') this.waitAbort = abort;
    const options: LockOptions =
      mode === 'try'
        ? { ifAvailable: true }
        : mode === 'steal'
          ? { steal: true }
          : { signal: abort.signal };
    return new Promise<boolean>((settle) => {
      this.locks
        .request(name, options, (lock) => {
          if (!lock) return settle(false);
          this.heldToken = token;
          settle(true);
          return new Promise<void>((release) => (this.release = release));
        })
        .catch(() => {
          // Either our waiting request was withdrawn, or another tab stole the lock we held.
          settle(false);
          if (this.heldToken === token) {
            this.heldToken = -1;
            this.onStolen();
          }
        });
    });
  }

  /** Stops waiting in line (before taking over, or on closing). */
  stopWaiting(): void {
    this.waitAbort?.abort();
  }

  /** Stops waiting and lets go of a held lock. */
  releaseAll(): void {
    this.stopWaiting();
    this.release?.();
    this.release = undefined;
  }

  /** Runs `change` holding another session's lock; false when some tab holds it. */
  ifFree(name: string, change: () => Promise<void>): Promise<boolean> {
    return this.locks.request(name, { ifAvailable: true }, async (lock) => {
      if (!lock) return false;
      await change();
      return true;
    });
  }
}
