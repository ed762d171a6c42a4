import type { AlertLevel, AlertRule } from './alert-rule.ts';
import { Dec, formatUsd } from '../decimal.ts';
import { assertNever } from '../result.ts';
import { METRICS } from './metric-catalogue.ts';
import type { MetricSample, MetricUnit } from './metrics.ts';

/** Where one rule stands between samples. */
export interface RuleState {
  /** The alert this rule has raised and not yet cleared. */
  readonly active: { readonly raisedAt: number } | null;
  /** Since when the value has been past the threshold without an alert yet, or null. */
  readonly breachSince: number | null;
  readonly lastRaisedAt: number | null;
}

/** Every rule's state, by rule id. */
export type AlertsState = Readonly<Record<string, RuleState>>;

/** A change an alert rule reports: an alert raised (silent when muted or snoozed) or cleared. */
export type AlertEvent =
  | {
      readonly type: 'raised';
      readonly ruleId: string;
      readonly level: AlertLevel;
      readonly at: number;
      readonly value: number;
      readonly silent: boolean;
      readonly message: string;
    }
  | {
      readonly type: 'cleared';
      readonly ruleId: string;
      readonly level: AlertLevel;
      readonly at: number;
      readonly value: number | null;
      readonly raisedAt: number;
      readonly message: string;
    };

const IDLE: RuleState = { active: null, breachSince: null, lastRaisedAt: null };

/** Folds one sample into the rules' state, returning the new state and the alerts it changed. */
export function evaluateAlerts(
  rules: readonly AlertRule[],
  state: AlertsState,
  sample: MetricSample,
): { state: AlertsState; events: AlertEvent[] } {
  const next: Record<string, RuleState> = {};
  const events: AlertEvent[] = [];
  for (const rule of rules) {
    const before = state[rule.id] ?? IDLE;
    const { after, event } = step(rule, before, sample);
    next[rule.id] = after;
    if (event) events.push(event);
  }
  return { state: next, events };
}

function step(
  rule: AlertRule,
  before: RuleState,
  sample: MetricSample,
): { after: RuleState; event?: AlertEvent } {
  const at = sample.at;
  const value = sample.values[rule.metric];
  if (!rule.enabled) {
    const after = { ...IDLE, lastRaisedAt: before.lastRaisedAt };
    if (!before.active) return { after };
    return {
      after,
      event: cleared(rule, before.active.raisedAt, at, value ?? null, 'the rule was turned off'),
    };
  }
  // A figure the browser cannot give now neither raises nor clears anything.
  if (value === undefined || value === null || !Number.isFinite(value)) {
    return { after: { ...before, breachSince: null } };
  }
  const above = rule.comparison === 'above';
  if (before.active) {
    const back = above ? value < rule.clearAt : value > rule.clearAt;
    if (back) {
      return {
        after: { active: null, breachSince: null, lastRaisedAt: before.lastRaisedAt },
        event: cleared(
          rule,
          before.active.raisedAt,
          at,
          value,
          `back to ${formatMetricValue(value, METRICS[rule.metric].unit)}`,
        ),
      };
    }
    return { after: before };
  }
  const breached = above ? value > rule.threshold : value < rule.threshold;
  if (!breached) return { after: { ...before, breachSince: null } };
  const since = before.breachSince ?? at;
  const sustained = at - since >= rule.forMs;
  const cooled = before.lastRaisedAt === null || at - before.lastRaisedAt >= rule.cooldownMs;
  if (!sustained || !cooled) return { after: { ...before, breachSince: since } };
  const unit = METRICS[rule.metric].unit;
  const silent = rule.muted || (rule.snoozedUntil !== null && at < rule.snoozedUntil);
  return {
    after: { active: { raisedAt: at }, breachSince: null, lastRaisedAt: at },
    event: {
      type: 'raised',
      ruleId: rule.id,
      level: rule.level,
      at,
      value,
      silent,
      // Built from the rule's numbers, so an edited threshold is never misreported.
      message:
        METRICS[rule.metric].whenOn ??
        `${rule.label}: ${METRICS[rule.metric].label} is ${formatMetricValue(value, unit)}, ${rule.comparison} ${formatMetricValue(rule.threshold, unit)}${rule.forMs ? ` for ${rule.forMs / 1000} s` : ''}.`,
    },
  };
}

function cleared(
  rule: AlertRule,
  raisedAt: number,
  at: number,
  value: number | null,
  why: string,
): AlertEvent {
  return {
    type: 'cleared',
    ruleId: rule.id,
    level: rule.level,
    at,
    value,
    raisedAt,
    message: `${rule.label}: cleared, ${why}.`,
  };
}

/** A figure in its unit, as a person reads it: "82.4 %", "41 ms", "$49,973.07". */
export function formatMetricValue(value: number, unit: MetricUnit): string {
  const fixed = (digits: number) =>
    value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  switch (unit) {
    case 'percent':
      return `${fixed(Math.abs(value) < 10 ? 2 : 1)} %`;
    case 'ms':
      return `${fixed(value < 10 ? 1 : 0)} ms`;
    case 'mb':
      return `${fixed(1)} MB`;
    case 'fps':
      return `${fixed(0)} fps`;
    case 'count':
      return fixed(0);
    case 'ratio':
      return fixed(2);
    case 'usd':
      return formatUsd(new Dec(value));
    default:
      return assertNever(unit, 'unit');
  }
}
