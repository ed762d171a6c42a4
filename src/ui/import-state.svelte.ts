import * as z from 'zod/mini';
import {
  importPreviewSchema,
  importStepSchema,
  resultSchema,
  type ImportPreview,
  type ImportStep,
} from '../schema/messages.ts';
import { FILE_LIMITS } from '../schema/limits.ts';
import { proxy, type SessionClient } from '../worker/client.ts';

const previewResult = resultSchema(importPreviewSchema);
const keptResult = resultSchema(z.strictObject({ sessionId: z.string() }));

/** How far a long import is: the bar's fraction and, where known, the commands done of all. */
export interface ImportProgress {
  readonly fraction: number;
  readonly step: ImportStep | null;
}

/**
 * A session file on its way in: replayed in the worker for a preview, then stored on Keep. It
 * lives as long as the app, not the Sessions page, so its progress and Cancel stay in sight on
 * every page (App's header strip), and the preview waits for the person to come back to it.
 * When the page itself goes away, the worker is told to stop.
 */
export class ImportState {
  fileName = $state<string | null>(null);
  /** Set while the worker replays or stores the file. */
  progress = $state.raw<ImportProgress | null>(null);
  preview = $state.raw<ImportPreview | null>(null);
  error = $state<string | null>(null);
  /** What came of the last import: cancelled, or kept and opened. */
  outcome = $state<string | null>(null);

  constructor(private readonly client: SessionClient) {
    addEventListener('pagehide', () => {
      if (this.progress) void this.client.cancelImport();
    });
  }

  /** Takes the worker's (throttled) progress, checked as any message from it is. */
  private readonly onProgress = proxy((fraction: unknown, step: unknown) => {
    if (this.progress === null || typeof fraction !== 'number') return;
    const parsed = importStepSchema.safeParse(step);
    this.progress = {
      fraction: Math.min(1, Math.max(0, fraction)),
      step: parsed.success ? parsed.data : null,
    };
  });

  /** Reads a chosen or dropped file and replays it in the worker, showing progress. */
  async open(file: File): Promise<void> {
    this.preview = null;
    this.error = null;
    this.outcome = null;
    this.fileName = file.name;
    if (file.size > FILE_LIMITS.bytes) {
      this.error = `The file is over the ${FILE_LIMITS.bytes / 1024 / 1024} MB limit.`;
      return;
    }
    this.progress = { fraction: 0, step: null };
    try {
      const text = await file.text();
      const previewed = previewResult.parse(await this.client.previewImport(text, this.onProgress));
      if (previewed.ok) this.preview = previewed.value;
      else if (previewed.code !== 'cancelled') this.error = previewed.message;
    } finally {
      this.progress = null;
    }
  }

  /** Stops the replay or the store under way, or forgets the preview; nothing is stored. */
  async cancel(): Promise<void> {
    await this.client.cancelImport();
    this.preview = null;
    this.progress = null;
    this.outcome = 'Import cancelled; nothing was stored.';
  }

  /** Stores the previewed file, showing progress; the new session's id, or null if not kept. */
  async keep(): Promise<string | null> {
    const preview = this.preview;
    if (!preview) return null;
    this.preview = null;
    this.progress = { fraction: 0, step: { phase: 'store', done: 0, total: preview.commandCount } };
    try {
      const kept = keptResult.parse(await this.client.commitImport(preview.token, this.onProgress));
      if (kept.ok) return kept.value.sessionId;
      if (kept.code !== 'cancelled') this.error = kept.message;
      return null;
    } finally {
      this.progress = null;
    }
  }
}
