import { describe, expect, it } from 'vitest';
import { assignmentQuery, readAssignmentLink } from '../../../src/schema/assignment-link.ts';
import { parseAssignmentForm } from '../../../src/schema/assignment-form.ts';
import { WEEK1 } from '../../support/assignment.ts';

describe('assignment links', () => {
  it('carry a version and every setting, and read back to the same assignment', () => {
    const query = assignmentQuery(WEEK1);
    expect(query).toContain('v=1');
    expect(query).toContain('coins=BTC%2CETH');
    expect(query).toContain('deadline=2026-03-06T12%3A00');
    expect(readAssignmentLink(`#/sessions?${query}`)).toEqual({
      type: 'open',
      assignment: WEEK1,
    });
  });

  it('read back without a deadline when none is set', () => {
    const { deadline: _d, ...open } = WEEK1;
    const link = readAssignmentLink(`#/sessions?${assignmentQuery(open)}`);
    expect(link).toEqual({ type: 'open', assignment: open });
  });

  it('name no assignment on a plain Sessions page', () => {
    expect(readAssignmentLink('#/sessions')).toEqual({ type: 'none' });
  });

  it('refuse a newer version, and say to reload the app', () => {
    const query = assignmentQuery(WEEK1).replace('v=1', 'v=2');
    expect(readAssignmentLink(`#/sessions?${query}`)).toEqual({
      type: 'refused',
      reason:
        'This assignment link cannot be opened: it is a version 2 link, made by a newer PowerTrader than this one (which opens version 1). Reload the app to update it, then open the link again.',
    });
  });

  it('refuse a link with no version, an unknown setting, or a missing one, saying which', () => {
    const query = assignmentQuery(WEEK1);
    expect(readAssignmentLink(`#/sessions?${query.replace('v=1&', '')}`)).toMatchObject({
      type: 'refused',
      reason: expect.stringContaining('its version "" is not one this app knows') as string,
    });
    expect(readAssignmentLink(`#/sessions?${query}&leverage=10`)).toMatchObject({
      reason: expect.stringContaining('a setting "leverage"') as string,
    });
    expect(readAssignmentLink(`#/sessions?${query.replace(/&cash=[^&]*/, '')}`)).toMatchObject({
      reason: expect.stringContaining('lacks the setting "cash"') as string,
    });
  });

  it('refuse settings that cannot be honoured, in plain words', () => {
    const query = assignmentQuery(WEEK1);
    expect(
      readAssignmentLink(`#/sessions?${query.replace('coins=BTC%2CETH', 'coins=BTC%2CDOGE')}`),
    ).toMatchObject({ type: 'refused', reason: expect.stringContaining('Coins:') as string });
    expect(readAssignmentLink(`#/sessions?${query.replace('days=7', 'days=3')}`)).toMatchObject({
      type: 'refused',
      reason: expect.stringContaining('Deadline: The deadline is within') as string,
    });
  });
});

describe('the assignment form', () => {
  const form = {
    title: 'Week 2',
    seed: 'w2',
    start: '2026-03-09',
    days: '5',
    cash: '$10,000',
    tier: 'aggressive',
    coins: ['SOL'],
    deadline: '',
  };

  it('reads a teacher’s typing: a dollar sign and commas in the cash are fine', () => {
    expect(parseAssignmentForm(form, 'abcd1234')).toEqual({
      ok: true,
      value: {
        id: 'abcd1234',
        title: 'Week 2',
        seed: 'w2',
        start: Date.UTC(2026, 2, 9),
        days: 5,
        cash: '10000',
        tier: 'aggressive',
        coins: ['SOL'],
      },
    });
  });

  it('says what is wrong at each field', () => {
    const parsed = parseAssignmentForm(
      { ...form, days: '0', cash: '12.345', coins: [], start: '9 March' },
      'abcd1234',
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual({
      start: 'Give a date as YYYY-MM-DD.',
      days: 'An assignment lasts at least 1 day.',
      cash: 'Starting cash is $100 to $10,000,000, to the cent.',
      coins: 'Allow at least one coin.',
    });
  });
});
