import type { MetricId } from './metrics.ts';

export type AlertLevel = 'info' | 'warning' | 'critical';

/**
 * A rule, as data a person can edit: raise an alert of `level` when `metric` has been `above`
 * (or `below`) `threshold` for `forMs`; clear it only once the value is back past `clearAt`
 * (hysteresis, so a value hovering at the line does not flap); raise it again no sooner than
 * `cooldownMs` after the last time. A muted or snoozed rule still tracks its state, so the
 * dashboard stays truthful, but its alerts make no noise.
 */
export interface AlertRule {
  readonly id: string;
  readonly label: string;
  readonly metric: MetricId;
  readonly comparison: 'above' | 'below';
  readonly threshold: number;
  readonly clearAt: number;
  readonly forMs: number;
  readonly cooldownMs: number;
  readonly level: AlertLevel;
  readonly enabled: boolean;
  readonly muted: boolean;
  /** Snoozed until this wall time (ms since the epoch), or null. */
  readonly snoozedUntil: number | null;
}

const rule = (
  id: string,
  label: string,
  metric: MetricId,
  comparison: AlertRule['comparison'],
  threshold: number,
  clearAt: number,
  level: AlertLevel,
  forMs = 0,
  cooldownMs = 60_000,
): AlertRule => ({
  id,
  label,
  metric,
  comparison,
  threshold,
  clearAt,
  forMs,
  cooldownMs,
  level,
  enabled: true,
  muted: false,
  snoozedUntil: null,
});

/** The rules a new device starts with. */
export const DEFAULT_RULES: readonly AlertRule[] = [
  rule('heap-high', 'JS heap high', 'memory.heap-pct', 'above', 80, 70, 'warning'),
  rule('heap-critical', 'JS heap nearly full', 'memory.heap-pct', 'above', 95, 85, 'critical'),
  rule('fps-low', 'Low frame rate', 'frames.fps', 'below', 30, 45, 'warning', 5_000),
  rule(
    'main-blocked',
    'Main thread blocked',
    'frames.blocked-ms',
    'above',
    250,
    100,
    'warning',
    5_000,
  ),
  rule(
    'worker-slow',
    'Worker slow to answer',
    'worker.roundtrip-ms',
    'above',
    250,
    100,
    'warning',
    3_000,
  ),
  rule(
    'market-behind',
    'Market falling behind',
    'worker.tick-ratio',
    'below',
    0.8,
    0.95,
    'warning',
    10_000,
  ),
  rule('db-slow', 'Database slow', 'db.txn-ms', 'above', 200, 50, 'warning'),
  rule('storage-high', 'Storage filling up', 'storage.used-pct', 'above', 80, 75, 'warning'),
  rule(
    'monitor-costly',
    'Monitoring costs too much',
    'monitor.overhead-pct',
    'above',
    1,
    0.5,
    'info',
    10_000,
  ),
  rule('breaker-on', 'Circuit breaker on', 'portfolio.breaker', 'above', 0.5, 0.5, 'info', 0, 0),
  rule(
    'drawdown-near',
    'Drawdown near the tier limit',
    'portfolio.drawdown-usage',
    'above',
    80,
    70,
    'warning',
  ),
  rule(
    'drawdown-over',
    'Drawdown past the tier limit',
    'portfolio.drawdown-usage',
    'above',
    100,
    90,
    'critical',
  ),
  rule(
    'day-loss-near',
    "Today's loss near the tier limit",
    'portfolio.daily-loss-usage',
    'above',
    80,
    70,
    'warning',
  ),
];
