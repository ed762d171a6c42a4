import { proxy } from 'comlink';
import { REALISTIC, defaultConfig, idealConfig } from '../engine/config.ts';
import { TIERS } from '../engine/risk/tiers.ts';
import { riskReport } from '../engine/risk/stress.ts';
import { demoCommands, demoConfig } from '../engine/demo.ts';
import { computeMetrics, curveReturns } from '../engine/analytics/metrics.ts';
import type { FillEvent } from '../engine/events.ts';
import type { Quote } from '../engine/market/quote.ts';
import { canonical } from '../engine/decimal.ts';
import type { Command } from '../engine/commands.ts';
import { ok, refuse, type Result } from '../engine/result.ts';
import { Session, stateHash } from '../engine/session.ts';
import { DEFAULT_DB_NAME, PowerTraderDb } from '../db/database.ts';
import {
  appendCommand,
  claimWriter,
  createSession,
  DamagedSessionError,
  deleteSession,
  duplicateSession,
  hasSession,
  listSessions,
  loadAllCommands,
  loadSession,
  readableName,
  readRawSession,
  renameSession,
  saveSnapshot,
  sessionIdsByRecency,
  type StoredSession,
} from '../db/session-repository.ts';
import { FILE_LIMITS, parseSessionFile } from '../schema/session-file.ts';
import { assetSpecSchema, sessionConfigSchema } from '../schema/config.ts';
import { parseCandleCsv } from '../engine/market/candle-csv.ts';
import { replayConfig } from './replay-config.ts';
import { costReport } from './cost-report.ts';
import { costRequestSchema, type CostReport } from '../schema/cost.ts';
import { Dec } from '../engine/decimal.ts';
import type { SessionConfig } from '../engine/config.ts';
import {
  exportSessionFile,
  prepareImport,
  resumeSession,
  type PreparedImport,
} from './session-files.ts';
import { collectFills, fillsCsv, portfolioSummary } from '../engine/trade-export.ts';
import { commandSchema } from '../schema/command.ts';
import {
  describeError,
  describeIssues,
  exportRequestSchema,
  openRequestSchema,
  sessionNameSchema,
  speedSchema,
  storedIdSchema,
  type CommandAck,
  type DamagedSession,
  type ExportedFile,
  type ImportPreview,
  type SessionSummary,
  type CandleView,
  demoSeedSchema,
  newSessionRequestSchema,
  estimateRequestSchema,
  type OrderEstimate,
  type DepthView,
  type TradingView,
  type Role,
  type SessionView,
  type Speed,
  type WorkerMessage,
} from '../schema/messages.ts';
import { newSessionId, sessionIdSchema, type SessionId, type SessionRow } from '../schema/rows.ts';
import type { ClockSettings } from '../schema/clock.ts';
import { SimClock } from './sim-clock.ts';
import { CandleBook } from './candle-book.ts';
import { INTERVALS, type Interval } from '../engine/market/candles.ts';
import type { MetricId } from '../engine/monitor/metrics.ts';
import { MonitorService } from './monitor-service.ts';
import { randomUuid } from '../schema/random-id.ts';
import { sessionLocks } from './tab-locks.ts';
import { STARTING_CASH } from '../engine/file-verdict.ts';

/** Views pushed to the UI: ten a second, the latest state each time (a person sees no more). */
const PUSH_INTERVAL_MS = 100;
const CLOCK_INTERVAL_MS = 100;
/** How often the clock's progress between commands is saved, in wall milliseconds. */
const CLOCK_SAVE_INTERVAL_MS = 5000;
/** What a person can do when storage is full; shown in the banner and in every refusal. */
export const STORAGE_FULL_HELP =
  'Export and delete old sessions on the Sessions page, or free space on this device; nothing was lost.';

interface Opened {
  readonly db: PowerTraderDb;
  readonly channel: BroadcastChannel;
  readonly lockName: string;
  row: SessionRow;
  session: Session;
}

/**
 * Owns one running session inside the worker: the clock, the engine and persistence. It is the
 * only writer of its session while it holds the session's Web Lock, and every write is fenced by
 * the writer epoch, so a tab that lost the lock can never write again.
 */
export class SessionService {
  private opened: Opened | undefined;
  private role: Role = 'follower';
  private epoch = 0;
  private clock: SimClock | undefined;
  private clockTimer: ReturnType<typeof setInterval> | undefined;
  private listener: ((message: WorkerMessage) => unknown) | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private pushTimer: ReturnType<typeof setTimeout> | undefined;
  private lastPush = 0;
  /** The page is hidden (another tab, minimized): it is sent no views until it is seen again. */
  private hidden = false;
  private lastSave = 0;
  private unsaved = false;
  private lockToken = 0;
  private heldToken = -1;
  private releaseLock: (() => void) | undefined;
  private waitAbort: AbortController | undefined;
  private readonly locks = sessionLocks();
  private speed: Speed = 1;
  private book: CandleBook | undefined;
  private fillCache: { key: string; fills: FillEvent[] } | undefined;
  private hashCache: { key: string; hash: string } | undefined;
  private queued = 0;
  /** The clock at the recent monitor samples, each with what its interval asked for and got. */
  private pace: {
    wall: number;
    sim: number;
    speed: Speed;
    elapsed: number;
    asked: number;
    done: number;
  }[] = [];
  /** Live monitoring: alert rules, alerts and the device's log. */
  // Marked as a proxy so the page's client reaches it as `client.monitor.sample(…)`.
  readonly monitor = proxy(
    new MonitorService({
      database: () => this.opened?.db,
      figures: () => this.monitorFigures(),
    }),
  );
  private importing: { token: string; ready?: PreparedImport } | undefined;
  /** Sessions passed over at the last open because they could not be opened. */
  private damaged: DamagedSession[] = [];
  /** Storage refused a write at open: the session is shown and nothing is written. */
  private readOnly = false;

