import { assignmentQuery } from '../../schema/assignment-link.ts';
import {
  parseAssignmentForm,
  type AssignmentField,
  type AssignmentForm,
} from '../../schema/assignment-form.ts';
import type { KnownAssignments } from './known-assignments.svelte.ts';

/** A short random id: 8 lowercase letters and digits. */
function newAssignmentId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => alphabet[b % 36]).join('');
}

function blankForm(): AssignmentForm {
  return {
    title: 'Assignment 1',
    seed: newAssignmentId(),
    start: new Date().toISOString().slice(0, 10),
    days: '7',
    cash: '50000',
    tier: 'moderate',
    coins: ['BTC', 'ETH', 'SOL', 'ADA', 'DOT'],
    deadline: '',
  };
}

/**
 * The teacher's assignment form on the class page: checked as typed, and turned into a link a
 * student opens to get a session with exactly these settings. Each one made is remembered on
 * this device: it is the copy the students' files are checked against.
 */
export class AssignmentDraft {
  form = $state<AssignmentForm>(blankForm());
  /** Shown only after a first try, so an untouched form is not covered in errors. */
  tried = $state(false);
  link = $state<string | null>(null);
  copied = $state<string | null>(null);
  private id = newAssignmentId();
  readonly parsed = $derived(parseAssignmentForm(this.form, this.id));

  constructor(private readonly known: KnownAssignments) {}

  /** The message for a field, once the teacher has tried to make a link. */
  error(field: AssignmentField): string | undefined {
    return this.tried && !this.parsed.ok ? this.parsed.errors[field] : undefined;
  }

  toggleCoin(symbol: string, on: boolean): void {
    const others = this.form.coins.filter((c) => c !== symbol);
    this.form.coins = on ? [...others, symbol] : others;
  }

  /** Makes the share link of the form's assignment; a later one gets a new id. */
  create(): void {
    this.tried = true;
    this.copied = null;
    const parsed = this.parsed;
    if (!parsed.ok) {
      this.link = null;
      return;
    }
    this.link = `${location.href.split('#')[0]}#/sessions?${assignmentQuery(parsed.value)}`;
    // A fresh random id is never known yet, so this cannot be refused.
    this.known.remember(parsed.value);
    this.id = newAssignmentId();
  }

  async copy(): Promise<void> {
    if (!this.link) return;
    try {
      await navigator.clipboard.writeText(this.link);
      this.copied = 'Copied. Share it with your students.';
    } catch {
      // No clipboard over plain http: the link is selected for a manual copy instead.
      this.copied = 'This browser will not copy here: select the link and copy it by hand.';
    }
  }
}
