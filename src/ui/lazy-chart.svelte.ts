import type { Chart } from 'chart.js';

/** chart.js's Chart class, registered with every part the app's charts use. */
export type ChartClass = typeof Chart;

// chart.js is a third of the first page's script: it loads when the first chart is drawn.
let kit: Promise<ChartClass> | undefined;
const loadKit = () => (kit ??= import('./chart-kit.ts').then((m) => m.Chart));

// Charts are made one per task, so that a page with several does not make one long task of them
// (the page stays responsive, and Lighthouse's blocking time counts each task over 50 ms).
const queue: (() => void)[] = [];
let waiting = false;
function inTurn(work: () => void): void {
  queue.push(work);
  if (!waiting) {
    waiting = true;
    setTimeout(next, 0);
  }
}
function next(): void {
  const work = queue.shift();
  if (queue.length) setTimeout(next, 0);
  else waiting = false;
  work?.();
}

/**
 * One chart whose chart.js loads on first use. Its box is sized by the component's CSS from the
 * start, so nothing moves when the chart appears; `status` says in words what it waits for.
 */
export class LazyChart<C extends { destroy(): void }> {
  chart: C | undefined = $state.raw();
  failure = $state('');
  status = $derived(
    this.chart
      ? ''
      : this.failure
        ? `The chart could not load: ${this.failure}`
        : 'Loading the chart…',
  );

  /**
   * Makes the chart once chart.js has loaded, and hands it over (to be filled with data) in the
   * task after: making one lays it out and draws it, and so does its first data. Call it in an
   * `$effect` and return its result.
   */
  mount(make: (Chart: ChartClass) => C): () => void {
    let gone = false;
    let made: C | undefined;
    loadKit().then(
      (Chart) =>
        inTurn(() => {
          if (gone) return;
          made = make(Chart);
          inTurn(() => {
            if (!gone) this.chart = made;
          });
        }),
      (error: unknown) => {
        if (!gone) this.failure = error instanceof Error ? error.message : String(error);
      },
    );
    return () => {
      gone = true;
      made?.destroy();
      this.chart = undefined;
    };
  }
}
