import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, type AlertRule } from '../../../src/engine/monitor/alert-rule.ts';
import {
  evaluateAlerts,
  type AlertEvent,
  type AlertsState,
} from '../../../src/engine/monitor/evaluate-alerts.ts';
import type { MetricId } from '../../../src/engine/monitor/metrics.ts';

const heap: AlertRule = {
  id: 'heap',
  label: 'Heap high',
  metric: 'memory.heap-pct',
  comparison: 'above',
  threshold: 80,
  clearAt: 70,
  forMs: 0,
  cooldownMs: 0,
  level: 'warning',
  enabled: true,
  muted: false,
  snoozedUntil: null,
};

/** Feeds values one second apart through the rules; returns every event with its second. */
function run(
  rules: readonly AlertRule[],
  values: readonly (number | null)[],
  metric: MetricId = rules[0]!.metric,
): { second: number; event: AlertEvent }[] {
  let state: AlertsState = {};
  const out: { second: number; event: AlertEvent }[] = [];
  values.forEach((value, second) => {
    const result = evaluateAlerts(rules, state, { at: second * 1000, values: { [metric]: value } });
    state = result.state;
    for (const event of result.events) out.push({ second, event });
  });
  return out;
}
const summary = (events: ReturnType<typeof run>) =>
  events.map(({ second, event }) => `${second}:${event.type}:${event.ruleId}`);

describe('the alert evaluator', () => {
  it('raises when the value crosses the threshold and clears below the clear line', () => {
    const events = run([heap], [50, 79, 81, 90, 75, 71, 69, 50]);
    expect(summary(events)).toEqual(['2:raised:heap', '6:cleared:heap']);
    expect(events[0]!.event).toMatchObject({ level: 'warning', value: 81, silent: false });
    expect(events[0]!.event.message).toBe('Heap high: JS heap of its limit is 81 %, above 80 %.');
    expect(events[1]!.event.message).toBe('Heap high: cleared, back to 69 %.');
  });

  it('says a tripped circuit breaker in words, not as "is 1, above 1"', () => {
    const breaker = DEFAULT_RULES.find((r) => r.id === 'breaker-on')!;
    const events = run([breaker], [0, 1]);
    expect(events[0]!.event.message).toBe(
      'The circuit breaker tripped (or the kill switch is on): new buys are halted until it resets.',
    );
  });

  it('does not flap while the value hovers at the threshold (hysteresis)', () => {
    const hovering = [79, 81, 79, 81, 79.5, 80.5, 79, 81, 72, 81];
    expect(summary(run([heap], hovering))).toEqual(['1:raised:heap']);
  });

  it('raises only once the breach has lasted its duration', () => {
    const fps: AlertRule = {
      ...heap,
      id: 'fps',
      metric: 'frames.fps',
      comparison: 'below',
      threshold: 30,
      clearAt: 45,
      forMs: 5000,
    };
    // A short dip of 3 s is forgiven; a long one raises after 5 s of it.
    const values = [60, 20, 20, 20, 60, 20, 20, 20, 20, 20, 20, 50];
    expect(summary(run([fps], values))).toEqual(['10:raised:fps', '11:cleared:fps']);
  });

  it('waits out its cooldown before raising the same alert again', () => {
    const cooled = { ...heap, cooldownMs: 5000 };
    // Raised at 0, cleared at 1, breached again at 2: held until 5 s after the first raise.
    const values = [90, 60, 90, 90, 90, 90, 90];
    expect(summary(run([cooled], values))).toEqual([
      '0:raised:heap',
      '1:cleared:heap',
      '5:raised:heap',
    ]);
  });

  it('keeps a muted or snoozed rule truthful but silent', () => {
    expect(run([{ ...heap, muted: true }], [90])[0]!.event).toMatchObject({
      type: 'raised',
      silent: true,
    });
    const snoozed = { ...heap, snoozedUntil: 2000 };
    const events = run([snoozed], [90, 60, 90, 60, 90]);
    expect(events.filter((e) => e.event.type === 'raised').map((e) => e.event)).toMatchObject([
      { at: 0, silent: true },
      { at: 2000, silent: false },
      { at: 4000, silent: false },
    ]);
  });

  it('gives each level its own rule, so one metric can warn and then go critical', () => {
    const levels = DEFAULT_RULES.filter((r) => r.metric === 'portfolio.drawdown-usage').map(
      (r) => ({ ...r, cooldownMs: 0 }),
    );
    const events = run(levels, [50, 85, 101, 95, 89, 60]);
    expect(events.map(({ second, event }) => `${second}:${event.type}:${event.level}`)).toEqual([
      '1:raised:warning',
      '2:raised:critical',
      '4:cleared:critical',
      '5:cleared:warning',
    ]);
  });

  it('neither raises nor clears on a figure the browser cannot give', () => {
    expect(summary(run([heap], [null, null, 90, null, null, 60]))).toEqual([
      '2:raised:heap',
      '5:cleared:heap',
    ]);
  });

  it('clears an active alert when its rule is turned off', () => {
    let state: AlertsState = {};
    state = evaluateAlerts([heap], state, { at: 0, values: { 'memory.heap-pct': 90 } }).state;
    const off = evaluateAlerts([{ ...heap, enabled: false }], state, {
      at: 1000,
      values: { 'memory.heap-pct': 90 },
    });
    expect(off.events).toMatchObject([
      { type: 'cleared', message: 'Heap high: cleared, the rule was turned off.' },
    ]);
  });

  it('has default rules with unique ids and clear lines on the safe side', () => {
    expect(new Set(DEFAULT_RULES.map((r) => r.id)).size).toBe(DEFAULT_RULES.length);
    for (const r of DEFAULT_RULES) {
      if (r.comparison === 'above') expect(r.clearAt).toBeLessThanOrEqual(r.threshold);
      else expect(r.clearAt).toBeGreaterThanOrEqual(r.threshold);
    }
  });
});
