import { describe, expect, it } from 'vitest';
import { demoCommands, demoConfig } from '../../../src/engine/demo.ts';
import { runLesson, LESSON_CRASH } from '../../../src/engine/lesson.ts';
import { TIERS, type TierName } from '../../../src/engine/risk/tiers.ts';
import { Session } from '../../../src/engine/session.ts';
import { parseSessionFile } from '../../../src/schema/session-file.ts';
import { lessonSchema } from '../../../src/schema/lesson.ts';
import { breakerConclusion } from '../../../src/ui/lesson/lesson-text.ts';
import { LessonService } from '../../../src/worker/lesson-service.ts';
import { prepareImport } from '../../../src/worker/session-files.ts';

const { lesson, log } = runLesson('42');
const tier = (name: TierName) => lesson.tiers.find((t) => t.tier === name)!;
const HOUR = 3_600_000;

/** The same story told straight to the engine, without the lesson's code: one tier's session. */
function storyUnder(name: TierName) {
  const config = { ...demoConfig(), risk: TIERS[name] };
  const session = Session.create('42', config);
  for (const { command } of demoCommands('42', config, TIERS[name])) session.apply(command);
  session.advanceTo(config.startTime + HOUR);
  session.apply({ type: 'scenario', event: { type: 'flash-crash', drop: 0.5 } });
  session.advanceTo(config.startTime + 2 * HOUR);
  return session.view();
}

describe('the lesson, step by step', () => {
  it('opens with the report’s $50,000 account', () => {
    expect(lesson.startingCash).toBe('50000');
    expect(log.commands[0]!.command).toEqual({ type: 'deposit', amount: '50000' });
  });

  it('gives the three tiers’ limits at the report’s $49,973.07 to the cent', () => {
    // 49,973.07 × 1 % = 499.7307 → $499.73; × 2 % = 999.4614 → $999.46;
    // × 3 % = 1,499.1921 → $1,499.19, held by the 2 % cap at $999.46.
    expect(lesson.reportEquity).toBe('49973.07');
    expect(lesson.tiers.map((t) => [t.tier, t.limit, t.capped])).toEqual([
      ['conservative', '499.73', false],
      ['moderate', '999.46', false],
      ['aggressive', '999.46', true],
    ]);
    expect(tier('aggressive').ownLimit).toBe('1499.19');
  });

  it('buys the five demo coins under each tier; Moderate’s buys are the demo’s', () => {
    for (const t of lesson.tiers)
      expect(t.buys.map((b) => b.symbol)).toEqual(['BTC', 'ETH', 'ADA', 'SOL', 'DOT']);
    expect(log.commands.slice(0, 6)).toEqual(demoCommands('42', demoConfig()));
    // At $50,000 a Conservative buy is at most $500 and a Moderate one at most $1,000.
    for (const b of tier('conservative').buys) expect(Number(b.notional)).toBeLessThanOrEqual(500);
    for (const b of tier('moderate').buys) expect(Number(b.notional)).toBeLessThanOrEqual(1000);
    // The cap holds Aggressive to exactly Moderate's buys.
    expect(tier('aggressive').buys).toEqual(tier('moderate').buys);
  });

  it('crashes every coin by half an hour after the buys, as a logged scenario', () => {
    expect(log.commands.at(-1)).toEqual({
      at: lesson.startTime + HOUR,
      command: { type: 'scenario', event: LESSON_CRASH },
    });
    expect(LESSON_CRASH.drop).toBe(0.5);
  });

  it('trips Conservative’s and Moderate’s daily-loss breakers but not Aggressive’s, as the engine does', () => {
    // The day starts with the $50,000 deposit, so the daily limits are 2 %, 4 % and 6 % of it.
    expect(lesson.tiers.map((t) => t.dayLossLimit)).toEqual(['1000', '2000', '3000']);
    // Half of what each tier invested is lost: about $1,250 against $1,000, about $2,500
    // against $2,000, and the same $2,500 against Aggressive's $3,000.
    expect(lesson.tiers.map((t) => t.breaker?.kind ?? null)).toEqual([
      'daily-loss',
      'daily-loss',
      null,
    ]);
    for (const t of lesson.tiers) {
      expect(Number(t.dayLoss)).toBeCloseTo(Number(t.invested) / 2, -2);
      expect(Number(t.dayLoss) >= Number(t.dayLossLimit)).toBe(t.breaker !== null);
      const straight = storyUnder(t.tier);
      expect(straight.breaker?.kind ?? null).toBe(t.breaker?.kind ?? null);
      expect(straight.equity).toBe(t.endEquity);
    }
    expect(tier('moderate').breaker!.message).toBe(
      `today's loss of $2,496.00 reached the Moderate tier's daily limit of $2,000.00 (until the next simulated day).`,
    );
    expect(breakerConclusion(lesson.tiers)).toBe(
      'Conservative and Moderate halt new buys. Aggressive keeps trading: the 2% cap held its buys to Moderate’s size, so it lost the same, but its daily limit is 6%, not 4%.',
    );
  });

  it('closes with each tier’s end equity and return on the $50,000', () => {
    for (const t of lesson.tiers) {
      expect(Number(t.endPnl)).toBeCloseTo(Number(t.endEquity) - 50000, 2);
      expect(Number(t.endReturn)).toBeCloseTo(Number(t.endPnl) / 50000, 6);
    }
  });
});

describe('keeping the lesson', () => {
  it('writes a session file that the Sessions page’s import verifies and would keep', async () => {
    const service = new LessonService();
    expect(await service.sessionFile('Lesson, seed 42')).toMatchObject({
      ok: false,
      code: 'no-lesson',
    });
    const figures = service.run('42');
    expect(figures.ok && lessonSchema.parse(figures.value)).toEqual(lesson);
    const file = await service.sessionFile('Lesson, seed 42 (2)');
    if (!file.ok) throw new Error(file.message);
    const parsed = parseSessionFile(file.value.text);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.value.meta.name).toBe('Lesson, seed 42 (2)');
    expect(parsed.value.commands).toEqual(log.commands);
    const prepared = await prepareImport(parsed.value);
    if (!prepared.ok) throw new Error(prepared.message);
    expect(prepared.value.verdict).toBe('verified');
    expect(prepared.value.finalEquity).toBe(tier('moderate').endEquity);
    expect(prepared.value.commands).toHaveLength(7);
  });

  it('refuses a seed that is not 1–32 letters or digits, and a name with markup, in words', async () => {
    const service = new LessonService();
    expect(service.run('no spaces')).toEqual({
      ok: false,
      code: 'invalid-seed',
      message: 'Use 1–32 letters or digits as the seed.',
    });
    service.run('42');
    expect(await service.sessionFile('<b>')).toMatchObject({ ok: false, code: 'invalid' });
  });
});
