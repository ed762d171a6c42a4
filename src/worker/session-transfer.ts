import { ok, refuse, type Result } from '../engine/result.ts';
import {
  createSession,
  loadAllCommands,
  readRawSession,
  StoreCancelled,
} from '../db/session-repository.ts';
import { FILE_LIMITS, parseSessionFile } from '../schema/session-file.ts';
import { assetSpecSchema, sessionConfigSchema } from '../schema/config.ts';
import {
  describeError,
  describeIssues,
  exportRequestSchema,
  storedIdSchema,
  type ExportedFile,
  type ImportPreview,
  type ImportStep,
  type SessionView,
} from '../schema/messages.ts';
import type { SessionId } from '../schema/rows.ts';
import { randomUuid } from '../schema/random-id.ts';
import { fillsCsv, portfolioSummary } from '../engine/trade-export.ts';
import { exportSessionFile, prepareImport, type PreparedImport } from './session-files.ts';
import type { SessionHost } from './session-host.ts';
import type { SessionLibrary } from './session-library.ts';
import type { SessionViews } from './session-views.ts';
import { createNewSession } from './stored-sessions.ts';
import { throttled } from './throttle.ts';

/** Sessions in and out of the device: export, import as a transaction, replay of real candles. */
export class SessionTransfer {
  private importing: { token: string; ready?: PreparedImport } | undefined;

  constructor(
    private readonly host: SessionHost,
    private readonly library: SessionLibrary,
    private readonly views: SessionViews,
  ) {}

  /** The open session as a shareable file. */
  async exportSession(input: unknown): Promise<Result<ExportedFile>> {
    const options = exportRequestSchema.safeParse(input);
    if (!options.success) return refuse('bad-request', describeIssues(options.error));
    const opened = this.host.opened;
    if (!opened) return refuse('not-open', 'No session is open.');
    this.host.clock.advance();
    const commands = await loadAllCommands(await opened.connection.database(), opened.row.id);
    return ok(await exportSessionFile(opened.row, commands, opened.session, options.data));
  }

  /** Whatever is stored for a session, unparsed, as JSON: the way out for one that cannot open. */
  async exportRawSession(idInput: unknown): Promise<Result<ExportedFile>> {
    const opened = this.host.opened;
    const id = storedIdSchema.safeParse(idInput);
    if (!opened || !id.success) return refuse('bad-request', 'That is not a stored session.');
    const rows = await readRawSession(await opened.connection.database(), id.data);
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

  /** The open session's fills as CSV, or its portfolio summary as JSON. */
  async exportReport(kind: unknown): Promise<Result<ExportedFile>> {
    const opened = this.host.opened;
    if (!opened) return refuse('not-open', 'No session is open.');
    if (kind !== 'fills-csv' && kind !== 'portfolio-json')
      return refuse('bad-request', 'Unknown report.');
    this.host.clock.advance();
    const { row, session } = opened;
    const fills = await this.views.allFills();
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
    onProgress?: (fraction: number, step: ImportStep) => unknown,
  ): Promise<Result<ImportPreview>> {
    if (typeof text !== 'string') return refuse('not-text', 'The file could not be read as text.');
    const parsed = parseSessionFile(text);
    if (!parsed.ok) return parsed;
    const file = parsed.value;
    const token = randomUuid();
    this.importing = { token };
    const total = file.commands.length;
    const report = throttled(onProgress);
    // The same rules as resuming a stored session: what is previewed is exactly what Keep stores.
    const prepared = await prepareImport(file, {
      onProgress: (fraction, done) =>
        report(fraction >= 1, fraction, { phase: 'replay', done, total }),
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

  /**
   * Stores a previewed import as a new session; a modified file only as a labelled copy. A long
   * log reports its progress as it is written, and Cancel (cancelImport) rolls it all back.
   */
  async commitImport(
    token: unknown,
    onProgress?: (fraction: number, step: ImportStep) => unknown,
  ): Promise<Result<{ sessionId: SessionId }>> {
    const ready =
      this.importing && this.importing.token === token ? this.importing.ready : undefined;
    const opened = this.host.opened;
    if (!ready || !opened)
      return refuse('no-import', 'There is no previewed import to keep. Open the file again.');
    // Kept as the import under way until stored, so that cancelling it still reaches it.
    const storing = `${String(token)}:store`;
    this.importing = { token: storing };
    const { row, commands, snapshot } = ready;
    const total = commands.length;
    const report = throttled(onProgress);
    try {
      await createSession(
        await opened.connection.database(),
        row,
        commands,
        { ...snapshot, savedAt: Date.now() },
        {
          stored: (done) =>
            report(done === total, done / Math.max(1, total), { phase: 'store', done, total }),
          isCancelled: () => this.importing?.token !== storing,
        },
      );
    } catch (error) {
      if (error instanceof StoreCancelled)
        return refuse('cancelled', 'The import was cancelled; nothing was stored.');
      return refuse(
        'storage-failed',
        `The session could not be stored (${describeError(error)}). Nothing was kept.`,
      );
    }
    if (this.importing?.token === storing) this.importing = undefined;
    return ok({ sessionId: row.id });
  }

  /** Starts a new session that replays real candles from a CSV file, and opens it. */
  async startReplay(textInput: unknown, symbolInput: unknown): Promise<Result<SessionView>> {
    const opened = this.host.opened;
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
    // Candle files are rare: their parser loads on first use.
    const { parseCandleCsv } = await import('../engine/market/candle-csv.ts');
    const { replayConfig } = await import('./replay-config.ts');
    const parsed = parseCandleCsv(textInput, symbol.data);
    if (!parsed.ok) return parsed;
    const config = sessionConfigSchema.safeParse(replayConfig(symbol.data, parsed.value));
    if (!config.success)
      return refuse('bad-csv', `These candles cannot be replayed: ${describeIssues(config.error)}`);
    const day = new Date(config.data.startTime).toISOString().slice(0, 10);
    const db = await opened.connection.database();
    const id = await createNewSession(db, `${symbol.data} replay from ${day}`, config.data);
    const started = await this.library.switchTo(id);
    // What the import left out (Yahoo's empty days) is said once the replay is showing.
    if (started.ok && parsed.value.notes.length)
      this.host.notify({ type: 'notice', level: 'info', message: parsed.value.notes.join(' ') });
    return started;
  }
}