  /** Registers the one listener that receives pushed views and notices. */
  subscribe(listener: (message: WorkerMessage) => unknown): void {
    this.listener = listener;
  }

  /** The page says whether it is seen; on its return it gets one fresh view. */
  setVisible(visible: unknown): void {
    this.hidden = visible !== true;
    this.schedulePush();
  }

  /** Opens a session (the latest, or a new one) as its writer if no other tab is. */
  async open(input: unknown): Promise<Result<SessionView>> {
    const request = openRequestSchema.safeParse(input ?? {});
    if (!request.success) return refuse('bad-request', describeIssues(request.error));
    await this.close();
    const dbName = request.data.dbName ?? DEFAULT_DB_NAME;
    this.pace = [];
    this.readOnly = false;
    const db = new PowerTraderDb(dbName);
    const found = await this.firstThatOpens(db, request.data.sessionId);
    if (!found) {
      db.close();
      return refuse('not-found', 'That session no longer exists on this device.');
    }
    const id = found.stored.row.id;
    const channel = new BroadcastChannel(`powertrader:${dbName}:${id}`);
    channel.onmessage = () => void this.followChange();
    this.opened = {
      db,
      channel,
      lockName: `powertrader:${dbName}:${id}`,
      row: found.stored.row,
      session: found.session,
    };
    this.attachBook();
    if (await this.requestLock('try')) await this.becomeLeader();
    else this.becomeFollower();
    return ok(await this.view());
  }

  /**
   * The asked-for session, else the one saved last, else the next that opens, else a new one.
   * A session whose rows do not parse or whose log does not replay is set aside and named, so
   * that one broken session never stops the app. Undefined only if the asked-for one is gone.
   */
  private async firstThatOpens(
    db: PowerTraderDb,
    asked: SessionId | undefined,
  ): Promise<{ stored: StoredSession; session: Session } | undefined> {
    this.damaged = [];
    const recent = await sessionIdsByRecency(db);
    if (asked !== undefined && !recent.includes(asked)) return undefined;
    const candidates = asked === undefined ? recent : [asked, ...recent.filter((i) => i !== asked)];
    for (const id of candidates) {
      try {
        // Ids come raw from the table's keys: a malformed one shows up as a damaged row.
        const stored = await loadSession(db, id as SessionId);
        if (stored) return { stored, session: await restore(db, stored) };
      } catch (error) {
        if (!(error instanceof DamagedSessionError)) throw error;
        const name = await readableName(db, id);
        this.damaged.push({ id, ...(name ? { name } : {}), reason: error.message });
      }
    }
    const stored = (await loadSession(db, await createDefaultSession(db)))!;
    return { stored, session: await restore(db, stored) };
  }

  /** Makes this tab the writer, safely, even while another tab holds the session. */
  async takeOver(): Promise<Result<SessionView>> {
    if (!this.opened) return refuse('not-open', 'No session is open.');
    if (this.role !== 'leader') {
      this.waitAbort?.abort();
      await this.requestLock('steal');
      await this.becomeLeader();
    }
    return ok(await this.view());
  }

  /** Validates, applies and persists one command; answers only once it is durable. */
  submit(input: unknown): Promise<Result<CommandAck>> {
    const parsed = commandSchema.safeParse(input);
    if (!parsed.success)
      return Promise.resolve(refuse('invalid-command', describeIssues(parsed.error)));
    return this.enqueue(() => this.applyAndPersist(parsed.data));
  }

  /** Pauses or runs the simulated clock, and saves where it stands so a reopen restores it. */
  async setRunning(running: unknown): Promise<Result<true>> {
    if (typeof running !== 'boolean')
      return refuse('bad-request', 'Running must be true or false.');
    if (!this.clock || this.role !== 'leader') {
      return refuse('not-writer', 'Only the tab that owns the session runs its clock.');
    }
    this.advanceClock();
    this.clock.setRunning(running);
    this.schedulePush();
    this.unsaved = true;
    await this.enqueue(() => this.saveClock());
    return ok(true);
  }

  /** While paused, moves the market on by one tick, for looking at it step by step. */
  async step(): Promise<Result<true>> {
    const opened = this.opened;
    if (!opened || !this.clock || this.role !== 'leader') {
      return refuse('not-writer', 'Only the tab that owns the session runs its clock.');
    }
    if (this.clock.running) return refuse('running', 'Pause the clock before stepping.');
    opened.session.advanceTo(opened.session.time + opened.row.config.tickMs);
    this.clock.catchUp(opened.session.time);
    this.unsaved = true;
    this.schedulePush();
    await this.enqueue(() => this.saveClock());
    return ok(true);
  }

