/** Whether a person can see the page now: not a background tab, not a minimized window. */
export function pageVisible(): boolean {
  return document.visibilityState !== 'hidden';
}

/** Calls `listener` each time the page is hidden or seen again; returns how to stop. */
export function onVisibility(listener: (visible: boolean) => void): () => void {
  const changed = () => listener(pageVisible());
  document.addEventListener('visibilitychange', changed);
  return () => document.removeEventListener('visibilitychange', changed);
}

/**
 * Runs `work` now and every `ms` while the page is seen: a hidden page does no work, and when it
 * is seen again it catches up at once. Returns how to stop.
 */
export function whileVisible(work: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setInterval> | undefined;
  const start = () => {
    if (timer !== undefined) return;
    work();
    timer = setInterval(work, ms);
  };
  const stop = () => {
    clearInterval(timer);
    timer = undefined;
  };
  const unwatch = onVisibility((visible) => (visible ? start() : stop()));
  if (pageVisible()) start();
  return () => {
    unwatch();
    stop();
  };
}
