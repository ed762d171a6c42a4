import type { CheckResult, Suite } from '../../schema/selftest.ts';

/** A check that does not apply here (no service worker in the dev server, say). */
export class Skipped extends Error {}

/** One self-test check: it resolves with what it found, or throws why it failed. */
export interface Check {
  readonly id: string;
  readonly suite: Suite;
  readonly name: string;
  readonly run: () => Promise<string>;
}

/** Runs checks in order, reporting each result as it comes; stops early when cancelled. */
export async function runChecks(
  checks: readonly Check[],
  onResult: (result: CheckResult) => unknown,
  isCancelled: () => boolean,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of checks) {
    if (isCancelled()) break;
    const started = performance.now();
    let status: CheckResult['status'] = 'passed';
    let message: string;
    try {
      message = await check.run();
    } catch (error) {
      status = error instanceof Skipped ? 'skipped' : 'failed';
      message = error instanceof Error ? error.message : String(error);
    }
    const result = {
      id: check.id,
      suite: check.suite,
      name: check.name,
      status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      message,
    };
    results.push(result);
    await onResult(result);
  }
  return results;
}

/** Throws with a plain message unless the condition holds. */
export function expectThat(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/** The p-th percentile of some samples. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
