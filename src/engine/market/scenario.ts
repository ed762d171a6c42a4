/**
 * Teaching scenarios, injected as commands so that they are in the session log and replay.
 * Fractions and hours are plain numbers: they are settings, not money.
 */
export type ScenarioEvent =
  /** Every asset (or one) falls by `drop` (0.2 = −20 %) at once, and volatility jumps. */
  | { readonly type: 'flash-crash'; readonly symbol?: string; readonly drop: number }
  /** Every asset (or one) rises by `rise` at once. */
  | { readonly type: 'rally'; readonly symbol?: string; readonly rise: number }
  /** Volatility multiplied by `factor` for `hours`. */
  | { readonly type: 'volatility-spike'; readonly factor: number; readonly hours: number }
  /** Everything moves together (correlation 1) for `hours`. */
  | { readonly type: 'correlation-breakdown'; readonly hours: number }
  /** One asset stops trading for `hours`: its price freezes and nothing fills. */
  | { readonly type: 'halt'; readonly symbol: string; readonly hours: number };

/** A scenario effect still in force, until a simulated time. */
export type ActiveEffect =
  | { readonly type: 'volatility-spike'; readonly factor: number; readonly until: number }
  | { readonly type: 'correlation-breakdown'; readonly until: number }
  | { readonly type: 'halt'; readonly symbol: string; readonly until: number };
