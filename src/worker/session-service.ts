import { refuse, type Result } from '../engine/result.ts';
import { commandSchema } from '../schema/command.ts';
import { describeIssues, type CommandAck, type SessionView } from '../schema/messages.ts';
import { SessionHost } from './session-host.ts';
import type { SessionLibrary } from './session-library.ts';
import type { SessionTransfer } from './session-transfer.ts';
import { SessionViews } from './session-views.ts';

export { STORAGE_FULL_HELP } from './session-host.ts';

/**
 * The session worker's surface for the page, one Comlink object. Each part lives in its own
 * service, found by name: the open session, its writer lock and persistence (`SessionHost`), its
 * clock (`ClockRunner`), the stored sessions (`SessionLibrary`), files in and out
 * (`SessionTransfer`) and what the page reads (`SessionViews`). The stored sessions and the files
 * load on their first call: opening a session and trading in it need neither.
 */
export class SessionService {
  private readonly views: SessionViews;
  private readonly host: SessionHost;
  private libraryLoading: Promise<SessionLibrary> | undefined;
  private transferLoading: Promise<SessionTransfer> | undefined;
  /** Live monitoring, reached as `client.monitor.…`. */
  readonly monitor;

  constructor() {
    this.host = new SessionHost(() => this.views.view());
    this.views = new SessionViews(this.host);
    this.monitor = this.host.monitor;
  }

  // The open session and who writes it.
  subscribe = (listener: Parameters<SessionHost['subscribe']>[0]) => this.host.subscribe(listener);
  setVisible = (visible: unknown) => this.host.setVisible(visible);
  open = (input: unknown) => this.host.open(input);
  takeOver = () => this.host.takeOver();
  close = () => this.host.close();
  holdForReload = () => this.host.holdForReload();

  /** Validates, applies and persists one command; answers only once it is durable. */
  submit(input: unknown): Promise<Result<CommandAck>> {
    const parsed = commandSchema.safeParse(input);
    if (!parsed.success)
      return Promise.resolve(refuse('invalid-command', describeIssues(parsed.error)));
    return this.host.submit(parsed.data);
  }

  // The clock.
  setRunning = (running: unknown) => this.host.clock.setRunning(running);
  step = () => this.host.clock.step();
  setSpeed = (input: unknown) => this.host.clock.setSpeed(input);

  // What the page reads.
  current = (): Promise<Result<SessionView>> => this.views.current();
  stateHash = () => this.views.stateHash();
  candles = (symbol: unknown, interval: unknown) => this.views.candles(symbol, interval);
  depth = (symbol: unknown) => this.views.depth(symbol);
  estimate = (input: unknown) => this.views.estimate(input);
  fillHistory = () => this.views.fillHistory();
  costs = (input: unknown) => this.views.costs(input);

  // Stored sessions.
  listSessions = async () => (await this.library()).listSessions();
  switchTo = async (input: unknown) => (await this.library()).switchTo(input);
  newSession = async (input: unknown) => (await this.library()).newSession(input);
  startDemo = async (seed: unknown) => (await this.library()).startDemo(seed);
  startAssignment = async (assignment: unknown) =>
    (await this.library()).startAssignment(assignment);
  renameSession = async (id: unknown, name: unknown) =>
    (await this.library()).renameSession(id, name);
  duplicateSession = async (id: unknown) => (await this.library()).duplicateSession(id);
  deleteSession = async (id: unknown) => (await this.library()).deleteSession(id);

  // Files in and out.
  exportSession = async (input: unknown) => (await this.transfer()).exportSession(input);
  exportRawSession = async (id: unknown) => (await this.transfer()).exportRawSession(id);
  exportReport = async (kind: unknown) => (await this.transfer()).exportReport(kind);
  previewImport = async (
    text: unknown,
    onProgress?: Parameters<SessionTransfer['previewImport']>[1],
  ) => (await this.transfer()).previewImport(text, onProgress);
  cancelImport = async () => (await this.transfer()).cancelImport();
  commitImport = async (
    token: unknown,
    onProgress?: Parameters<SessionTransfer['commitImport']>[1],
  ) => (await this.transfer()).commitImport(token, onProgress);
  startReplay = async (text: unknown, symbol: unknown) =>
    (await this.transfer()).startReplay(text, symbol);

  private library(): Promise<SessionLibrary> {
    this.libraryLoading ??= import('./session-library.ts').then(
      ({ SessionLibrary }) => new SessionLibrary(this.host),
    );
    return this.libraryLoading;
  }

  // Calls wait in the order they came: a cancel sent while the import's code loads still reaches it.
  private transfer(): Promise<SessionTransfer> {
    this.transferLoading ??= Promise.all([import('./session-transfer.ts'), this.library()]).then(
      ([{ SessionTransfer }, library]) => new SessionTransfer(this.host, library, this.views),
    );
    return this.transferLoading;
  }
}
