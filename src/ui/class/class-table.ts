import type { ClassRow } from '../../engine/class-row.ts';

/** The class table's columns, in the order shown; numeric ones sort by value. */
export const COLUMNS = [
  { key: 'file', label: 'File', numeric: false },
  { key: 'name', label: 'Session', numeric: false },
  { key: 'author', label: 'Author', numeric: false },
  { key: 'tier', label: 'Tier', numeric: false },
  { key: 'verdict', label: 'Verdict', numeric: false },
  { key: 'finalEquity', label: 'Final equity', numeric: true },
  { key: 'returnPct', label: 'Return', numeric: true },
  { key: 'maxDrawdownPct', label: 'Max drawdown', numeric: true },
  { key: 'trades', label: 'Trades', numeric: true },
  { key: 'refusedOrders', label: 'Refused orders', numeric: true },
  { key: 'breakerTrips', label: 'Breaker trips', numeric: true },
  { key: 'assignment', label: 'Assignment', numeric: false },
] as const satisfies readonly { key: keyof ClassRow; label: string; numeric: boolean }[];

export type ColumnKey = (typeof COLUMNS)[number]['key'];
export type SortDirection = 'ascending' | 'descending';

/** Verified first, then modified, then refused, when sorted by verdict ascending. */
const VERDICT_ORDER = { verified: 0, modified: 1, refused: 2 } as const;

/**
 * Rows sorted by one column. Empty figures (a refused file has none) go last either way; ties keep
 * the file name order, so a sort is the same every time.
 */
export function sortRows<T extends { readonly row: ClassRow }>(
  entries: readonly T[],
  key: ColumnKey,
  direction: SortDirection,
): T[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const numeric = COLUMNS.find((c) => c.key === key)!.numeric;
  const value = (row: ClassRow): number | string | null => {
    const v = row[key];
    if (v === null) return null;
    if (key === 'verdict') return VERDICT_ORDER[row.verdict];
    return numeric ? Number(v) : String(v);
  };
  return [...entries].sort((a, b) => {
    const x = value(a.row);
    const y = value(b.row);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) {
      const order =
        typeof x === 'number' && typeof y === 'number'
          ? x - y
          : String(x).localeCompare(String(y), 'en', { numeric: true });
      if (order !== 0) return sign * order;
    }
    return a.row.file.localeCompare(b.row.file, 'en', { numeric: true });
  });
}

/** One assignment's rows in the class table, with how many follow it. */
export interface AssignmentGroup<T> {
  /** The assignment id; empty for files that name none. */
  readonly id: string;
  readonly title: string;
  readonly entries: readonly T[];
  readonly following: number;
  /** Whether this device has the teacher's copy of the assignment (its files were checked). */
  readonly known: boolean;
}

/**
 * Sorted rows grouped by the assignment they name, groups in the order their first row comes;
 * files that name none form the last group. Each group keeps the sort.
 */
export function groupByAssignment<T extends { readonly row: ClassRow }>(
  sorted: readonly T[],
): AssignmentGroup<T>[] {
  const groups = new Map<string, { title: string; entries: T[] }>();
  for (const entry of sorted) {
    const id = entry.row.assignment;
    const group = groups.get(id) ?? { title: entry.row.assignmentTitle, entries: [] };
    group.entries.push(entry);
    groups.set(id, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : 0) - (b === '' ? 1 : 0))
    .map(([id, { title, entries }]) => ({
      id,
      title,
      entries,
      following: entries.filter((e) => e.row.followsAssignment === true).length,
      known: entries.some((e) => e.row.followsAssignment !== null),
    }));
}
