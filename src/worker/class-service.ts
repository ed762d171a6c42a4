import { classRow, refusedRow, type ClassRow } from '../engine/class-row.ts';
import { knownAssignmentsSchema } from '../schema/known-assignments.ts';
import { parseSessionFile } from '../schema/session-file.ts';
import { replayStepwise } from './replay-stepwise.ts';
import { throttled } from './throttle.ts';

/**
 * The class page's worker side: verifies dropped session files one at a time, with the same
 * parse and replay as an import and the same row as `sim verify`. It keeps nothing; the page
 * cancels by stopping the worker.
 */
export class ClassService {
  /**
   * Reads, parses and replays one file, and checks it against the teacher's copies of
   * assignments (`known`, as remembered on the page); reports the replay's progress from 0 to 1.
   */
  async verify(
    fileName: unknown,
    file: unknown,
    onProgress?: (fraction: number) => unknown,
    known: unknown = [],
  ): Promise<ClassRow> {
    const name = typeof fileName === 'string' ? fileName.slice(0, 255) : 'file';
    if (!(file instanceof Blob)) return refusedRow(name, 'The file could not be read.');
    const assignments = knownAssignmentsSchema.safeParse(known);
    if (!assignments.success)
      return refusedRow(name, 'The assignments to check it against could not be read.');
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      return refusedRow(name, `cannot read: ${error instanceof Error ? error.message : error}`);
    }
    const report = throttled(onProgress);
    return classRow(name, parseSessionFile(text), assignments.data, (session, commands, endTime) =>
      replayStepwise(session, commands, endTime, {
        onProgress: (fraction) => report(fraction >= 1, fraction),
      }),
    );
  }
}
