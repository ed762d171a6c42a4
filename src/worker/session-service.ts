import { refuse, type Result } from '../engine/result.ts';
import { commandSchema } from '../schema/command.ts';
import { describeIssues, type CommandAck, type SessionView } from '../schema/messages.ts';
import { SessionHost } from './session-host.ts';
import { SessionLibrary } from './session-library.ts';
import { SessionTransfer } from './session-transfer.ts';
import { SessionViews } from './session-views.ts';

export { STORAGE_FULL_HELP } from './session-host.ts';

/**
 * The session worker's surface for the page, one Comlink object. Each part lives in its own
 * service, found by name: the open session, its writer lock and persistence (`SessionHost`), its
 * clock (`ClockRunner`), the stored sessions (`SessionLibrary`), files in and out
 * (`SessionTransfer`) and what the page reads (`SessionViews`).
 */
export class SessionService {
  private readonly views: SessionViews;
  private readonly host: SessionHost;
  private readonly library: SessionLibrary;
  private readonly transfer: SessionTransfer;
  /** Live monitoring, reached as `client.monitor.…`. */
  readonly monitor;

  constructor() {
    this.host = new SessionHost(() => this.views.view());
    this.views = new SessionViews(this.host);
    this.library = new SessionLibrary(this.host);
    this.transfer = new SessionTransfer(this.host, this.library, this.views);
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
  listSessions = () => this.library.listSessions();
  switchTo = (input: unknown) => this.library.switchTo(input);
  newSession = (input: unknown) => this.library.newSession(input);
  startDemo = (seed: unknown) => this.library.startDemo(seed);
  startAssignment = (assignment: unknown) => this.library.startAssignment(assignment);
  renameSession = (id: unknown, name: unknown) => this.library.renameSession(id, name);
  duplicateSession = (id: unknown) => this.library.duplicateSession(id);
  deleteSession = (id: unknown) => this.library.deleteSession(id);

  // Files in and out.
  exportSession = (input: unknown) => this.transfer.exportSession(input);
  exportRawSession = (id: unknown) => this.transfer.exportRawSession(id);
  exportReport = (kind: unknown) => this.transfer.exportReport(kind);
  previewImport = (text: unknown, onProgress?: Parameters<SessionTransfer['previewImport']>[1]) =>
    this.transfer.previewImport(text, onProgress);
  cancelImport = () => this.transfer.cancelImport();
  commitImport = (token: unknown, onProgress?: Parameters<SessionTransfer['commitImport']>[1]) =>
    this.transfer.commitImport(token, onProgress);
  startReplay = (text: unknown, symbol: unknown) => this.transfer.startReplay(text, symbol);
}