  /** Changes simulated seconds per wall second. */
  async setSpeed(input: unknown): Promise<Result<true>> {
    const speed = speedSchema.safeParse(input);
    if (!speed.success)
      return refuse('bad-request', 'Choose a speed of 1×, 10×, 60×, 600× or max.');
    if (!this.clock || this.role !== 'leader')
      return refuse('not-writer', 'Only the tab that owns the session runs its clock.');
    this.advanceClock();
    // At max speed the worker advances as fast as it can and the wall clock does not matter;
    // on leaving it, the clock picks up from wherever the market got to.
    this.clock.catchUp(this.opened!.session.time);
    this.clock.setSpeed(numericSpeed(speed.data));
    this.speed = speed.data;
    this.schedulePush();
    this.unsaved = true;
    await this.enqueue(() => this.saveClock());
    return ok(true);
  }

  /** The current view of the session. */
  async current(): Promise<Result<SessionView>> {
    if (!this.opened) return refuse('not-open', 'No session is open.');
    return ok(await this.view());
  }

  /** Stops the clock, saves its progress and lets go of the lock and the database. */
  async close(): Promise<void> {
    const opened = this.opened;
    if (!opened) return;
    if (this.role === 'leader') await this.enqueue(() => this.saveClock());
    this.stopClock();
    this.role = 'follower';
    this.waitAbort?.abort();
    this.releaseLock?.();
    this.releaseLock = undefined;
    opened.channel.close();
    opened.db.close();
    this.opened = undefined;
  }

  /** The stored sessions for the sessions list. */
  async listSessions(): Promise<Result<SessionSummary[]>> {
    const opened = this.opened;
    if (!opened) return refuse('not-open', 'No session is open.');
    const listings = await listSessions(opened.db);
    return ok(
      listings.map((listing) => {
        const { commandCount, bytes } = listing;
        if (listing.damaged !== undefined) {
          const { id, name = 'Unreadable session', damaged } = listing;
          const unknown = { createdAt: null, savedAt: null, equity: null };
          return { id, name, ...unknown, commandCount, bytes, current: false, damaged };
        }
        const { row, snapshot } = listing;
        return {
          id: row.id,
          name: row.name,
          createdAt: row.createdAt,
          savedAt: snapshot.savedAt,
          commandCount,
          bytes,
          equity: Session.fromSnapshot(row.config, snapshot.state).view().equity,
          current: row.id === opened.row.id,
        };
      }),
    );
  }

  /** Opens another stored session (or a new one when `sessionId` is omitted) in this tab. */
  async switchTo(input: unknown): Promise<Result<SessionView>> {
    const opened = this.opened;
    if (!opened) return refuse('not-open', 'No session is open.');
    const id =
      input === undefined
        ? await createDefaultSession(opened.db)
        : sessionIdSchema.safeParse(input);
    if (typeof id === 'object' && !id.success)
      return refuse('bad-request', 'That is not a session id.');
    return this.open({ dbName: opened.db.name, sessionId: typeof id === 'object' ? id.data : id });
  }

  /** Starts a new session under a risk tier, with realistic or ideal fills, and opens it. */
  async newSession(input: unknown): Promise<Result<SessionView>> {
    const opened = this.opened;
    if (!opened) return refuse('not-open', 'No session is open.');
    const request = newSessionRequestSchema.safeParse(input);
    if (!request.success) return refuse('bad-request', describeIssues(request.error));
    const { tier, fills } = request.data;
    const base = defaultConfig(Math.floor(Date.now() / 1000) * 1000);
    const config = {
      ...(fills === 'ideal' ? idealConfig(base) : base),
      ...(tier === 'none' ? {} : { risk: TIERS[tier] }),
    };
    const name = `${tier === 'none' ? 'Session' : `${TIERS[tier].label} session`}${fills === 'ideal' ? ', ideal fills' : ''}`;
    return this.switchTo(await createNewSession(opened.db, name, config));
  }

  /** Renames a session that no other tab is using. */
  async renameSession(idInput: unknown, nameInput: unknown): Promise<Result<true>> {
    const name = sessionNameSchema.safeParse(nameInput);
    if (!name.success)
      return refuse('invalid-name', name.error.issues[0]?.message ?? 'Give the session a name.');
    return this.withSession(idInput, async (db, id) => {
      await renameSession(db, id, name.data);
      if (this.opened?.row.id === id) this.opened.row = { ...this.opened.row, name: name.data };
      this.schedulePush();
    });
  }

  /** Copies a session with its whole log. */
  async duplicateSession(idInput: unknown): Promise<Result<true>> {
    return this.withSession(idInput, async (db, id, row) => {
      const copyName = `${row.name} (copy)`.slice(0, 80);
      await duplicateSession(db, id, { id: newSessionId(), name: copyName, createdAt: Date.now() });
    });
  }

