import type { Assignment } from '../engine/assignment.ts';
import { assignmentSchema } from './assignment.ts';
import { plainMessage } from './messages.ts';

/** The assignment form as typed: text fields and the ticked coins. */
export interface AssignmentForm {
  title: string;
  seed: string;
  /** Simulated start date, YYYY-MM-DD (midnight UTC). */
  start: string;
  days: string;
  cash: string;
  tier: string;
  coins: string[];
  /** Empty, or a simulated date and time YYYY-MM-DDTHH:MM (UTC). */
  deadline: string;
}

/** A form field, or the id a link carries. */
export type AssignmentField = keyof AssignmentForm | 'id';

export type ParsedAssignment =
  | { readonly ok: true; readonly value: Assignment }
  | {
      readonly ok: false;
      /** Every problem, one sentence per field. */
      readonly message: string;
      readonly errors: Partial<Record<AssignmentField, string>>;
    };

const FIELD_NAMES: Record<AssignmentField, string> = {
  id: 'Assignment id',
  title: 'Title',
  seed: 'Seed',
  start: 'Start',
  days: 'Days',
  cash: 'Starting cash',
  tier: 'Tier',
  coins: 'Coins',
  deadline: 'Deadline',
};

/** The form showing an assignment's settings. */
export function formFromAssignment(a: Assignment): AssignmentForm {
  return {
    title: a.title,
    seed: a.seed,
    start: new Date(a.start).toISOString().slice(0, 10),
    days: String(a.days),
    cash: a.cash,
    tier: a.tier,
    coins: [...a.coins],
    deadline: a.deadline === undefined ? '' : new Date(a.deadline).toISOString().slice(0, 16),
  };
}

/** The assignment a form describes (under the given id), or what is wrong, field by field. */
export function parseAssignmentForm(form: AssignmentForm, id: string): ParsedAssignment {
  const errors: Partial<Record<AssignmentField, string>> = {};
  const start = /^\d{4}-\d{2}-\d{2}$/.test(form.start)
    ? Date.parse(`${form.start}T00:00:00Z`)
    : Number.NaN;
  if (Number.isNaN(start)) errors.start = 'Give a date as YYYY-MM-DD.';
  const deadlineText = form.deadline.trim();
  const deadline =
    deadlineText === ''
      ? undefined
      : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(deadlineText)
        ? Date.parse(`${deadlineText}:00Z`)
        : Number.NaN;
  if (deadline !== undefined && Number.isNaN(deadline))
    errors.deadline = 'Give a date and time as YYYY-MM-DDTHH:MM (UTC), or leave it empty.';
  const days = /^\d{1,4}$/.test(form.days.trim()) ? Number(form.days.trim()) : Number.NaN;
  const candidate = {
    id,
    title: form.title,
    seed: form.seed.trim(),
    start,
    days: Number.isNaN(days) ? form.days : days,
    cash: form.cash.trim().replace(/^\$/, '').replaceAll(',', ''),
    tier: form.tier,
    coins: form.coins,
    ...(deadline === undefined ? {} : { deadline }),
  };
  const parsed = assignmentSchema.safeParse(candidate);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as AssignmentField;
      errors[field] ??= plainMessage(issue);
    }
  const fields = Object.keys(errors) as AssignmentField[];
  if (fields.length > 0 || !parsed.success)
    return {
      ok: false,
      errors,
      message: fields.map((f) => `${FIELD_NAMES[f]}: ${errors[f]}`).join(' '),
    };
  return { ok: true, value: parsed.data };
}
