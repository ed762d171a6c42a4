import * as z from 'zod/mini';
import type { Assignment } from '../engine/assignment.ts';
import { assignmentSchema } from './assignment.ts';

/** Most assignments remembered on one device; the oldest go first. */
export const MAX_KNOWN_ASSIGNMENTS = 200;

/** The teacher's own copies of assignments, as the class page hands them to its workers. */
export const knownAssignmentsSchema = z
  .array(assignmentSchema)
  .check(z.maxLength(MAX_KNOWN_ASSIGNMENTS));

/**
 * What this device keeps of the assignments a teacher made or pasted (localStorage). Entries are
 * read one by one, so a damaged one costs only itself.
 */
const storedSchema = z.object({
  type: z.literal('powertrader.assignments'),
  version: z.literal(1),
  assignments: z.array(z.unknown()),
});

/** The stored assignments, and a sentence on what could not be read (null when all could). */
export interface StoredAssignments {
  readonly assignments: Assignment[];
  readonly problem: string | null;
}

/** Reads the stored text (null when nothing is stored); never throws. */
export function readStoredAssignments(text: string | null): StoredAssignments {
  if (text === null) return { assignments: [], problem: null };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const stored = storedSchema.safeParse(data);
  if (!stored.success)
    return {
      assignments: [],
      problem:
        'The assignments remembered on this device could not be read, so they are ignored; paste their links again to check files against them.',
    };
  const assignments: Assignment[] = [];
  const seen = new Set<string>();
  let bad = 0;
  for (const entry of stored.data.assignments) {
    const parsed = assignmentSchema.safeParse(entry);
    if (!parsed.success || seen.has(parsed.data.id)) bad++;
    else {
      seen.add(parsed.data.id);
      assignments.push(parsed.data);
    }
  }
  return {
    assignments: assignments.slice(-MAX_KNOWN_ASSIGNMENTS),
    problem:
      bad === 0
        ? null
        : `${bad === 1 ? 'One remembered assignment' : `${bad} remembered assignments`} could not be read and ${bad === 1 ? 'is' : 'are'} ignored; paste ${bad === 1 ? 'its link' : 'their links'} again to check files against ${bad === 1 ? 'it' : 'them'}.`,
  };
}

/** The text to store for these assignments (the newest last). */
export function storedAssignmentsText(assignments: readonly Assignment[]): string {
  return JSON.stringify({
    type: 'powertrader.assignments',
    version: 1,
    assignments: assignments.slice(-MAX_KNOWN_ASSIGNMENTS),
  });
}
