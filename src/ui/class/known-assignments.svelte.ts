import type { Assignment } from '../../engine/assignment.ts';
import { readAssignmentLink } from '../../schema/assignment-link.ts';
import {
  MAX_KNOWN_ASSIGNMENTS,
  readStoredAssignments,
  storedAssignmentsText,
} from '../../schema/known-assignments.ts';

/** Where the list lives in localStorage; changing it forgets every teacher's assignments. */
export const KNOWN_ASSIGNMENTS_KEY = 'powertrader:assignments';

/** The part of localStorage the list needs (a test passes its own). */
export type AssignmentStorage = Pick<Storage, 'getItem' | 'setItem'>;

export const STORAGE_NOT_AVAILABLE =
  'Remembering assignments is not available here: this browser gives the page no storage. Assignments you make or paste are known until the page closes.';
const NOT_SAVED =
  'This assignment could not be remembered on this device (its storage refused it); it is known until the page closes.';

/** The page's localStorage, or null where the browser has none or refuses it. */
export function deviceStorage(): AssignmentStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * The teacher's own copies of assignments, remembered on this device: those made on the class
 * page and those whose link was pasted there. Files are checked against these, never against
 * the copy a file carries of itself.
 */
export class KnownAssignments {
  list = $state.raw<readonly Assignment[]>([]);
  /** What went wrong with the device's storage, in words; null when nothing did. */
  note = $state<string | null>(null);
  /** The link field on the class page, its error and its confirmation. */
  link = $state('');
  linkError = $state<string | null>(null);
  linkDone = $state<string | null>(null);

  constructor(private readonly storage: AssignmentStorage | null = deviceStorage()) {
    if (!storage) {
      this.note = STORAGE_NOT_AVAILABLE;
      return;
    }
    let text: string | null;
    try {
      text = storage.getItem(KNOWN_ASSIGNMENTS_KEY);
    } catch {
      this.note = STORAGE_NOT_AVAILABLE;
      return;
    }
    const stored = readStoredAssignments(text);
    this.list = stored.assignments;
    this.note = stored.problem;
  }

  /** The teacher's copy of an assignment, by id. */
  find(id: string): Assignment | undefined {
    return this.list.find((a) => a.id === id);
  }

  /**
   * Remembers an assignment; null when done (or already known as it is), else why not: an id
   * already known with other settings is never replaced, so a pasted link cannot rewrite one.
   */
  remember(a: Assignment): string | null {
    const known = this.find(a.id);
    if (known)
      return JSON.stringify(known) === JSON.stringify(a)
        ? null
        : `An assignment with the id ${a.id} (“${known.title}”) is already known here with other settings; forget it first to replace it.`;
    this.list = [...this.list, a].slice(-MAX_KNOWN_ASSIGNMENTS);
    this.save();
    return null;
  }

  /** Forgets one assignment on this device. */
  forget(id: string): void {
    this.list = this.list.filter((a) => a.id !== id);
    this.save();
  }

  /** Reads the pasted link and remembers its assignment; the added one, or null with the error. */
  addLink(): Assignment | null {
    this.linkDone = null;
    const read = readAssignmentLink(this.link.trim());
    if (read.type !== 'open') {
      this.linkError =
        read.type === 'refused'
          ? read.reason
          : 'This is not an assignment link: paste the whole link the class page made, with “assignment=” in it.';
      return null;
    }
    const refused = this.remember(read.assignment);
    if (refused) {
      this.linkError = refused;
      return null;
    }
    this.linkError = null;
    this.link = '';
    this.linkDone = `Added “${read.assignment.title}” (${read.assignment.id}).`;
    return read.assignment;
  }

  private save(): void {
    if (!this.storage) return;
    try {
      this.storage.setItem(KNOWN_ASSIGNMENTS_KEY, storedAssignmentsText(this.list));
      // A list written whole replaces whatever could not be read.
      if (this.note !== STORAGE_NOT_AVAILABLE) this.note = null;
    } catch {
      this.note = NOT_SAVED;
    }
  }
}
