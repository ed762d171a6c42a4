/** The part of the Web Locks API that the session service uses. */
export interface SessionLocks {
  request<T>(
    name: string,
    options: LockOptions,
    callback: (lock: Lock | null) => T | Promise<T>,
  ): Promise<T>;
}

/** How long a tab waits for another tab to say it holds a lock. */
const PROBE_MS = 300;

type Message =
  | { type: 'probe'; name: string; id: number; from: string }
  | { type: 'held'; name: string; id: number; to: string }
  | { type: 'steal'; name: string; from: string }
  | { type: 'released'; name: string };

/**
 * The session's lock manager: the browser's Web Locks where it has them; elsewhere (plain http at
 * a network address, where browsers withhold `navigator.locks`) a stand-in over BroadcastChannel.
 * The stand-in asks the other tabs whether one holds the lock and waits briefly for an answer, so
 * two tabs that open at the same instant can both believe they hold it; the writer epoch that
 * fences every write still lets only the latest of them store anything.
 */
export function sessionLocks(): SessionLocks {
  standIn ??= (globalThis.navigator as Navigator | undefined)?.locks ?? new TabLocks();
  return standIn;
}
let standIn: SessionLocks | undefined;

class TabLocks implements SessionLocks {
  private readonly me = Math.random().toString(36).slice(2);
  private readonly channel = new BroadcastChannel('powertrader:tab-locks');
  private readonly held = new Map<string, (reason: Error) => void>();
  private readonly answers = new Map<number, () => void>();
  private readonly waiters = new Set<() => void>();
  private nextId = 0;

  constructor() {
    this.channel.onmessage = (event: MessageEvent<Message>) => this.receive(event.data);
  }

  async request<T>(
    name: string,
    options: LockOptions,
    callback: (lock: Lock | null) => T | Promise<T>,
  ): Promise<T> {
    if (options.steal) this.post({ type: 'steal', name, from: this.me });
    else {
      while (await this.isHeldElsewhere(name)) {
        if (options.ifAvailable) return callback(null);
        await this.released(options.signal);
      }
    }
    return this.hold(name, options.mode ?? 'exclusive', callback);
  }

  private async hold<T>(
    name: string,
    mode: LockMode,
    callback: (lock: Lock | null) => T | Promise<T>,
  ): Promise<T> {
    let stolen!: (reason: Error) => void;
    const lost = new Promise<never>((_, reject) => (stolen = reject));
    this.held.set(name, stolen);
    try {
      return await Promise.race([callback({ name, mode }), lost]);
    } finally {
      if (this.held.get(name) === stolen) {
        this.held.delete(name);
        this.post({ type: 'released', name });
      }
    }
  }

  private isHeldElsewhere(name: string): Promise<boolean> {
    if (this.held.has(name)) return Promise.resolve(true);
    const id = this.nextId++;
    return new Promise((settle) => {
      const timer = setTimeout(() => {
        this.answers.delete(id);
        settle(false);
      }, PROBE_MS);
      this.answers.set(id, () => {
        clearTimeout(timer);
        this.answers.delete(id);
        settle(true);
      });
      this.post({ type: 'probe', name, id, from: this.me });
    });
  }

  /** Resolves when some tab lets go of a lock; rejects when the wait is withdrawn. */
  private released(signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      const abort = () => {
        this.waiters.delete(wake);
        reject(new DOMException('The lock request was aborted.', 'AbortError'));
      };
      const wake = () => {
        this.waiters.delete(wake);
        signal?.removeEventListener('abort', abort);
        resolve();
      };
      if (signal?.aborted) return abort();
      signal?.addEventListener('abort', abort, { once: true });
      this.waiters.add(wake);
    });
  }

  private receive(message: Message): void {
    switch (message.type) {
      case 'probe':
        if (this.held.has(message.name))
          this.post({ type: 'held', name: message.name, id: message.id, to: message.from });
        return;
      case 'held':
        if (message.to === this.me) this.answers.get(message.id)?.();
        return;
      case 'steal': {
        const steal = this.held.get(message.name);
        this.held.delete(message.name);
        steal?.(new DOMException('Another tab took the lock.', 'AbortError'));
        return;
      }
      case 'released':
        for (const wake of [...this.waiters]) wake();
        return;
      default:
        return message satisfies never;
    }
  }

  private post(message: Message): void {
    this.channel.postMessage(message);
  }
}
