import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Assignment } from '../engine/assignment.ts';
import { classRowsAtOnce, type ClassInput } from '../engine/class-batch.ts';
import type { ClassRow } from '../engine/class-row.ts';
import { refuse } from '../engine/result.ts';
import { readAssignmentLink } from '../schema/assignment-link.ts';
import { classCsv } from '../schema/class-report.ts';
import { parseSessionFile } from '../schema/session-file.ts';
import { UsageError } from './usage-error.ts';

/** A file on the disk, read and parsed as the class page reads a dropped one. */
function readPath(path: string): ClassInput {
  const file = basename(path);
  try {
    return { file, parsed: parseSessionFile(readFileSync(path, 'utf8')) };
  } catch (error) {
    const message = `cannot read: ${error instanceof Error ? error.message : String(error)}`;
    return { file, parsed: refuse('unreadable', message) };
  }
}

/**
 * The files' rows, in their order: the class page's verifier, fed from the disk instead of
 * dropped files, with the assignments given by `--assignment` as the teacher's copies.
 */
export async function verifyPaths(
  paths: readonly string[],
  known: readonly Assignment[] = [],
): Promise<ClassRow[]> {
  return classRowsAtOnce(paths.map(readPath), known);
}

/** The assignments of `--assignment` links, read as the class page reads a pasted one. */
export function assignmentsFromLinks(links: readonly string[]): Assignment[] {
  const out: Assignment[] = [];
  for (const link of links) {
    // A whole link, its "#/sessions?…" part, or the bare query a teacher may copy.
    const read = readAssignmentLink(link.includes('?') ? link : `?${link}`);
    if (read.type === 'none')
      throw new UsageError(`--assignment: "${link.slice(0, 80)}" is not an assignment link.`);
    if (read.type === 'refused') throw new UsageError(`--assignment: ${read.reason}`);
    if (out.some((a) => a.id === read.assignment.id))
      throw new UsageError(`--assignment: the assignment ${read.assignment.id} is given twice.`);
    out.push(read.assignment);
  }
  return out;
}

/**
 * "week-1: follows", "week-1: differs: …", "week-1: not known here…", or empty when the file
 * names no assignment.
 */
function assignmentCell(r: ClassRow): string {
  if (r.assignment === '') return '';
  if (r.followsAssignment === null)
    return `${r.assignment}: not known here; give its link with --assignment to check it`;
  return `${r.assignment}: ${r.followsAssignment ? 'follows' : `differs: ${r.assignmentReason}`}`;
}

export type VerifyFormat = 'table' | 'json' | 'csv';

/** Replays each file and prints a table sorted by return; exit 1 if any is not verified. */
export async function runVerify(
  paths: readonly string[],
  format: VerifyFormat,
  known: readonly Assignment[] = [],
): Promise<number> {
  const rows = await verifyPaths(paths, known);
  rows.sort((a, b) => Number(b.returnPct ?? -Infinity) - Number(a.returnPct ?? -Infinity));
  if (format === 'json') process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else if (format === 'csv') process.stdout.write(classCsv(rows));
  else {
    const header = [
      'file',
      'name',
      'author',
      'tier',
      'verdict',
      'final equity',
      'return %',
      'max dd %',
      'trades',
      'refused',
      'breakers',
      'assignment',
    ];
    const table = [
      header,
      ...rows.map((r) => [
        r.file,
        r.name,
        r.author,
        r.tier,
        r.verdict + (r.reason ? `: ${r.reason}` : ''),
        r.finalEquity ?? '',
        r.returnPct ?? '',
        r.maxDrawdownPct ?? '',
        String(r.trades ?? ''),
        String(r.refusedOrders ?? ''),
        String(r.breakerTrips ?? ''),
        assignmentCell(r),
      ]),
    ];
    const widths = header.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
    for (const row of table)
      process.stdout.write(`${row.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')}\n`);
  }
  return rows.every((r) => r.verdict === 'verified') ? 0 : 1;
}
