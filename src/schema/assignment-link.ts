import type { Assignment } from '../engine/assignment.ts';
import { formFromAssignment, parseAssignmentForm } from './assignment-form.ts';

/** The version of assignment links. 1: id, title, seed, start, days, cash, tier, coins, deadline. */
export const ASSIGNMENT_LINK_VERSION = 1;

const V1_KEYS = ['v', 'assignment', 'title', 'seed', 'start', 'days', 'cash', 'tier', 'coins'];
const OPTIONAL_KEYS = ['deadline'];

/**
 * The query of a link that starts a student's session under this assignment
 * (`v=1&assignment=…&seed=…`), read on the Sessions page.
 */
export function assignmentQuery(a: Assignment): string {
  const form = formFromAssignment(a);
  const query = new URLSearchParams({
    v: String(ASSIGNMENT_LINK_VERSION),
    assignment: a.id,
    title: form.title,
    seed: form.seed,
    start: form.start,
    days: form.days,
    cash: form.cash,
    tier: form.tier,
    coins: form.coins.join(','),
  });
  if (form.deadline) query.set('deadline', form.deadline);
  return query.toString();
}

export type AssignmentLink =
  /** The hash names no assignment. */
  | { readonly type: 'none' }
  /** A link that can be honoured: the assignment to start. */
  | { readonly type: 'open'; readonly assignment: Assignment }
  /** A link that cannot: why, in words for the student who opened it. */
  | { readonly type: 'refused'; readonly reason: string };

/** Reads an assignment link from the page's hash (`#/sessions?v=1&assignment=…`). */
export function readAssignmentLink(hash: string): AssignmentLink {
  const query = new URLSearchParams(hash.split('?')[1] ?? '');
  if (!query.has('assignment')) return { type: 'none' };
  const version = query.get('v') ?? '';
  if (version !== String(ASSIGNMENT_LINK_VERSION)) {
    return refused(
      /^\d+$/.test(version) && Number(version) > ASSIGNMENT_LINK_VERSION
        ? `it is a version ${version} link, made by a newer PowerTrader than this one (which opens version ${ASSIGNMENT_LINK_VERSION}). Reload the app to update it, then open the link again.`
        : `its version "${version}" is not one this app knows (${ASSIGNMENT_LINK_VERSION}).`,
    );
  }
  const keys = [...new Set(query.keys())];
  const unknown = keys.find((k) => !V1_KEYS.includes(k) && !OPTIONAL_KEYS.includes(k));
  if (unknown !== undefined)
    return refused(`it has a setting "${unknown}" that a version 1 link does not have.`);
  const missing = V1_KEYS.find((k) => !query.has(k));
  if (missing !== undefined) return refused(`it lacks the setting "${missing}".`);
  const repeated = keys.find((k) => query.getAll(k).length > 1);
  if (repeated !== undefined) return refused(`it gives the setting "${repeated}" twice.`);
  const get = (key: string) => query.get(key) ?? '';
  const parsed = parseAssignmentForm(
    {
      title: get('title'),
      seed: get('seed'),
      start: get('start'),
      days: get('days'),
      cash: get('cash'),
      tier: get('tier'),
      coins: get('coins').split(',').filter(Boolean),
      deadline: get('deadline'),
    },
    get('assignment'),
  );
  if (!parsed.ok) return refused(parsed.message);
  return { type: 'open', assignment: parsed.value };
}

function refused(why: string): AssignmentLink {
  return { type: 'refused', reason: `This assignment link cannot be opened: ${why}` };
}
