// Market-order cost on its own (issue 17 item 4): the loop of bench.ts's benchMarketOrders and the
// bytes-per-order method of its benchOrderBytes, without building the app.
//   node --expose-gc --import tsx test/tools/order-alloc.ts
import { Session } from '../../src/engine/session.ts';
import { CONFIG, START, buy, deposit, sell } from '../support/sessions.ts';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function newSession(id: string): { order: (i: number) => void } {
  const session = Session.create(id, CONFIG);
  session.apply(deposit('1000000000'));
  return {
    order(i: number) {
      session.advanceTo(START + i * 1000);
      const outcome = session.apply(i % 2 === 0 ? buy('0.01') : sell('0.01'));
      if (!outcome.ok) throw new Error(outcome.message);
    },
  };
}

/** p50/p99 of `apply` alone over 20,000 orders after 2,000 discarded (as benchMarketOrders). */
function timing(): { p50: number; p99: number } {
  const session = Session.create('bench', CONFIG);
  session.apply(deposit('1000000000'));
  const samples: number[] = [];
  for (let i = 0; i < 22_000; i++) {
    session.advanceTo(START + i * 1000);
    const command = i % 2 === 0 ? buy('0.01') : sell('0.01');
    const t0 = performance.now();
    const outcome = session.apply(command);
    const t1 = performance.now();
    if (!outcome.ok) throw new Error(outcome.message);
    if (i >= 2000) samples.push((t1 - t0) * 1000);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

/** Median heap growth per order (with its one-tick advance) over batches of 20 after a full GC. */
function bytesPerOrder(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  const { order } = newSession('bytes');
  let i = 0;
  for (; i < 2000; i++) order(i);
  const batch = 20;
  const perOrder: number[] = [];
  for (let r = 0; r < 101; r++) {
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let k = 0; k < batch; k++) order(i++);
    perOrder.push((process.memoryUsage().heapUsed - before) / batch);
  }
  perOrder.sort((a, b) => a - b);
  return percentile(perOrder, 50);
}

const { p50, p99 } = timing();
const bytes = bytesPerOrder();
console.log(
  `market order p50 ${p50.toFixed(2)} us  p99 ${p99.toFixed(1)} us  bytes/order ${(bytes / 1024).toFixed(2)} KB`,
);