  /** Deletes a session that is neither open here nor in another tab, damaged ones included. */
  async deleteSession(idInput: unknown): Promise<Result<true>> {
    if (this.opened?.row.id === idInput) {
      return refuse(
        'in-use',
        'This session is open here. Open another session before deleting it.',
      );
    }
    const opened = this.opened;
    const id = storedIdSchema.safeParse(idInput);
    if (!opened || !id.success) return refuse('bad-request', 'That is not a stored session.');
    if (!(await hasSession(opened.db, id.data)))
      return refuse('not-found', 'That session no longer exists on this device.');
    const deleted = await this.whileUnused(opened.db, id.data, () =>
      deleteSession(opened.db, id.data),
    );
    if (deleted.ok) {
      this.damaged = this.damaged.filter((d) => d.id !== id.data);
      this.schedulePush();
    }
    return deleted;
  }

  /** Whatever is stored for a session, unparsed, as JSON: the way out for one that cannot open. */
  async exportRawSession(idInput: unknown): Promise<Result<ExportedFile>> {
    const opened = this.opened;
    const id = storedIdSchema.safeParse(idInput);
    if (!opened || !id.success) return refuse('bad-request', 'That is not a stored session.');
    const rows = await readRawSession(opened.db, id.data);
    if (rows.session === undefined && rows.snapshot === undefined && rows.commands.length === 0)
      return refuse('not-found', 'That session no longer exists on this device.');
    const file = { type: 'powertrader-raw-session', id: id.data, ...rows };
    // Structured clone stores values JSON has no words for; they are kept as text.
    const text = JSON.stringify(
      file,
      (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v),
      2,
    );
    const slug = id.data.replace(/[^a-z0-9-]/gi, '').slice(0, 40) || 'session';
    return ok({ fileName: `powertrader-raw-${slug}.json`, text: `${text}\n` });
  }

  /** The open session as a shareable file. */
  async exportSession(input: unknown): Promise<Result<ExportedFile>> {
    const options = exportRequestSchema.safeParse(input);
    if (!options.success) return refuse('bad-request', describeIssues(options.error));
    const opened = this.opened;
    if (!opened) return refuse('not-open', 'No session is open.');
    this.advanceClock();
    const commands = await loadAllCommands(opened.db, opened.row.id);
    return ok(await exportSessionFile(opened.row, commands, opened.session, options.data));
  }

  /** Starts a new session that replays real candles from a CSV file, and opens it. */
  async startReplay(textInput: unknown, symbolInput: unknown): Promise<Result<SessionView>> {
    const opened = this.opened;
    if (!opened) return refuse('not-open', 'No session is open.');
    const symbol = assetSpecSchema.shape.symbol.safeParse(symbolInput);
    if (!symbol.success)
      return refuse(
        'invalid-symbol',
        'Name the coin with 2–10 capital letters or digits, e.g. BTC.',
      );
    if (typeof textInput !== 'string')
      return refuse('not-text', 'The file could not be read as text.');
    if (textInput.length > FILE_LIMITS.bytes)
      return refuse('too-large', 'The file is over the 20 MB limit.');
    const parsed = parseCandleCsv(textInput, symbol.data);
    if (!parsed.ok) return parsed;
    const config = sessionConfigSchema.safeParse(replayConfig(symbol.data, parsed.value));
    if (!config.success)
      return refuse('bad-csv', `These candles cannot be replayed: ${describeIssues(config.error)}`);
    const day = new Date(config.data.startTime).toISOString().slice(0, 10);
    const id = await createNewSession(opened.db, `${symbol.data} replay from ${day}`, config.data);
    const started = await this.switchTo(id);
    // What the import left out (Yahoo's empty days) is said once the replay is showing.
    if (started.ok && parsed.value.notes.length)
      this.notify({ type: 'notice', level: 'info', message: parsed.value.notes.join(' ') });
    return started;
  }

  /** Operating costs of every tier against this session's simulated P&L. */
  costs(input: unknown): Result<CostReport> {
    const request = costRequestSchema.safeParse(input);
    if (!request.success) return refuse('invalid-costs', describeIssues(request.error));
    const opened = this.opened;
    if (!opened) return refuse('not-open', 'No session is open.');
    const { session, row } = opened;
    const ledger = session.snapshot().ledger;
    const pnl = new Dec(session.view().equity).minus(ledger.deposited).plus(ledger.withdrawn);
    const figures = {
      pnl,
      elapsedMs: session.time - row.config.startTime,
      feesPaid: ledger.feesPaid,
      takerFeeRate: row.config.takerFeeRate,
    };
    return ok(costReport(request.data, figures, Date.now()));
  }

  /** The open session's fills as CSV, or its portfolio summary as JSON. */
  async exportReport(kind: unknown): Promise<Result<ExportedFile>> {
    const opened = this.opened;
    if (!opened) return refuse('not-open', 'No session is open.');
    if (kind !== 'fills-csv' && kind !== 'portfolio-json')
      return refuse('bad-request', 'Unknown report.');
    this.advanceClock();
    const { row, session } = opened;
    const fills = await this.allFills();
    const slug =
      row.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'session';
    return ok(
      kind === 'fills-csv'
        ? { fileName: `powertrader-${slug}-fills.csv`, text: fillsCsv(fills) }
        : {
            fileName: `powertrader-${slug}-portfolio.json`,
            text: `${JSON.stringify(portfolioSummary(row.name, session.view(), fills.length), null, 2)}\n`,
          },
    );
  }

