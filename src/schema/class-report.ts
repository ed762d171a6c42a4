import * as z from 'zod/mini';
import type { ClassRow } from '../engine/class-row.ts';
import { decimalString, signedDecimalString } from './decimal.ts';

/** Most files the class page takes at once. */
export const CLASS_MAX_FILES = 200;

const count = z.nullable(z.int().check(z.minimum(0)));

/** One verified file as it comes back from the worker (parsed: nothing from a worker is trusted). */
export const classRowSchema = z.strictObject({
  file: z.string(),
  name: z.string(),
  author: z.string(),
  tier: z.string(),
  verdict: z.enum(['verified', 'modified', 'refused']),
  reason: z.string(),
  finalEquity: z.nullable(decimalString),
  returnPct: z.nullable(signedDecimalString),
  maxDrawdownPct: z.nullable(decimalString),
  trades: count,
  refusedOrders: count,
  breakerTrips: count,
  assignment: z.string(),
  assignmentTitle: z.string(),
  followsAssignment: z.nullable(z.boolean()),
  assignmentReason: z.string(),
}) satisfies z.ZodMiniType<ClassRow>;

/**
 * The CSV columns, in a stable order; changing them breaks teachers' spreadsheets, so new ones
 * go at the end.
 */
export const CLASS_CSV_HEADER =
  'file,name,author,tier,verdict,reason,final_equity,return_pct,max_drawdown_pct,trades,refused_orders,breaker_trips,assignment,assignment_title,follows_assignment,assignment_reason';

/** The class table as CSV (RFC 4180), one file per line; an empty cell where a figure is unknown. */
export function classCsv(rows: readonly ClassRow[]): string {
  const lines = rows.map((r) =>
    [
      text(r.file),
      text(r.name),
      text(r.author),
      r.tier,
      r.verdict,
      text(r.reason),
      r.finalEquity ?? '',
      r.returnPct ?? '',
      r.maxDrawdownPct ?? '',
      r.trades ?? '',
      r.refusedOrders ?? '',
      r.breakerTrips ?? '',
      text(r.assignment),
      text(r.assignmentTitle),
      r.followsAssignment === null ? '' : r.followsAssignment ? 'yes' : 'no',
      text(r.assignmentReason),
    ].join(','),
  );
  return `${[CLASS_CSV_HEADER, ...lines].join('\r\n')}\r\n`;
}

/**
 * A text cell, quoted when it holds a comma, quote or line break. Names come from students'
 * files: one that starts like a formula (= + - @) gets a leading apostrophe, so a spreadsheet
 * shows it rather than runs it.
 */
function text(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
