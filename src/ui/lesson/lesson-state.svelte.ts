import * as z from 'zod/mini';
import type { Lesson } from '../../engine/lesson.ts';
import { exportedFileSchema, resultSchema, sessionSummarySchema } from '../../schema/messages.ts';
import { lessonSchema } from '../../schema/lesson.ts';
import { firstFreeName } from '../../schema/text.ts';
import { startLessonWorker } from '../../worker/client.ts';
import { keepSessionFile } from '../keep-file.ts';
import type { SessionState } from '../session-state.svelte.ts';

const runResult = resultSchema(lessonSchema);
const fileResult = resultSchema(exportedFileSchema);
const listResult = resultSchema(z.array(sessionSummarySchema));

/** The lesson's steps, in order. */
export const LESSON_STEPS = ['account', 'limits', 'buys', 'crash', 'breakers', 'summary'] as const;
export type LessonStep = (typeof LESSON_STEPS)[number];

export type KeepState =
  | { readonly state: 'idle' | 'keeping' }
  | { readonly state: 'kept'; readonly name: string }
  | { readonly state: 'failed'; readonly message: string };

/**
 * Lesson mode: one step at a time through the original report's story. The figures come from
 * the lesson's worker, which runs the engine on scratch sessions; nothing is stored unless the
 * teacher keeps the session, through the same import as the Sessions page.
 */
export class LessonState {
  seed = $state('42');
  run = $state.raw<Lesson | null>(null);
  index = $state(0);
  busy = $state(false);
  problem = $state<string | null>(null);
  keeping = $state<KeepState>({ state: 'idle' });
  readonly step = $derived<LessonStep>(LESSON_STEPS[this.index] ?? 'account');
  readonly seedProblem = $derived(
    /^[A-Za-z0-9]{1,32}$/.test(this.seed.trim()) ? null : 'Use 1–32 letters or digits as the seed.',
  );
  private worker: ReturnType<typeof startLessonWorker> | null = null;

  constructor(private readonly session: SessionState) {}

  /** Runs the lesson on the seed in the worker; the steps then show its figures. */
  async load(): Promise<void> {
    if (this.seedProblem || this.busy) return;
    this.busy = true;
    this.problem = null;
    try {
      this.worker ??= startLessonWorker();
      const answer = runResult.parse(await this.worker.client.run(this.seed.trim()));
      if (answer.ok) {
        this.run = answer.value;
        this.keeping = { state: 'idle' };
      } else this.problem = answer.message;
    } catch (error) {
      this.problem = `The lesson could not run: ${error instanceof Error ? error.message : error}`;
    } finally {
      this.busy = false;
    }
  }

  get canBack(): boolean {
    return this.index > 0;
  }

  get canNext(): boolean {
    return this.run !== null && this.index < LESSON_STEPS.length - 1;
  }

  next(): void {
    if (this.canNext) this.index++;
  }

  back(): void {
    if (this.canBack) this.index--;
  }

  /** Left and Right arrows step back and on, except while typing in a field. */
  onKey(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.target;
    if (
      target instanceof HTMLElement &&
      target.closest('input, textarea, select, [contenteditable]')
    )
      return;
    if (event.key === 'ArrowRight') this.next();
    else if (event.key === 'ArrowLeft') this.back();
    else return;
    event.preventDefault();
  }

  /**
   * Stores the followed session as a normal session under a name no session has yet: the lesson's
   * worker writes it as a session file, and the Sessions page's import keeps that file.
   */
  async keep(): Promise<void> {
    const run = this.run;
    const worker = this.worker;
    if (!run || !worker || this.keeping.state === 'keeping' || this.keeping.state === 'kept')
      return;
    this.keeping = { state: 'keeping' };
    const listed = listResult.parse(await this.session.client.listSessions());
    const taken = listed.ok ? listed.value.map((s) => s.name) : [];
    const file = fileResult.parse(
      await worker.client.sessionFile(firstFreeName(taken, `Lesson, seed ${run.seed}`)),
    );
    const kept = file.ok
      ? await keepSessionFile(this.session.client, file.value.text)
      : { ok: false as const, message: file.message };
    this.keeping = kept.ok
      ? { state: 'kept', name: kept.name }
      : { state: 'failed', message: kept.message };
  }

  stop(): void {
    this.worker?.stop();
    this.worker = null;
  }
}