  /** Parses and replays a session file, reporting progress; stores nothing. */
  async previewImport(
    text: unknown,
    onProgress?: (fraction: number) => unknown,
  ): Promise<Result<ImportPreview>> {
    if (typeof text !== 'string') return refuse('not-text', 'The file could not be read as text.');
    const parsed = parseSessionFile(text);
    if (!parsed.ok) return parsed;
    const file = parsed.value;
    const token = randomUuid();
    this.importing = { token };
    // The same rules as resuming a stored session: what is previewed is exactly what Keep stores.
    const prepared = await prepareImport(file, {
      onProgress: (fraction) => void Promise.resolve(onProgress?.(fraction)).catch(() => undefined),
      // Cancelling (or starting another import) drops the token.
      isCancelled: () => this.importing?.token !== token,
    });
    if (!prepared.ok) return prepared;
    if (this.importing?.token !== token)
      return refuse('cancelled', 'The import was cancelled; nothing was stored.');
    const { verdict, reason, settings, replayedHash, finalEquity } = prepared.value;
    this.importing = { token, ready: prepared.value };
    return ok({
      token,
      name: file.meta.name,
      ...(file.meta.author ? { author: file.meta.author } : {}),
      createdAt: file.meta.createdAt,
      appVersion: file.meta.appVersion,
      assets: file.config.assets.map((a) => a.symbol),
      commandCount: file.commands.length,
      finalEquity,
      verdict,
      reason,
      settings: [...settings],
      fileHash: file.stateHash,
      replayedHash,
    });
  }

  /** Stops an import in progress, or forgets a previewed one; nothing is stored. */
  cancelImport(): void {
    this.importing = undefined;
  }

  /** Stores a previewed import as a new session; a modified file only as a labelled copy. */
  async commitImport(token: unknown): Promise<Result<{ sessionId: SessionId }>> {
    const ready =
      this.importing && this.importing.token === token ? this.importing.ready : undefined;
    const opened = this.opened;
    if (!ready || !opened)
      return refuse('no-import', 'There is no previewed import to keep. Open the file again.');
    this.importing = undefined;
    const { row, commands, snapshot } = ready;
    try {
      await createSession(opened.db, row, commands, { ...snapshot, savedAt: Date.now() });
    } catch (error) {
      return refuse(
        'storage-failed',
        `The session could not be stored (${describeError(error)}). Nothing was kept.`,
      );
    }
    return ok({ sessionId: row.id });
  }

  /** Runs a change on a stored session while holding its lock, so no tab is using it. */
  private async withSession(
    idInput: unknown,
    change: (db: PowerTraderDb, id: SessionId, row: SessionRow) => Promise<void>,
  ): Promise<Result<true>> {
    const opened = this.opened;
    const id = sessionIdSchema.safeParse(idInput);
    if (!opened || !id.success) return refuse('bad-request', 'That is not a stored session.');
    const row = (await loadSession(opened.db, id.data))?.row;
    if (!row) return refuse('not-found', 'That session no longer exists on this device.');
    if (id.data === opened.row.id) {
      if (this.role !== 'leader')
        return refuse('in-use', 'This session is being changed in another tab.');
      await change(opened.db, id.data, row);
      return ok(true);
    }
    return this.whileUnused(opened.db, id.data, () => change(opened.db, id.data, row));
  }

  /** Runs a change on a session that is not open here, holding its lock so no other tab is in it. */
  private async whileUnused(
    db: PowerTraderDb,
    id: string,
    change: () => Promise<void>,
  ): Promise<Result<true>> {
    const done = await this.locks.request(
      `powertrader:${db.name}:${id}`,
      { ifAvailable: true },
      async (lock) => {
        if (!lock) return false;
        await change();
        return true;
      },
    );
    return done ? ok(true) : refuse('in-use', 'That session is open in another tab.');
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
    this.advanceClock();
    const { session, row } = opened;
    const at = session.time;
    const outcome = session.apply(command);
    if (!outcome.ok) return outcome;
    const state = session.snapshot();
    // A resubmitted order id changes nothing and is not logged: the log numbers only commands
    // that count, which is what resuming and importing rely on.
    if (outcome.value[0]?.type === 'duplicate' && state.seq >= 1)
      return ok({ seq: state.seq, at, hash: await this.currentHash(), events: [...outcome.value] });
    const hash = await stateHash(state);
    this.hashCache = { key: `${row.id}:${state.seq}:${state.time}`, hash };
    const snapshot = {
      sessionId: row.id,
      hash,
      savedAt: Date.now(),
      clock: this.clockSettings(),
      state,
    };
    try {
      const started = performance.now();
      const written = await appendCommand(
        opened.db,
        this.epoch,
        { sessionId: row.id, seq: state.seq, at, command },
        snapshot,
      );
      this.monitor.noteWrite(performance.now() - started);
      if (!written.ok) {
        this.lostLeadership(written.message);
        return written;
      }
    } catch (error) {
      this.monitor.noteWriteFailed(error);
      // The engine moved on in memory but the log did not: go back to what is stored.
      opened.session = await restore(opened.db, (await loadSession(opened.db, row.id))!);
      this.attachBook();
      return refuse(
        'storage-failed',
        `The command could not be saved (${describeError(error)}). Nothing changed.${isQuotaError(error) ? ` ${STORAGE_FULL_HELP}` : ''}`,
      );
    }
    this.lastSave = Date.now();
    this.unsaved = false;
    opened.channel.postMessage('changed');
    this.schedulePush();
    return ok({ seq: state.seq, at, hash, events: [...outcome.value] });
  }

