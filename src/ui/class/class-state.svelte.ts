import type { ClassRow } from '../../engine/class-row.ts';
import { CLASS_MAX_FILES, classCsv, classRowSchema } from '../../schema/class-report.ts';
import { proxy, startClassWorker } from '../../worker/client.ts';
import { download } from '../download.ts';
import { keepSessionFile } from '../keep-file.ts';
import type { SessionState } from '../session-state.svelte.ts';
import { groupByAssignment, sortRows, type ColumnKey, type SortDirection } from './class-table.ts';
import type { KnownAssignments } from './known-assignments.svelte.ts';

/** Files a worker replays at once: their sessions are held in memory together. */
const BATCH_MAX = 25;

/** One checked file: its row, and the file itself in case the teacher keeps it. */
export interface ClassEntry {
  readonly id: number;
  readonly row: ClassRow;
  readonly file: File;
}

/** Keeping a file: under way, done, or refused with the reason. */
export type KeepState =
  { readonly state: 'keeping' | 'kept' } | { readonly state: 'failed'; readonly message: string };

/**
 * The class page: checks many session files in a pool of workers, a batch per worker at a time,
 * and holds the rows in memory only. Cancel stops the workers; nothing is ever stored unless the
 * teacher keeps a file, which goes through the same import as the Sessions page.
 */
export class ClassState {
  entries = $state.raw<ClassEntry[]>([]);
  total = $state(0);
  /** Files finished plus the fractions of those being replayed, 0 to `total`. */
  progress = $state(0);
  running = $state(false);
  message = $state<string | null>(null);
  /** Wall time of the last complete run, ms. */
  elapsedMs = $state<number | null>(null);
  sortKey = $state<ColumnKey>('file');
  sortDirection = $state<SortDirection>('ascending');
  kept = $state<Record<number, KeepState>>({});
  readonly sorted = $derived(sortRows(this.entries, this.sortKey, this.sortDirection));
  /** The sorted rows by assignment; shown with headings once any file names one. */
  readonly groups = $derived(groupByAssignment(this.sorted));
  readonly grouped = $derived(this.groups.some((g) => g.id !== ''));
  readonly counts = $derived({
    verified: this.entries.filter((e) => e.row.verdict === 'verified').length,
    modified: this.entries.filter((e) => e.row.verdict === 'modified').length,
    refused: this.entries.filter((e) => e.row.verdict === 'refused').length,
  });

  private stops: (() => void)[] = [];
  private cancelRun: (() => void) | null = null;
  /** The files of the last batch, to check again once the teacher adds an assignment. */
  private lastFiles: readonly File[] = [];

  constructor(
    private readonly session: SessionState,
    private readonly known: KnownAssignments,
  ) {}

  /** Checks the last batch again (after an assignment was added), if it names that assignment. */
  async recheck(assignmentId: string): Promise<void> {
    if (this.entries.some((e) => e.row.assignment === assignmentId))
      await this.verify(this.lastFiles);
  }

  /** Checks a batch of dropped or chosen files, replacing the table. */
  async verify(chosen: readonly File[]): Promise<void> {
    if (this.running || chosen.length === 0) return;
    const files = chosen.slice(0, CLASS_MAX_FILES);
    this.lastFiles = files;
    // The teacher's copies as they are now; plain objects, so they cross to the workers.
    const known = [...this.known.list];
    this.message =
      chosen.length > CLASS_MAX_FILES
        ? `Only the first ${CLASS_MAX_FILES} of ${chosen.length} files are checked.`
        : null;
    this.entries = [];
    this.kept = {};
    this.total = files.length;
    this.progress = 0;
    this.elapsedMs = null;
    this.running = true;
    const started = performance.now();
    let cancelled = false;
    const stopped = new Promise<'cancelled'>((resolve) => {
      this.cancelRun = () => {
        cancelled = true;
        resolve('cancelled');
      };
    });
    // One worker per core, each replaying a batch of files at a time: files of one assignment
    // in a batch share their market (see `classRows`), so a batch is a worker's share of the
    // files, up to BATCH_MAX (sessions held at once).
    const size = Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 8, files.length));
    const batch = Math.min(BATCH_MAX, Math.ceil(files.length / size));
    const pool = Array.from({ length: size }, () => startClassWorker());
    this.stops = pool.map((w) => w.stop);
    const fractions = pool.map(() => 0);
    let done = 0;
    let next = 0;
    const show = () => (this.progress = done + fractions.reduce((a, b) => a + b, 0));
    try {
      await Promise.all(
        pool.map(async ({ client }, w) => {
          while (next < files.length && !cancelled) {
            const first = next;
            const chosen = files.slice(first, (next += batch));
            const onProgress = proxy((fraction: number) => {
              fractions[w] = fraction * chosen.length;
              show();
            });
            const outcome = await Promise.race([
              client.verifyBatch(
                chosen.map((file) => ({ name: file.name, file })),
                onProgress,
                known,
              ),
              stopped,
            ]);
            if (outcome === 'cancelled') return;
            const rows = outcome.map((row) => classRowSchema.parse(row));
            this.entries = [
              ...this.entries,
              ...rows.map((row, i) => ({ id: first + i, row, file: chosen[i]! })),
            ];
            fractions[w] = 0;
            done += chosen.length;
            show();
          }
        }),
      );
      if (cancelled)
        this.message = `Cancelled after ${done} of ${files.length} files; nothing was stored.`;
      else this.elapsedMs = performance.now() - started;
    } catch (error) {
      this.message = `Checking stopped: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      this.stopWorkers();
      this.running = false;
      this.cancelRun = null;
    }
  }

  /** Stops checking; the rows so far stay, the rest are dropped. */
  cancel(): void {
    this.cancelRun?.();
    this.stopWorkers();
  }

  /** Sorts by a column; the same column again reverses the order. */
  sortBy(key: ColumnKey): void {
    if (this.sortKey === key)
      this.sortDirection = this.sortDirection === 'ascending' ? 'descending' : 'ascending';
    else {
      this.sortKey = key;
      this.sortDirection = 'ascending';
    }
  }

  /** The table as shown, as a CSV download. */
  exportCsv(): void {
    const csv = classCsv(this.sorted.map((e) => e.row));
    download(new File([csv], 'powertrader-class.csv', { type: 'text/csv' }));
  }

  /** Forgets the table. */
  clear(): void {
    this.entries = [];
    this.kept = {};
    this.total = 0;
    this.progress = 0;
    this.elapsedMs = null;
    this.message = null;
  }

  /**
   * Stores one file as a session through the Sessions page's import (a modified one only as a
   * labelled copy); it replays the file again there, which is the import's own check.
   */
  async keep(entry: ClassEntry): Promise<void> {
    if (this.kept[entry.id]?.state === 'keeping' || this.kept[entry.id]?.state === 'kept') return;
    this.kept[entry.id] = { state: 'keeping' };
    const kept = await keepSessionFile(this.session.client, await entry.file.text());
    this.kept[entry.id] = kept.ok ? { state: 'kept' } : { state: 'failed', message: kept.message };
  }

  private stopWorkers(): void {
    for (const stop of this.stops) stop();
    this.stops = [];
  }
}
