import { proxy } from 'comlink';
import type { Command } from '../engine/commands.ts';
import { ok, refuse, type Result } from '../engine/result.ts';
import { Session, stateHash } from '../engine/session.ts';
import type { MetricId } from '../engine/monitor/metrics.ts';
import { Connection } from '../db/connection.ts';
import {
  appendCommand,
  claimWriter,
  DamagedSessionError,
  DEFAULT_DB_NAME,
  loadSession,
  readableName,
  saveSnapshot,
  sessionIdsByRecency,
  type StoredSession,
} from '../db/session-store.ts';
import {
  describeError,
  describeIssues,
  openRequestSchema,
  type CommandAck,
  type DamagedSession,
  type Role,
  type SessionView,
  type WorkerMessage,
} from '../schema/messages.ts';
import type { SessionId, SessionRow, SnapshotRow } from '../schema/rows.ts';
import { CandleBook } from './candle-book.ts';
import { ClockRunner } from './clock-runner.ts';
import { LazyMonitor } from './lazy-monitor.ts';
import { createDefaultSession, restore } from './stored-sessions.ts';
import { WriterLock } from './writer-lock.ts';

/** Views pushed to the UI: ten a second, the latest state each time (a person sees no more). */
const PUSH_INTERVAL_MS = 100;
/** How often the clock's progress between commands is saved, in wall milliseconds. */
const CLOCK_SAVE_INTERVAL_MS = 5000;
/** How long the tabs that follow leave a session to a writer that reloads for a new version. */
const RELOAD_HOLD_MS = 15_000;
/** Commands between stored snapshots; resuming replays at most this many. */
export const CHECKPOINT_EVERY = 100;
/** What a person can do when storage is full; shown in the banner and in every refusal. */
export const STORAGE_FULL_HELP =
  'Export and delete old sessions on the Sessions page, or free space on this device; nothing was lost.';

/** The session this tab shows, with the database and channel it came through. */
export interface Opened {
  readonly connection: Connection;
  readonly channel: BroadcastChannel;
  readonly lockName: string;
  row: SessionRow;
  session: Session;
}

/**
 * Owns the open session inside the worker: which one it is, whether this tab writes it, and
 * persistence. It is the only writer of its session while it holds the session's lock, and every
 * write is fenced by the writer epoch, so a tab that lost the lock can never write again.
 */
export class SessionHost {
  opened: Opened | undefined;
  role: Role = 'follower';
  /** Storage refused a write at open: the session is shown and nothing is written. */
  readOnly = false;
  /** Sessions passed over at the last open because they could not be opened. */
  damaged: DamagedSession[] = [];
  book: CandleBook | undefined;
  readonly clock = new ClockRunner({
    driven: () => (this.role === 'leader' ? this.opened?.session : undefined),
    tickMs: () => this.opened?.row.config.tickMs ?? 1000,
    changed: () => this.marketMoved(),
    save: () => this.enqueue(() => this.saveClock()),
    periodic: () => this.saveWhenDue(),
  });
  /** Live monitoring: alert rules, alerts and the device's log. */
  // Marked as a proxy so the page's client reaches it as `client.monitor.sample(…)`.
  readonly monitor = proxy(
    new LazyMonitor({
      database: () => this.opened?.connection.database(),
      figures: () => this.monitorFigures(),
    }),
  );
  private readonly lock = new WriterLock(() =>
    this.lostLeadership('Another tab took over this session. This tab now follows it.'),
  );
  private epoch = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private queued = 0;
  private listener: ((message: WorkerMessage) => unknown) | undefined;
  private pushTimer: ReturnType<typeof setTimeout> | undefined;
  private lastPush = 0;
  /** The page is hidden (another tab, minimized): it is sent no views until it is seen again. */
  private hidden = false;
  private lastSave = 0;
  private unsaved = false;
  private hashCache: { key: string; hash: string } | undefined;
  /** Until when a writer that reloads for an update keeps its session (see holdForReload). */
  private reloadHoldUntil = 0;

  /** `view` builds what is pushed to the page. */
  constructor(private readonly view: () => Promise<SessionView>) {}

  /** Registers the one listener that receives pushed views and notices. */
  subscribe(listener: (message: WorkerMessage) => unknown): void {
    this.listener = listener;
  }