  private async saveClock(): Promise<void> {
    const opened = this.opened;
    if (!opened || this.role !== 'leader' || !this.unsaved || this.readOnly) return;
    const state = opened.session.snapshot();
    const snapshot = {
      sessionId: opened.row.id,
      hash: await stateHash(state),
      savedAt: Date.now(),
      clock: this.clockSettings(),
      state,
    };
    const started = performance.now();
    const written = await saveSnapshot(opened.db, this.epoch, snapshot).catch((error: unknown) => {
      this.monitor.noteWriteFailed(error);
      throw error;
    });
    this.monitor.noteWrite(performance.now() - started);
    if (!written.ok) return this.lostLeadership(written.message);
    this.lastSave = Date.now();
    this.unsaved = false;
    opened.channel.postMessage('changed');
  }

  private async becomeLeader(): Promise<void> {
    const opened = this.opened!;
    // Claiming writes (the fencing token): a full or failing storage opens the session read-only.
    const claimed = await claimWriter(opened.db, opened.row.id).catch((error: unknown) => {
      if (error instanceof DamagedSessionError) throw error;
      this.becomeReadOnly(error);
      return null;
    });
    if (claimed === null) return;
    if (!claimed) throw new Error('The session disappeared while opening it.');
    this.epoch = claimed.epoch;
    opened.row = claimed.stored.row;
    opened.session = await restore(opened.db, claimed.stored);
    this.attachBook();
    this.role = 'leader';
    this.speed = claimed.stored.snapshot.clock.speed;
    this.clock = new SimClock(opened.session.time, numericSpeed(this.speed), () =>
      performance.now(),
    );
    this.clock.setRunning(claimed.stored.snapshot.clock.running);
    this.clockTimer = setInterval(() => this.onClock(), CLOCK_INTERVAL_MS);
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
    if (!this.clock) {
      this.clock = new SimClock(opened.session.time, 1, () => performance.now());
      this.clockTimer = setInterval(() => this.onClock(), CLOCK_INTERVAL_MS);
    }
    this.clock.setRunning(false);
    this.schedulePush();
  }

  private becomeFollower(): void {
    this.stopClock();
    this.role = 'follower';
    // Wait in line: when the writing tab closes, this one takes over by itself.
    void this.requestLock('wait').then((granted) => (granted ? this.becomeLeader() : undefined));
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
    const stored = await loadSession(opened.db, opened.row.id);
    if (!stored) return;
    opened.row = stored.row;
    opened.session = await restore(opened.db, stored);
    this.attachBook();
    this.schedulePush();
  }

