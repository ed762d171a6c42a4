import type { NewSessionRequest } from '../../schema/messages.ts';
import {
  exportedFileSchema,
  resultSchema,
  sessionNameSchema,
  sessionSummarySchema,
  sessionViewSchema,
  type SessionSummary,
} from '../../schema/messages.ts';
import { FILE_LIMITS } from '../../schema/limits.ts';
import { plainLabel } from '../../schema/text.ts';
import * as z from 'zod/mini';
import { download } from '../download.ts';
import type { SessionState } from '../session-state.svelte.ts';

const listResult = resultSchema(z.array(sessionSummarySchema));
const doneResult = resultSchema(z.literal(true));
const viewResult = resultSchema(sessionViewSchema);
const fileResult = resultSchema(exportedFileSchema);

/** The sessions page: the stored sessions, export and share, import with preview. */
export class LibraryState {
  sessions = $state.raw<readonly SessionSummary[]>([]);
  /** A message about the last action, or why it was refused. */
  message = $state<string | null>(null);
  storage = $state<{ usage: number; quota: number } | null>(null);
  confirmingDelete = $state<string | null>(null);
  renaming = $state<{ id: string; name: string } | null>(null);
  prettyExport = $state(true);
  author = $state('');

  replaySymbol = $state('BTC');
  replayError = $state<string | null>(null);
  replayBusy = $state(false);

  constructor(private readonly session: SessionState) {}

  get replaySymbolProblem(): string | null {
    return /^[A-Z0-9]{2,10}$/.test(this.replaySymbol)
      ? null
      : 'Use 2–10 capital letters or digits, e.g. BTC.';
  }

  /** Starts a session that replays the candles in a CSV file, and shows it. */
  async startReplay(file: File): Promise<void> {
    this.replayError = null;
    if (this.replaySymbolProblem) return;
    if (file.size > FILE_LIMITS.bytes) {
      this.replayError = `The file is over the ${FILE_LIMITS.bytes / 1024 / 1024} MB limit.`;
      return;
    }
    this.replayBusy = true;
    try {
      const started = viewResult.parse(
        await this.session.client.startReplay(await file.text(), this.replaySymbol),
      );
      if (!started.ok) {
        this.replayError = started.message;
        return;
      }
      this.session.show(started.value);
      this.session.select(this.replaySymbol);
      location.hash = '#/trade';
    } finally {
      this.replayBusy = false;
    }
  }

  get renameProblem(): string | null {
    if (!this.renaming) return null;
    const parsed = sessionNameSchema.safeParse(this.renaming.name);
    return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Check the name.');
  }

  get authorProblem(): string | null {
    if (this.author.trim() === '') return null;
    const parsed = plainLabel(80, 'Your name').safeParse(this.author);
    return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Check your name.');
  }

  async refresh(): Promise<void> {
    const listed = listResult.parse(await this.session.client.listSessions());
    if (listed.ok) this.sessions = listed.value;
    else this.message = listed.message;
    if (navigator.storage?.estimate) {
      const { usage = 0, quota = 0 } = await navigator.storage.estimate();
      this.storage = { usage, quota };
    }
  }

  /** Starts a new session with a tier and fills of the person's choice. */
  async create(request: NewSessionRequest): Promise<void> {
    const opened = viewResult.parse(await this.session.client.newSession(request));
    if (!opened.ok) this.message = opened.message;
    else this.session.show(opened.value);
    await this.refresh();
  }

  async open(id: string | undefined): Promise<void> {
    const opened = viewResult.parse(await this.session.client.switchTo(id));
    if (!opened.ok) this.message = opened.message;
    else this.session.show(opened.value);
    await this.refresh();
  }

  async rename(): Promise<void> {
    if (!this.renaming || this.renameProblem) return;
    const done = doneResult.parse(
      await this.session.client.renameSession(this.renaming.id, this.renaming.name),
    );
    this.message = done.ok ? null : done.message;
    if (done.ok) this.renaming = null;
    await this.refresh();
  }

  async duplicate(id: string): Promise<void> {
    const done = doneResult.parse(await this.session.client.duplicateSession(id));
    this.message = done.ok ? 'Copied.' : done.message;
    await this.refresh();
  }

  async remove(id: string): Promise<void> {
    this.confirmingDelete = null;
    const done = doneResult.parse(await this.session.client.deleteSession(id));
    this.message = done.ok ? 'Deleted.' : done.message;
    await this.refresh();
  }

  /** Shares the open session as a file where the device can, otherwise downloads it. */
  async exportFile(share: boolean): Promise<void> {
    if (this.authorProblem) return;
    const author = this.author.trim();
    const made = fileResult.parse(
      await this.session.client.exportSession({
        pretty: this.prettyExport,
        ...(author ? { author } : {}),
      }),
    );
    if (!made.ok) {
      this.message = made.message;
      return;
    }
    const file = new File([made.value.text], made.value.fileName, { type: 'application/json' });
    if (share && navigator.canShare?.({ files: [file] })) {
      try {
        await navigator.share({ files: [file], title: file.name });
        return;
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return;
      }
    }
    download(file);
  }

  /** Downloads the fills as CSV or the portfolio summary as JSON. */
  async exportReport(kind: 'fills-csv' | 'portfolio-json'): Promise<void> {
    const made = fileResult.parse(await this.session.client.exportReport(kind));
    if (!made.ok) {
      this.message = made.message;
      return;
    }
    const type = kind === 'fills-csv' ? 'text/csv' : 'application/json';
    download(new File([made.value.text], made.value.fileName, { type }));
  }

  /** Keeps the previewed import and opens it. */
  async keepImport(): Promise<void> {
    const id = await this.session.imports.keep();
    if (id === null) return;
    await this.open(id);
    this.session.imports.outcome = 'Imported and opened.';
  }
}
