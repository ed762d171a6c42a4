import { runLesson, type Lesson, type LessonLog } from '../engine/lesson.ts';
import { ok, refuse, type Result } from '../engine/result.ts';
import { demoSeedSchema, sessionNameSchema, type ExportedFile } from '../schema/messages.ts';
import { commandRowSchema, newSessionId, sessionRowSchema } from '../schema/rows.ts';
import { exportSessionFile } from './session-files.ts';

/**
 * The lesson's worker side: runs the lesson's scratch sessions in the engine and, when asked,
 * writes the followed session as a session file. It stores nothing: keeping the session is the
 * Sessions page's import of that file.
 */
export class LessonService {
  private last: { seed: string; log: LessonLog } | null = null;

  /** The lesson on a seed: every figure of every step. */
  run(seedInput: unknown): Result<Lesson, 'invalid-seed'> {
    const seed = demoSeedSchema.safeParse(seedInput);
    if (!seed.success) return refuse('invalid-seed', 'Use 1–32 letters or digits as the seed.');
    const { lesson, log } = runLesson(seed.data);
    this.last = { seed: seed.data, log };
    return ok(lesson);
  }

  /** The last run's followed session as a session file under this name, ready to import. */
  async sessionFile(nameInput: unknown): Promise<Result<ExportedFile, 'no-lesson' | 'invalid'>> {
    const last = this.last;
    if (!last) return refuse('no-lesson', 'Run the lesson first; there is nothing to keep yet.');
    const name = sessionNameSchema.safeParse(nameInput);
    if (!name.success)
      return refuse('invalid', name.error.issues[0]?.message ?? 'Check the session name.');
    const id = newSessionId();
    const row = sessionRowSchema.parse({
      id,
      name: name.data,
      seed: last.seed,
      config: last.log.config,
      createdAt: Date.now(),
      writerEpoch: 0,
    });
    const commands = last.log.commands.map(({ at, command }, i) =>
      commandRowSchema.parse({ sessionId: id, seq: i + 1, at, command }),
    );
    return ok(await exportSessionFile(row, commands, last.log.session, { pretty: true }));
  }
}