  /** Opens a session (the latest, or a new one) as its writer if no other tab is. */
  async open(input: unknown): Promise<Result<SessionView>> {
    const request = openRequestSchema.safeParse(input ?? {});
    if (!request.success) return refuse('bad-request', describeIssues(request.error));
    await this.close();
    const dbName = request.data.dbName ?? DEFAULT_DB_NAME;
    this.clock.resetPace();
    this.readOnly = false;
    const connection = await Connection.open(dbName);
    const found = await this.firstThatOpens(connection, request.data.sessionId);
    if (!found) {
      connection.close();
      return refuse('not-found', 'That session no longer exists on this device.');
    }
    const id = found.stored.row.id;
    const channel = new BroadcastChannel(sessionKey(dbName, id));
    channel.onmessage = (event: MessageEvent) => {
      if (event.data === 'reloading') this.reloadHoldUntil = Date.now() + RELOAD_HOLD_MS;
      else void this.followChange();
    };
    this.opened = {
      connection,
      channel,
      lockName: sessionKey(dbName, id),
      row: found.stored.row,
      session: found.session,
    };
    this.attachBook();
    if (await this.lock.request(this.opened.lockName, 'try')) await this.becomeLeader();
    else this.becomeFollower();
    return ok(await this.view());
  }

  /** Makes this tab the writer, safely, even while another tab holds the session. */
  async takeOver(): Promise<Result<SessionView>> {
    if (!this.opened) return refuse('not-open', 'No session is open.');
    if (this.role !== 'leader') {
      this.lock.stopWaiting();
      await this.lock.request(this.opened.lockName, 'steal');
      await this.becomeLeader();
    }
    return ok(await this.view());
  }

  /**
   * This tab is about to reload for a new version: as the writer, it asks the tabs that follow to
   * leave the session to its reloaded self, so an update does not move the writer elsewhere.
   */
  holdForReload(): void {
    if (this.role === 'leader') this.opened?.channel.postMessage('reloading');
  }

  /** Stops the clock, saves its progress and lets go of the lock and the database. */
  async close(): Promise<void> {
    const opened = this.opened;
    if (!opened) return;
    if (this.role === 'leader') await this.enqueue(() => this.saveClock());
    this.clock.stop();
    this.role = 'follower';
    this.lock.releaseAll();
    opened.channel.close();
    opened.connection.close();
    this.opened = undefined;
  }

  /** Applies and persists one command, in turn with every other write; answers once durable. */
  submit(command: Command): Promise<Result<CommandAck>> {
    return this.enqueue(() => this.applyAndPersist(command));
  }

  /** Runs a change on a session that is not open here, holding its lock so no other tab is in it. */
  async whileUnused(
    dbName: string,
    id: string,
    change: () => Promise<void>,
  ): Promise<Result<true>> {
    const done = await this.lock.ifFree(sessionKey(dbName, id), change);
    return done ? ok(true) : refuse('in-use', 'That session is open in another tab.');
  }

  /** The state hash now; computed once per state (views are pushed far more often). */
  async currentHash(): Promise<string> {
    const { row, session } = this.opened!;
    const key = `${row.id}:${session.seq}:${session.time}`;
    if (this.hashCache?.key !== key) {
      this.hashCache = { key, hash: await stateHash(session.snapshot()) };
    }
    return this.hashCache.hash;
  }

  /** The page says whether it is seen; on its return it gets one fresh view. */
  setVisible(visible: unknown): void {
    this.hidden = visible !== true;
    this.schedulePush();
  }

  /** Sends the page a fresh view soon: at most PUSH_INTERVAL_MS apart, none while it is hidden. */
  schedulePush(): void {
    if (this.pushTimer !== undefined || !this.listener || this.hidden) return;
    const wait = Math.max(0, PUSH_INTERVAL_MS - (performance.now() - this.lastPush));
    this.pushTimer = setTimeout(() => {
      this.pushTimer = undefined;
      this.lastPush = performance.now();
      // A view under way when the page was hidden is not sent either.
      if (this.opened)
        void this.view().then((view) => !this.hidden && this.notify({ type: 'view', view }));
    }, wait);
  }

  notify(message: WorkerMessage): void {
    try {
      void Promise.resolve(this.listener?.(message)).catch(() => undefined);
    } catch {
      // A listener that went away (its page closed) is not this worker's problem.
    }
  }

