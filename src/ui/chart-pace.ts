/** A chart redraws at most this often: a person reads a curve, not ten frames of it a second. */
export const CHART_REDRAW_MS = 500;

/**
 * Paces a chart's redraws: the first request draws at once, later ones at most every `ms`, and
 * the newest data is always drawn in the end (a trailing draw). `stop` drops a pending one.
 */
export function paced(draw: () => void, ms = CHART_REDRAW_MS): { request(): void; stop(): void } {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    timer = undefined;
    last = performance.now();
    draw();
  };
  return {
    request() {
      if (timer !== undefined) return;
      const wait = last + ms - performance.now();
      if (wait <= 0) run();
      else timer = setTimeout(run, wait);
    },
    stop() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
