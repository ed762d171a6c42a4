import { runLesson } from '../engine/lesson.ts';
import { ok, refuse, type Result } from '../engine/result.ts';
import { demoSeedSchema } from '../schema/messages.ts';
import { commandRowSchema, newSessionId, sessionRowSchema } from '../schema/rows.ts';
import type { LessonRun } from '../schema/lesson.ts';
import { exportSessionFile } from './session-files.ts';

/**
 * The lesson's worker side: runs the lesson's scratch sessions in the engine and writes the
 * followed session as a session file. It stores nothing: keeping the session is the Sessions
 * page's import of that file.
 */
export class LessonService {
  /** The lesson on a seed: every figure of every step, and the file that keeps its session. */
  async run(seedInput: unknown): Promise<Result<LessonRun, 'invalid-seed'>> {
    const seed = demoSeedSchema.safeParse(seedInput);
    if (!seed.success) return refuse('invalid-seed', 'Use 1–32 letters or digits as the seed.');
    const { lesson, log } = runLesson(seed.data);
    const id = newSessionId();
    const row = sessionRowSchema.parse({
      id,
      name: `Lesson, seed ${seed.data}`,
      seed: seed.data,
      config: log.config,
      createdAt: Date.now(),
      writerEpoch: 0,
    });
    const commands = log.commands.map(({ at, command }, i) =>
      commandRowSchema.parse({ sessionId: id, seq: i + 1, at, command }),
    );
    const file = await exportSessionFile(row, commands, log.session, { pretty: true });
    return ok({ lesson, file });
  }
}
