/** How often progress may cross to the page: ten times a second is smooth and costs nothing. */
export const PROGRESS_INTERVAL_MS = 100;

/**
 * Passes calls on at most once per interval, dropping those in between, and always passes the
 * last one (`final`), so the page sees the end. The page may have gone (its proxy released), so
 * a failed call is ignored: progress is never worth an error.
 */
export function throttled<A extends unknown[]>(
  send: ((...args: A) => unknown) | undefined,
  intervalMs = PROGRESS_INTERVAL_MS,
): (final: boolean, ...args: A) => void {
  let last = -Infinity;
  return (final, ...args) => {
    if (!send) return;
    const now = performance.now();
    if (!final && now - last < intervalMs) return;
    last = now;
    void Promise.resolve()
      .then(() => send(...args))
      .catch(() => undefined);
  };
}
