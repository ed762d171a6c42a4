import * as z from 'zod/mini';
import type { Assignment } from '../engine/assignment.ts';
import { DEFAULT_ASSETS } from '../engine/market/universe.ts';
import { decimalString } from './decimal.ts';
import { plainLabel } from './text.ts';

const DAY_MS = 86_400_000;
/** Most simulated days an assignment may span. */
export const MAX_ASSIGNMENT_DAYS = 365;
/** The coins an assignment may allow: the default universe's. */
export const ASSIGNMENT_COINS: readonly string[] = DEFAULT_ASSETS.map((a) => a.symbol);
const SYMBOLS = ASSIGNMENT_COINS;

/** An assignment as a file names it and a link carries it; checked wherever it comes from. */
export const assignmentSchema = z
  .strictObject({
    id: z
      .string()
      .check(z.regex(/^[a-z0-9]{4,40}$/, 'An assignment id is 4–40 lowercase letters or digits.')),
    title: plainLabel(80, 'The title'),
    seed: z
      .string()
      .check(z.regex(/^[A-Za-z0-9_-]{1,40}$/, 'Use 1–40 letters, digits, - or _ for the seed.')),
    start: z.int().check(
      z.minimum(0),
      z.maximum(8_000_000_000_000),
      z.refine((t) => t % DAY_MS === 0, 'The start is a date: midnight UTC.'),
    ),
    days: z
      .int('Give a whole number of days.')
      .check(
        z.minimum(1, 'An assignment lasts at least 1 day.'),
        z.maximum(MAX_ASSIGNMENT_DAYS, `An assignment lasts at most ${MAX_ASSIGNMENT_DAYS} days.`),
      ),
    cash: decimalString.check(
      z.refine(
        (s) => Number(s) >= 100 && Number(s) <= 10_000_000 && !/\.\d{3}/.test(s),
        'Starting cash is $100 to $10,000,000, to the cent.',
      ),
    ),
    tier: z.enum(['conservative', 'moderate', 'aggressive']),
    coins: z.readonly(
      z.array(z.enum(SYMBOLS as [string, ...string[]])).check(
        z.minLength(1, 'Allow at least one coin.'),
        z.refine((c) => new Set(c).size === c.length, 'Each coin may be listed once.'),
      ),
    ),
    deadline: z.optional(z.int().check(z.minimum(0))),
  })
  .check(
    z.refine((a) => a.deadline === undefined || a.deadline > a.start, {
      message: 'The deadline is after the start.',
      path: ['deadline'],
    }),
    z.refine((a) => a.deadline === undefined || a.deadline <= a.start + a.days * DAY_MS, {
      message: 'The deadline is within the assignment’s days.',
      path: ['deadline'],
    }),
  ) satisfies z.ZodMiniType<Assignment>;