  /** Requests the session's lock; resolves true once held, false if not granted. */
  private requestLock(mode: 'try' | 'steal' | 'wait'): Promise<boolean> {
    const opened = this.opened!;
    const token = ++this.lockToken;
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
        .request(opened.lockName, options, (lock) => {
          if (!lock) return settle(false);
          this.heldToken = token;
          settle(true);
          return new Promise<void>((release) => (this.releaseLock = release));
        })
        .catch(() => {
          // Either our waiting request was withdrawn, or another tab stole the lock we held.
          settle(false);
          if (this.heldToken === token) {
            this.heldToken = -1;
            this.lostLeadership('Another tab took over this session. This tab now follows it.');
          }
        });
    });
  }

  private onClock(): void {
    if (this.speed === 'max' && this.clock?.running) this.burst();
    else this.advanceClock();
    if (this.unsaved && Date.now() - this.lastSave >= CLOCK_SAVE_INTERVAL_MS) {
      this.lastSave = Date.now();
      // A failed save is in the monitor's database health; the next one tries again.
      void this.enqueue(() => this.saveClock()).catch(() => undefined);
    }
  }

  /** At max speed: advance the market for most of one clock period, a simulated minute at a time. */
  private burst(): void {
    const opened = this.opened;
    if (!opened || this.role !== 'leader') return;
    const deadline = performance.now() + CLOCK_INTERVAL_MS * 0.7;
    while (performance.now() < deadline) opened.session.advanceTo(opened.session.time + 60_000);
    this.unsaved = true;
    this.schedulePush();
  }

  private advanceClock(): void {
    const opened = this.opened;
    if (!opened || !this.clock || this.role !== 'leader' || this.speed === 'max') return;
    const before = opened.session.time;
    opened.session.advanceTo(Math.max(before, this.clock.now()));
    if (opened.session.time !== before) {
      this.unsaved = true;
      this.schedulePush();
    }
  }

  private stopClock(): void {
    if (this.clockTimer !== undefined) clearInterval(this.clockTimer);
    this.clockTimer = undefined;
    this.clock = undefined;
  }

  private schedulePush(): void {
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

  private notify(message: WorkerMessage): void {
    try {
      void Promise.resolve(this.listener?.(message)).catch(() => undefined);
    } catch {
      // A listener that went away (its page closed) is not this worker's problem.
    }
  }

  /** Gives the session its candle book: a new one for a new session object. */
  private attachBook(): void {
    const opened = this.opened!;
    this.book = new CandleBook(opened.row.config.assets);
    opened.session.onTick = this.book.onTick;
  }

  /** Recent candles of one asset for the chart. */
  candles(symbolInput: unknown, intervalInput: unknown): Result<CandleView[]> {
    if (!this.book || !this.opened) return refuse('not-open', 'No session is open.');
    if (
      typeof symbolInput !== 'string' ||
      typeof intervalInput !== 'string' ||
      !(intervalInput in INTERVALS)
    ) {
      return refuse('bad-request', 'Ask for a symbol and an interval of 1m, 5m, 1h or 1d.');
    }
    return ok(this.book.candles(symbolInput, intervalInput as Interval, 200));
  }

  private async view(): Promise<SessionView> {
    const { row, session } = this.opened!;
    const portfolio = session.view();
    return {
      sessionId: row.id,
      name: row.name,
      assets: [...row.config.assets],
      takerFeeRate: row.config.takerFeeRate,
      role: this.role,
      running: this.role === 'leader' && (this.clock?.running ?? false),
      speed: this.speed,
      hash: await this.currentHash(),
      portfolio,
      markets: this.book?.markets(portfolio.prices.map((p) => p.lastPrice)) ?? [],
      halted: session.haltedSymbols(),
      trading: tradingView(session),
      ...(this.damaged.length > 0 ? { damaged: [...this.damaged] } : {}),
      ...(this.readOnly ? { readOnly: true } : {}),
    };
  }

  /** The state hash now; computed once per state (views are pushed far more often). */
  private async currentHash(): Promise<string> {
    const { row, session } = this.opened!;
    const key = `${row.id}:${session.seq}:${session.time}`;
    if (this.hashCache?.key !== key) {
      this.hashCache = { key, hash: await stateHash(session.snapshot()) };
    }
    return this.hashCache.hash;
  }

  /** Every fill of the open session so far, oldest first (replayed once per change, then kept). */
  private async allFills(): Promise<FillEvent[]> {
    const { row, session, db } = this.opened!;
    const key = `${row.id}:${session.seq}:${session.time}`;
    if (this.fillCache?.key !== key) {
      const commands = await loadAllCommands(db, row.id);
      this.fillCache = { key, fills: collectFills(row.seed, row.config, commands, session.time) };
    }
    return this.fillCache.fills;
  }

  /** The whole fill history, newest first, for the fills table. */
  async fillHistory(): Promise<Result<FillEvent[]>> {
    if (!this.opened) return refuse('not-open', 'No session is open.');
    this.advanceClock();
    return ok([...(await this.allFills())].reverse());
  }

  /** The estimated cost of a market order now, for the ticket; nothing changes. */
  estimate(input: unknown): Result<OrderEstimate> {
    const opened = this.opened;
    if (!opened) return refuse('not-open', 'No session is open.');
    const request = estimateRequestSchema.safeParse(input);
    if (!request.success) return refuse('bad-request', describeIssues(request.error));
    const { symbol, side, quantity } = request.data;
    const asset = opened.row.config.assets.find((a) => a.symbol === symbol);
    if (!asset || !new Dec(quantity).modulo(asset.stepSize).isZero() || new Dec(quantity).isZero())
      return refuse('bad-request', 'Give an asset of this session and a quantity on its step.');
    this.advanceClock();
    const e = opened.session.estimate(symbol, side, quantity);
    return ok({
      quantity: canonical(e.quantity),
      notional: canonical(e.notional),
      fee: canonical(e.fee),
      slippage: canonical(e.slippage),
    });
  }

  /** The order book of one asset now, for the depth view. Reading it changes nothing. */
  depth(symbolInput: unknown): Result<DepthView> {
    const opened = this.opened;
    if (!opened) return refuse('not-open', 'No session is open.');
    if (
      typeof symbolInput !== 'string' ||
      !opened.row.config.assets.some((a) => a.symbol === symbolInput)
    )
      return refuse('bad-request', 'Ask for the depth of an asset in this session.');
    const q = opened.session.quote(symbolInput);
    const levels = (side: Quote['bids']) =>
      side.map((l) => ({ price: canonical(l.price), quantity: canonical(l.quantity) }));
    return ok({
      symbol: q.symbol,
      bid: canonical(q.bid),
      ask: canonical(q.ask),
      last: canonical(q.last),
      bids: levels(q.bids),
      asks: levels(q.asks),
      halted: q.halted,
    });
  }

  /** Starts the seed's demo as a new session and opens it: $50,000 and five Moderate-tier buys. */
  async startDemo(seedInput: unknown): Promise<Result<SessionView>> {
    const opened = this.opened;
    if (!opened) return refuse('not-open', 'No session is open.');
    const seed = demoSeedSchema.safeParse(seedInput);
    if (!seed.success) return refuse('invalid-seed', 'Use 1–32 letters or digits as the seed.');
    // The demo runs from its fixed simulated start: seed 42 here is seed 42 in `npm run sim -- demo`.
    const config = demoConfig();
    const id = await createNewSession(
      opened.db,
      await unusedName(opened.db, `Demo, seed ${seed.data}`),
      config,
      demoCommands(seed.data, config).map((c) => c.command),
      seed.data,
    );
    return this.switchTo(id);
  }

  private clockSettings(): ClockSettings {
    return { running: this.clock?.running ?? false, speed: this.speed };
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    this.queued++;
    const next = this.queue.then(task).finally(() => this.queued--);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * The worker's and the portfolio's figures for the monitor. The pace is simulated time gained
   * over what the speed asked for, across the last five samples, so one late tick does not count.
   */
  private monitorFigures(): Partial<Record<MetricId, number | null>> {
    const opened = this.opened;
    if (!opened) return { 'worker.queue': this.queued };
    this.advanceClock();
    const wall = performance.now();
    const sim = opened.session.time;
    const last = this.pace.at(-1);
    const running = this.role === 'leader' && this.clock?.running === true;
    const paced = running && this.speed !== 'max';
    // A pause or a new speed starts the measurement over: the old intervals asked for another pace.
    if (!running || (last && last.speed !== this.speed)) this.pace = [];
    else {
      const elapsed = last ? wall - last.wall : 0;
      this.pace.push({
        wall,
        sim,
        speed: this.speed,
        elapsed,
        asked: elapsed * numericSpeed(this.speed),
        done: last ? sim - last.sim : 0,
      });
      if (this.pace.length > 6) this.pace.shift();
    }
    const sum = (key: 'asked' | 'done' | 'elapsed') =>
      this.pace.reduce((total, p) => total + p[key], 0);
    const asked = sum('asked');
    return {
      'worker.queue': this.queued,
      // Under two simulated ticks of asking, the ratio would only measure tick rounding.
      'worker.tick-ratio':
        paced && asked >= 2 * opened.row.config.tickMs ? sum('done') / asked : null,
      'worker.sim-speed': running && sum('elapsed') >= 1000 ? sum('done') / sum('elapsed') : null,
      ...opened.session.health(),
    };
  }
}

/** Rebuilds the engine from a stored snapshot and the commands after it. */
async function restore(db: PowerTraderDb, stored: StoredSession): Promise<Session> {
  const { row } = stored;
  // A damaged snapshot is only a lost cache: the whole log is replayed instead.
  const resumed = await resumeSession(stored, () => loadAllCommands(db, row.id));
  if (!resumed.ok)
    throw new DamagedSessionError(
      `its log cannot be replayed (${resumed.message.replace(/\.$/, '')})`,
    );
  return resumed.value;
}

/** The name, or the name with the first free number after it: "Demo, seed 42 (2)". */
async function unusedName(db: PowerTraderDb, name: string): Promise<string> {
  const taken = new Set((await db.sessions.toArray()).map((s) => (s as { name?: unknown }).name));
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name} (${n})`;
  return candidate;
}

async function createDefaultSession(db: PowerTraderDb): Promise<SessionId> {
  const startTime = Math.floor(Date.now() / 1000) * 1000;
  return createNewSession(db, 'My first session', defaultConfig(startTime));
}

/** Stores a new session with its opening commands (a deposit by default), its clock running at 1×. */
async function createNewSession(
  db: PowerTraderDb,
  name: string,
  config: SessionConfig,
  opening: readonly Command[] = [{ type: 'deposit', amount: STARTING_CASH }],
  seed = randomSeed(),
): Promise<SessionId> {
  const id = newSessionId();
  const session = Session.create(seed, config);
  for (const command of opening) {
    const applied = session.apply(command);
    if (!applied.ok) throw new Error(applied.message);
  }
  const state = session.snapshot();
  const now = Date.now();
  await createSession(
    db,
    { id, name, seed, config, createdAt: now, writerEpoch: 0 },
    opening.map((command, i) => ({ sessionId: id, seq: i + 1, at: config.startTime, command })),
    {
      sessionId: id,
      hash: await stateHash(state),
      savedAt: now,
      clock: { running: true, speed: 1 },
      state,
    },
  );
  return sessionIdSchema.parse(id);
}

function randomSeed(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

/** The trade page's orders, fills and analytics, from the session's state. */
function tradingView(session: Session): TradingView {
  const { open, closed } = session.orders();
  const { stats, curve } = session.record();
  const { index } = curveReturns(curve);
  let peak = 0;
  return {
    open,
    closed,
    metrics: computeMetrics(curve, stats),
    curve: {
      start: curve.start,
      intervalMs: curve.intervalMs,
      equity: curve.points.map((p) => Number(p[0])),
      drawdown: index.map((v) => {
        peak = Math.max(peak, v);
        return peak > 0 ? v / peak - 1 : 0;
      }),
    },
    perAsset: stats.perAsset,
    execution: session.config.execution ?? REALISTIC,
    makerFeeRate: session.config.makerFeeRate ?? session.config.takerFeeRate,
    risk: riskReport(
      session.view().positions.map((p) => ({ symbol: p.symbol, value: Number(p.marketValue) })),
      session.config.assets,
    ),
  };
}

/** Whether storage refused a write for lack of room (Dexie may wrap the browser's error). */
function isQuotaError(error: unknown): boolean {
  const named = (e: unknown) => e instanceof Error && e.name === 'QuotaExceededError';
  return named(error) || (error instanceof Error && named((error as { inner?: unknown }).inner));
}

/** The clock's rate for a speed setting; max speed does not use the clock's rate. */
function numericSpeed(speed: Speed): number {
  return speed === 'max' ? 1 : speed;
}
