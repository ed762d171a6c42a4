import * as z from 'zod/mini';
import {
  commandAckSchema,
  resultSchema,
  sessionViewSchema,
  stateHashViewSchema,
  type SessionView,
} from '../../schema/messages.ts';
import { figure, type PerformanceFigure } from '../../schema/selftest.ts';
import { monitorTickSchema } from '../../schema/monitor.ts';
import { FrameProbe, MemoryProbe, StorageProbe } from '../monitor/probes.ts';
import { offlineStatus } from '../pwa-state.svelte.ts';
import {
  Skipped,
  startSessionWorker,
  type Check,
  type SessionClient,
  type startSelfTestWorker,
} from '../../worker/client.ts';

const views = resultSchema(sessionViewSchema);
const acks = resultSchema(commandAckSchema);
const done = resultSchema(z.literal(true));
const ticks = resultSchema(monitorTickSchema);
const hashes = resultSchema(stateHashViewSchema);

/** The session's state hash, or '' when it cannot be read. */
async function hashOf(client: SessionClient): Promise<string> {
  const answer = hashes.parse(await client.stateHash());
  return answer.ok ? answer.value.hash : '';
}

function must(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/** Session workers on one scratch database, all stopped by `stopAll`. */
export class ScratchSessions {
  private readonly stops: (() => void)[] = [];

  constructor(readonly dbName: string) {}

  async open(): Promise<{ client: SessionClient; stop: () => void; view: SessionView }> {
    const { client, stop } = startSessionWorker();
    this.stops.push(stop);
    const opened = views.parse(await client.open({ dbName: this.dbName }));
    if (!opened.ok) throw new Error(opened.message);
    return { client, stop, view: opened.value };
  }

  stopAll(): void {
    while (this.stops.length) this.stops.pop()!();
  }
}

/** The page's checks: worker life and death, recovery, offline readiness. */
export function pageChecks(
  scratch: ScratchSessions,
  selfTest: ReturnType<typeof startSelfTestWorker>['client'],
): Check[] {
  return [
    {
      id: 'worker.round-trip',
      suite: 'worker',
      name: 'The session worker starts and answers',
      run: async () => {
        const t0 = performance.now();
        const { client } = await scratch.open();
        const ack = acks.parse(await client.submit({ type: 'deposit', amount: '100' }));
        must(ack.ok, 'A deposit was not stored.');
        return `Started, opened a session and stored a command in ${(performance.now() - t0).toFixed(0)} ms.`;
      },
    },
    {
      id: 'recovery.refused-order',
      suite: 'recovery',
      name: 'A refused order changes nothing',
      run: async () => {
        scratch.stopAll();
        const { client, view } = await scratch.open();
        const refused = acks.parse(
          await client.submit({ type: 'market-sell', symbol: 'BTC', quantity: '1' }),
        );
        must(
          !refused.ok && refused.code === 'insufficient-position',
          'Selling BTC that is not held was not refused.',
        );
        const after = views.parse(await client.current());
        must(
          after.ok && after.value.portfolio.seq === view.portfolio.seq,
          'The refused order was logged.',
        );
        return `Refused with: "${refused.ok ? '' : refused.message}" and nothing was stored.`;
      },
    },
    {
      id: 'recovery.worker-dies',
      suite: 'recovery',
      name: 'A worker that dies mid-command loses nothing it acknowledged',
      run: async () => {
        scratch.stopAll();
        const first = await scratch.open();
        const before = first.view.portfolio;
        void first.client
          .submit({ type: 'market-buy', symbol: 'BTC', quantity: '0.01' })
          .catch(() => undefined);
        first.stop();
        const { view } = await scratch.open();
        const seq = view.portfolio.seq;
        must(
          seq === before.seq || seq === before.seq + 1,
          `The log jumped from ${before.seq} to ${seq} commands.`,
        );
        const bought = seq === before.seq + 1;
        must(
          bought === (view.portfolio.cash !== before.cash),
          'Cash and the log disagree after the crash.',
        );
        return bought
          ? 'The buy had been stored before the worker died; it is there, whole.'
          : 'The worker died before storing the buy; the session is exactly as before it.';
      },
    },
    {
      id: 'recovery.corrupted-snapshot',
      suite: 'recovery',
      name: 'A damaged snapshot is rebuilt from the log',
      run: async () => {
        scratch.stopAll();
        const { view, client } = await scratch.open();
        done.parse(await client.setRunning(false));
        const hash = await hashOf(client);
        must(hash !== '', 'The session could not be read.');
        await client.close();
        scratch.stopAll();
        await selfTest.corruptSnapshot(scratch.dbName, view.sessionId);
        const reopened = await scratch.open();
        must(
          (await hashOf(reopened.client)) === hash,
          'The session came back different after its snapshot was damaged.',
        );
        return 'The damaged snapshot was ignored and the log replayed to the same state hash.';
      },
    },
    {
      id: 'monitoring.probes',
      suite: 'monitoring',
      name: 'This browser gives the monitor its figures',
      run: async () => {
        const memory = new MemoryProbe({ performance, crossOriginIsolated });
        const frames = new FrameProbe(window);
        const storage = new StorageProbe(navigator);
        frames.start();
        storage.read();
        await new Promise((r) => setTimeout(r, 1000));
        const { fps } = frames.read();
        frames.stop();
        const { used } = storage.read();
        if (fps === null) throw new Skipped('The page is hidden, so it draws no frames to count.');
        must(fps > 0, 'No frame was drawn in a second.');
        const heap = memory.read().heapUsed;
        return `Memory from ${memory.source === 'none' ? 'nowhere (not available in this browser)' : memory.source}${heap === null ? '' : ` (${heap.toFixed(0)} MB heap)`}; ${fps} frames a second; long frames from ${frames.source}; storage ${used === null ? 'not available' : `${used.toFixed(1)} MB used`}.`;
      },
    },
    {
      id: 'monitoring.alert-stored',
      suite: 'monitoring',
      name: 'An alert is raised by the worker and stored',
      run: async () => {
        const { client } = await scratch.open();
        const at = Date.now();
        await client.monitor.sample({ at, values: { 'memory.heap-pct': 10 } });
        const answer = ticks.parse(
          await client.monitor.sample({ at: at + 1000, values: { 'memory.heap-pct': 90 } }),
        );
        must(answer.ok, 'The worker refused a sample.');
        const raised = answer.ok
          ? answer.value.changes.find((c) => c.type === 'raised')
          : undefined;
        must(raised?.alert.ruleId === 'heap-high', 'A heap at 90 % raised no warning.');
        must(raised?.alert.id !== undefined, 'The alert was not stored.');
        return 'A heap at 90 % of its limit raised the warning, stored with its lead-up.';
      },
    },
    {
      id: 'offline.service-worker',
      suite: 'offline',
      name: 'The app is cached for offline use',
      run: async () => {
        // The same status as the header's badge, so the two never disagree.
        const status = offlineStatus();
        if (status.state === 'unavailable') throw new Skipped(status.text);
        if (status.state === 'preparing') throw new Skipped(status.text);
        const names = await caches.keys();
        const precache = names.find((n) => n.includes('precache'));
        must(!!precache, 'The offline cache is missing.');
        const entries = (await (await caches.open(precache!)).keys()).length;
        return `A service worker controls the page; ${entries} files are cached for offline use.`;
      },
    },
    {
      id: 'storage.persistence',
      suite: 'storage',
      name: 'Persistent storage status',
      run: async () => {
        const persisted = (await navigator.storage?.persisted?.()) ?? false;
        return persisted
          ? 'The browser promised to keep this data.'
          : 'Not persistent: the browser may clear data when space runs low (export sessions to keep them).';
      },
    },
  ];
}

/** The command round trip, click to stored, measured on this device. */
export async function roundTripFigures(
  scratch: ScratchSessions,
  iterations: number,
): Promise<PerformanceFigure[]> {
  const { client } = await scratch.open();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    const ack = acks.parse(
      await client.submit({
        type: i % 2 ? 'market-sell' : 'market-buy',
        symbol: 'BTC',
        quantity: '0.001',
      }),
    );
    if (!ack.ok) throw new Error(ack.message);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!;
  return [
    figure('command-round-trip.p50', at(0.5), 'ms', '<=', 10),
    figure('command-round-trip.p99', at(0.99), 'ms', '<=', 50),
  ];
}