  /**
   * The asked-for session, else the one saved last, else the next that opens, else a new one.
   * A session whose rows do not parse or whose log does not replay is set aside and named, so
   * that one broken session never stops the app. Undefined only if the asked-for one is gone.
   */
  private async firstThatOpens(
    connection: Connection,
    asked: SessionId | undefined,
  ): Promise<{ stored: StoredSession; session: Session } | undefined> {
    this.damaged = [];
    const recent = await sessionIdsByRecency(connection.idb);
    if (asked !== undefined && !recent.includes(asked)) return undefined;
    const candidates = asked === undefined ? recent : [asked, ...recent.filter((i) => i !== asked)];
    for (const id of candidates) {
      try {
        // Ids come raw from the table's keys: a malformed one shows up as a damaged row.
        const stored = await loadSession(connection.idb, id as SessionId);
        if (stored) return { stored, session: await restore(connection, stored) };
      } catch (error) {
        if (!(error instanceof DamagedSessionError)) throw error;
        const name = await readableName(connection.idb, id);
        this.damaged.push({ id, ...(name ? { name } : {}), reason: error.message });
      }
    }
    const created = await createDefaultSession(await connection.database());
    const stored = (await loadSession(connection.idb, created))!;
    return { stored, session: await restore(connection, stored) };
  }

  private async applyAndPersist(command: Command): Promise<Result<CommandAck>> {
    const opened = this.opened;
    if (!opened || this.role !== 'leader') {
      return refuse('not-writer', 'This session is open in another tab. Take over to trade here.');
    }
    if (this.readOnly)
      return refuse(
        'storage-full',
        `Storage on this device is full, so this session is read-only and nothing was changed. ${STORAGE_FULL_HELP}`,
      );
    this.clock.advance();
    const { session, row } = opened;
    const at = session.time;
    const outcome = session.apply(command);
    if (!outcome.ok) return outcome;
    const seq = session.seq;
    // A resubmitted order id changes nothing and is not logged: the log numbers only commands
    // that count, which is what resuming and importing rely on.
    if (outcome.value[0]?.type === 'duplicate' && seq >= 1)
      return ok({ seq, at, events: [...outcome.value] });
    // The command alone is stored; the whole state and its hash only every CHECKPOINT_EVERY
    // commands and with the clock's saves, so a command costs the same in a long session.
    const checkpoint = seq % CHECKPOINT_EVERY === 0 ? await this.snapshotRow(opened) : undefined;
    let persistedAt: number;
    try {
      const started = performance.now();
      const written = await appendCommand(
        opened.connection.idb,
        this.epoch,
        { sessionId: row.id, seq, at, command },
        checkpoint,
      );
      const finished = performance.now();
      this.monitor.noteWrite(finished - started);
      persistedAt = performance.timeOrigin + finished;
      if (!written.ok) {
        this.lostLeadership(written.message);
        return written;
      }
    } catch (error) {
      this.monitor.noteWriteFailed(error);
      // The engine moved on in memory but the log did not: go back to what is stored.
      opened.session = await restore(
        opened.connection,
        (await loadSession(opened.connection.idb, row.id))!,
      );
      this.attachBook();
      return refuse(
        'storage-failed',
        `The command could not be saved (${describeError(error)}). Nothing changed.${isQuotaError(error) ? ` ${STORAGE_FULL_HELP}` : ''}`,
      );
    }
    if (checkpoint) this.saved(opened);
    else {
      // In the log, not yet in a snapshot: the clock's next save writes one.
      this.unsaved = true;
      opened.channel.postMessage('changed');
    }
    this.schedulePush();
    return ok({ seq, at, events: [...outcome.value], persistedAt });
  }

  private async saveClock(): Promise<void> {
    const opened = this.opened;
    if (!opened || this.role !== 'leader' || !this.unsaved || this.readOnly) return;
    const snapshot = await this.snapshotRow(opened);
    const started = performance.now();
    const written = await saveSnapshot(opened.connection.idb, this.epoch, snapshot).catch(
      (error: unknown) => {
        this.monitor.noteWriteFailed(error);
        throw error;
      },
    );
    this.monitor.noteWrite(performance.now() - started);
    if (!written.ok) return this.lostLeadership(written.message);
    this.saved(opened);
  }

  /** The whole state now with its hash, as the snapshot row that resuming starts from. */
  private async snapshotRow(opened: Opened): Promise<SnapshotRow> {
    const state = opened.session.snapshot();
    const hash = await stateHash(state);
    this.hashCache = { key: `${opened.row.id}:${state.seq}:${state.time}`, hash };
    return {
      sessionId: opened.row.id,
      hash,
      savedAt: Date.now(),
      clock: this.clock.settings(),
      state,
    };
  }

  /** Something was stored: tell the other tabs. */
  private saved(opened: Opened): void {
    this.lastSave = Date.now();
    this.unsaved = false;
    opened.channel.postMessage('changed');
  }

