import { describe, expect, it } from 'vitest';
import { assignmentQuery } from '../../../src/schema/assignment-link.ts';
import {
  readStoredAssignments,
  storedAssignmentsText,
} from '../../../src/schema/known-assignments.ts';
import {
  KNOWN_ASSIGNMENTS_KEY,
  KnownAssignments,
  STORAGE_NOT_AVAILABLE,
  type AssignmentStorage,
} from '../../../src/ui/class/known-assignments.svelte.ts';
import { WEEK1 } from '../../support/assignment.ts';

/** A localStorage of one page, in memory. */
function memory(initial?: string): AssignmentStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  if (initial !== undefined) items.set(KNOWN_ASSIGNMENTS_KEY, initial);
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

const WEEK2 = { ...WEEK1, id: 'wk2a2b3c', title: 'Week 2', seed: 'week2' };
const link = (a: typeof WEEK1) => `https://example.org/#/sessions?${assignmentQuery(a)}`;

describe('the assignments a teacher keeps on this device', () => {
  it('are remembered and read back, in the order they were added', () => {
    const storage = memory();
    const first = new KnownAssignments(storage);
    expect(first.list).toEqual([]);
    expect(first.note).toBeNull();
    expect(first.remember(WEEK1)).toBeNull();
    expect(first.remember(WEEK2)).toBeNull();
    const again = new KnownAssignments(storage);
    expect(again.list).toEqual([WEEK1, WEEK2]);
    again.forget(WEEK1.id);
    expect(new KnownAssignments(storage).list).toEqual([WEEK2]);
  });

  it('ignore damaged storage with a note instead of failing, and keep what can be read', () => {
    const broken = new KnownAssignments(memory('{"type":"powertrader.assignments",'));
    expect(broken.list).toEqual([]);
    expect(broken.note).toMatch(/could not be read, so they are ignored/);

    const mixed = JSON.stringify({
      type: 'powertrader.assignments',
      version: 1,
      assignments: [WEEK1, { ...WEEK2, cash: '-5' }, 'nonsense'],
    });
    const partly = new KnownAssignments(memory(mixed));
    expect(partly.list).toEqual([WEEK1]);
    expect(partly.note).toBe(
      '2 remembered assignments could not be read and are ignored; paste their links again to check files against them.',
    );
    expect(readStoredAssignments(JSON.stringify({ version: 1 })).assignments).toEqual([]);
  });

  it('say remembering is not available where the browser gives no storage, and still work for the visit', () => {
    const none = new KnownAssignments(null);
    expect(none.note).toBe(STORAGE_NOT_AVAILABLE);
    expect(none.remember(WEEK1)).toBeNull();
    expect(none.list).toEqual([WEEK1]);

    const refusing: AssignmentStorage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => undefined,
    };
    expect(new KnownAssignments(refusing).note).toBe(STORAGE_NOT_AVAILABLE);
  });

  it('keep the assignment in memory, with a note, when storage refuses to write', () => {
    const full: AssignmentStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    const known = new KnownAssignments(full);
    expect(known.remember(WEEK1)).toBeNull();
    expect(known.list).toEqual([WEEK1]);
    expect(known.note).toMatch(/could not be remembered on this device/);
  });

  it('take a pasted link, and explain a bad one at the field', () => {
    const storage = memory();
    const known = new KnownAssignments(storage);
    known.link = 'https://example.org/#/lab?seed=1';
    expect(known.addLink()).toBeNull();
    expect(known.linkError).toMatch(/^This is not an assignment link/);
    known.link = link(WEEK1).replace('v=1', 'v=7');
    expect(known.addLink()).toBeNull();
    expect(known.linkError).toMatch(/version 7 link/);
    expect(storage.items.size).toBe(0);

    known.link = `  ${link(WEEK1)} `;
    expect(known.addLink()).toEqual(WEEK1);
    expect(known.linkError).toBeNull();
    expect(known.linkDone).toBe('Added “Week 1: two coins” (wk1a2b3c).');
    expect(readStoredAssignments(storage.items.get(KNOWN_ASSIGNMENTS_KEY)!).assignments).toEqual([
      WEEK1,
    ]);
    // The same link again changes nothing.
    known.link = link(WEEK1);
    expect(known.addLink()).toEqual(WEEK1);
    expect(known.list).toHaveLength(1);
  });

  it('never let a pasted link replace the teacher’s copy of the same id', () => {
    const storage = memory(storedAssignmentsText([WEEK1]));
    const known = new KnownAssignments(storage);
    known.link = link({ ...WEEK1, seed: 'lucky' });
    expect(known.addLink()).toBeNull();
    expect(known.linkError).toBe(
      'An assignment with the id wk1a2b3c (“Week 1: two coins”) is already known here with other settings; forget it first to replace it.',
    );
    expect(new KnownAssignments(storage).list).toEqual([WEEK1]);
  });
});
