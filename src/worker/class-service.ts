import { classRows, type ClassInput } from '../engine/class-batch.ts';
import { refusedRow, type ClassRow } from '../engine/class-row.ts';
import { refuse } from '../engine/result.ts';
import { knownAssignmentsSchema } from '../schema/known-assignments.ts';
import { parseSessionFile } from '../schema/session-file.ts';
import { nextTurn } from './next-turn.ts';
import { throttled } from './throttle.ts';

/** How long the replay may hold the worker before it lets other messages through. */
const SLICE_MS = 25;

/**
 * The class page's worker side: verifies dropped session files a batch at a time, with the same
 * parse and replay as an import and the same rows as `sim verify`. Files of one assignment share
 * their market in a batch (see `classRows`). It keeps nothing; the page cancels by stopping the
 * worker.
 */
export class ClassService {
  /**
   * Reads, parses and replays a batch of files, and checks each against the teacher's copies of
   * assignments (`known`, as remembered on the page); reports the batch's progress from 0 to 1.
   * Rows come in the files' order.
   */
  async verifyBatch(
    files: unknown,
    onProgress?: (fraction: number) => unknown,
    known: unknown = [],
  ): Promise<ClassRow[]> {
    const list = Array.isArray(files) ? (files as unknown[]) : [];
    const assignments = knownAssignmentsSchema.safeParse(known);
    const inputs: ClassInput[] = [];
    for (const entry of list) {
      const { name, file } = (entry ?? {}) as { name?: unknown; file?: unknown };
      const fileName = typeof name === 'string' ? name.slice(0, 255) : 'file';
      inputs.push({ file: fileName, parsed: await readFile(file) });
    }
    if (!assignments.success)
      return inputs.map(({ file }) =>
        refusedRow(file, 'The assignments to check it against could not be read.'),
      );
    const report = throttled(onProgress);
    let sliceStart = performance.now();
    const rows = await classRows(inputs, assignments.data, {
      pause: async (fraction) => {
        if (performance.now() - sliceStart < SLICE_MS) return false;
        report(false, fraction);
        await nextTurn();
        sliceStart = performance.now();
        return false;
      },
    });
    report(true, 1);
    // Nothing here cancels: the page stops the worker.
    return rows.ok ? rows.value : [];
  }

  /** One file's row, as `verifyBatch` gives it. */
  async verify(
    fileName: unknown,
    file: unknown,
    onProgress?: (fraction: number) => unknown,
    known: unknown = [],
  ): Promise<ClassRow> {
    const [row] = await this.verifyBatch([{ name: fileName, file }], onProgress, known);
    return row!;
  }
}

/** A dropped file, read and parsed; a refusal says why it could not be. */
async function readFile(file: unknown) {
  if (!(file instanceof Blob)) return refuse('unreadable', 'The file could not be read.');
  try {
    return parseSessionFile(await file.text());
  } catch (error) {
    return refuse('unreadable', `cannot read: ${error instanceof Error ? error.message : error}`);
  }
}