  private marketMoved(): void {
    this.unsaved = true;
    this.schedulePush();
  }

  /** The clock's progress between commands is saved every few seconds. */
  private saveWhenDue(): void {
    if (this.unsaved && Date.now() - this.lastSave >= CLOCK_SAVE_INTERVAL_MS) {
      this.lastSave = Date.now();
      // A failed save is in the monitor's database health; the next one tries again.
      void this.enqueue(() => this.saveClock()).catch(() => undefined);
    }
  }

  private async becomeLeader(): Promise<void> {
    const opened = this.opened!;
    // Claiming writes (the fencing token): a full or failing storage opens the session read-only.
    const claimed = await claimWriter(opened.connection.idb, opened.row.id).catch(
      (error: unknown) => {
        if (error instanceof DamagedSessionError) throw error;
        this.becomeReadOnly(error);
        return null;
      },
    );
    if (claimed === null) return;
    if (!claimed) throw new Error('The session disappeared while opening it.');
    this.epoch = claimed.epoch;
    opened.row = claimed.stored.row;
    opened.session = await restore(opened.connection, claimed.stored);
    this.attachBook();
    this.role = 'leader';
    this.clock.start(opened.session.time, claimed.stored.snapshot.clock);
    // Saving at once marks this session as the one last used: a reload opens it again.
    this.unsaved = true;
    void this.enqueue(() => this.saveClock()).catch((error: unknown) => this.becomeReadOnly(error));
    this.schedulePush();
  }

  /**
   * Keeps the session on screen, holding the lock, without writing: trading is refused with a
   * way to free space, while export and delete (which need no room) still work. A reload
   * after space is freed opens it for writing again.
   */
  private becomeReadOnly(error: unknown): void {
    const opened = this.opened;
    if (!opened) return;
    this.monitor.noteWriteFailed(error);
    this.readOnly = true;
    this.role = 'leader';
    // The market may still be run and stepped in memory; nothing of it is saved.
    this.clock.startPaused(opened.session.time);
    this.schedulePush();
  }

  private becomeFollower(): void {
    this.clock.stop();
    this.role = 'follower';
    // Wait in line: when the writing tab closes, this one takes over by itself.
    const name = this.opened!.lockName;
    const opened = this.opened;
    void this.lock.request(name, 'wait').then((granted) => {
      if (!granted) return;
      const hold = this.reloadHoldUntil - Date.now();
      if (hold <= 0) return this.becomeLeader();
      // The writer is reloading for an update: let its reloaded self have the lock back, and
      // queue again once the hold is over (in case it never returns).
      this.lock.releaseAll();
      setTimeout(
        () => this.opened === opened && this.role === 'follower' && this.becomeFollower(),
        hold,
      );
    });
    this.schedulePush();
  }

  private lostLeadership(reason: string): void {
    if (this.role !== 'leader') return;
    this.becomeFollower();
    this.notify({ type: 'notice', level: 'info', message: reason });
    void this.followChange();
  }

  private async followChange(): Promise<void> {
    const opened = this.opened;
    if (!opened || this.role === 'leader') return;
    const stored = await loadSession(opened.connection.idb, opened.row.id);
    if (!stored) return;
    opened.row = stored.row;
    opened.session = await restore(opened.connection, stored);
    this.attachBook();
    this.schedulePush();
  }

  /** Gives the session its candle book: a new one for a new session object. */
  private attachBook(): void {
    const opened = this.opened!;
    this.book = new CandleBook(opened.row.config.assets);
    opened.session.onTick = this.book.onTick;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    this.queued++;
    const next = this.queue.then(task).finally(() => this.queued--);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** The worker's and the portfolio's figures for the monitor. */
  private monitorFigures(): Partial<Record<MetricId, number | null>> {
    const opened = this.opened;
    if (!opened) return { 'worker.queue': this.queued };
    this.clock.advance();
    return {
      'worker.queue': this.queued,
      ...this.clock.paceFigures(opened.row.config.tickMs),
      ...opened.session.health(),
    };
  }
}

/** Whether storage refused a write for lack of room (Dexie may wrap the browser's error). */
/** The name of a session's writer lock and of its tabs' channel. */
function sessionKey(dbName: string, id: string): string {
  return `powertrader:${dbName}:${id}`;
}

function isQuotaError(error: unknown): boolean {
  const named = (e: unknown) => e instanceof Error && e.name === 'QuotaExceededError';
  return named(error) || (error instanceof Error && named((error as { inner?: unknown }).inner));
}
