import type { Command } from '../engine/commands.ts';
import * as z from 'zod/mini';
import {
  candleViewSchema,
  commandAckSchema,
  depthViewSchema,
  exportedFileSchema,
  orderEstimateSchema,
  type DepthView,
  type OrderEstimate,
  resultSchema,
  sessionViewSchema,
  stateHashViewSchema,
  workerMessageSchema,
  type CandleView,
  type CommandAck,
  type Result,
  type SessionView,
  type Speed,
  type StateHashView,
} from '../schema/messages.ts';
import { proxy, type SessionClient } from '../worker/client.ts';
import { fillEventSchema } from '../schema/orders.ts';
import type { FillEvent } from '../engine/events.ts';
import { download } from './download.ts';
import { ImportState } from './import-state.svelte.ts';
import { onVisibility, pageVisible } from './page-visibility.ts';

const viewResult = resultSchema(sessionViewSchema);
const ackResult = resultSchema(commandAckSchema);
const candlesResult = resultSchema(z.array(candleViewSchema));
const depthResult = resultSchema(depthViewSchema);
const estimateResult = resultSchema(orderEstimateSchema);
const fillsResult = resultSchema(z.array(fillEventSchema));
const fileResult = resultSchema(exportedFileSchema);
const doneResult = resultSchema(z.literal(true));
const hashResult = resultSchema(stateHashViewSchema);

/** Candle intervals the chart offers. */
export const CHART_INTERVALS = ['1m', '5m', '1h', '1d'] as const;
export type ChartInterval = (typeof CHART_INTERVALS)[number];
/** The speed the demo runs at, so that its prices move where a person can see them. */
const DEMO_SPEED = 60;
const DEMO_NOTE = `The demo runs at ${DEMO_SPEED}×: a simulated hour passes every minute. Pause or change the speed at the top.`;
/** Each chart interval in milliseconds. */
export const INTERVAL_MS: Record<ChartInterval, number> = {
  '1m': 60_000,
  '5m': 300_000,
  '1h': 3_600_000,
  '1d': 86_400_000,
};

/** The UI's view of the session the worker runs: what it pushes, and the commands sent to it. */
export class SessionState {
  view = $state.raw<SessionView | null>(null);
  /** A message for the whole page (the session moved to another tab, a load failed). */
  notice = $state<string | null>(null);
  failure = $state<string | null>(null);
  pending = $state(0);
  /** The asset the chart and the ticket show. */
  selected = $state('BTC');
  interval = $state<ChartInterval>('1m');
  candles = $state.raw<readonly CandleView[]>([]);
  depth = $state.raw<DepthView | null>(null);

  /** The clock as the last click asked for it, shown at once until the worker's view agrees. */
  private runningAsked = $state<boolean | null>(null);
  /** The newest view pushed and not yet drawn: views are drawn at most once a frame. */
  private unshown: SessionView | undefined;

  /** Told of every notice the worker sends (the monitor writes them to the log). */
  onNotice: ((message: string) => void) | undefined;

  /** A session file being imported: app-wide, so its progress follows the person. */
  readonly imports: ImportState;

  constructor(readonly client: SessionClient) {
    this.imports = new ImportState(client);
  }

  /** Subscribes to pushes and opens the latest session (or a new one). */
  async start(): Promise<void> {
    await this.client.subscribe(proxy((message: unknown) => this.receive(message)));
    // A hidden page is sent nothing; on its return the worker sends one fresh view.
    onVisibility((visible) => void this.client.setVisible(visible));
    await this.client.setVisible(pageVisible());
    const opened = viewResult.parse(await this.client.open({}));
    if (opened.ok) this.show(opened.value);
    else this.failure = opened.message;
  }

  /** Sends a command; resolves once the worker has stored it (or refused it). */
  async submit(command: Command): Promise<Result<CommandAck>> {
    this.pending++;
    performance.mark('command-submit');
    try {
      const answer = ackResult.parse(await this.client.submit(command));
      if (answer.ok) {
        // Durable in the worker (the clocks are shared), then known here after the page's frame.
        const durable = answer.value.persistedAt;
        performance.measure('command-persisted', {
          start: 'command-submit',
          ...(durable === undefined ? {} : { end: durable - performance.timeOrigin }),
        });
        performance.measure('command-acknowledged', 'command-submit');
      }
      return answer;
    } finally {
      this.pending--;
    }
  }

  /** The state hash now, computed on request. */
  async stateHash(): Promise<Result<StateHashView>> {
    return hashResult.parse(await this.client.stateHash());
  }

  async takeOver(): Promise<void> {
    const answer = viewResult.parse(await this.client.takeOver());
    if (answer.ok) {
      this.notice = null;
      this.show(answer.value);
    } else this.notice = answer.message;
  }

  /** Whether the clock runs, as the page shows it: a click on Pause shows at once. */
  get running(): boolean {
    return this.runningAsked ?? this.view?.running ?? false;
  }

  async setRunning(running: boolean): Promise<void> {
    this.runningAsked = running;
    const answer = doneResult.parse(await this.client.setRunning(running));
    if (!answer.ok) {
      this.runningAsked = null;
      this.notice = answer.message;
    }
  }

  async step(): Promise<void> {
    await this.client.step();
  }

  async setSpeed(speed: Speed): Promise<void> {
    // The demo's note about the speed it runs at no longer holds.
    if (this.notice === DEMO_NOTE) this.notice = null;
    await this.client.setSpeed(speed);
  }

  private receive(raw: unknown): void {
    const message = workerMessageSchema.safeParse(raw);
    if (!message.success) {
      this.failure = 'The simulator sent a message this page does not understand. Reload the page.';
      return;
    }
    if (message.data.type === 'view') this.showSoon(message.data.view);
    else {
      this.notice = message.data.message;
      this.onNotice?.(message.data.message);
    }
  }

  /** Fetches the chart's candles; the page calls this about once a second. */
  async refreshCandles(): Promise<void> {
    const answer = candlesResult.parse(await this.client.candles(this.selected, this.interval));
    if (answer.ok) this.candles = answer.value;
  }

  /** Fetches the selected asset's order book for the depth view. */
  async refreshDepth(): Promise<void> {
    const answer = depthResult.parse(await this.client.depth(this.selected));
    this.depth = answer.ok ? answer.value : null;
  }

  /** What a market order would cost now. */
  async estimate(request: {
    symbol: string;
    side: 'buy' | 'sell';
    quantity: string;
  }): Promise<Result<OrderEstimate>> {
    return estimateResult.parse(await this.client.estimate(request));
  }

  /** Every fill so far, newest first. */
  async fillHistory(): Promise<Result<FillEvent[]>> {
    return fillsResult.parse(await this.client.fillHistory());
  }

  /** Starts the seed's demo as a new session. */
  async startDemo(seed: string): Promise<Result<SessionView>> {
    const answer = viewResult.parse(await this.client.startDemo(seed));
    if (answer.ok) {
      this.show(answer.value);
      // At 1× a minute candle takes a minute: the demo runs where prices visibly move.
      await this.setSpeed(DEMO_SPEED);
      this.notice = DEMO_NOTE;
    }
    return answer;
  }

  /** Downloads whatever is stored for a session, unparsed: the rescue copy of a damaged one. */
  async exportRaw(id: string): Promise<void> {
    const made = fileResult.parse(await this.client.exportRawSession(id));
    if (made.ok)
      download(new File([made.value.text], made.value.fileName, { type: 'application/json' }));
    else this.notice = made.message;
  }

  /** Deletes a session that could not be opened; the worker then stops naming it. */
  async deleteDamaged(id: string): Promise<void> {
    const done = doneResult.parse(await this.client.deleteSession(id));
    this.notice = done.ok ? 'The damaged session was deleted.' : done.message;
  }

  /** Shows another asset in the chart and the ticket. */
  select(symbol: string): void {
    this.selected = symbol;
    this.candles = [];
    void this.refreshCandles();
  }

  /** Draws a pushed view at the next frame; views that arrive before it are passed over. */
  private showSoon(view: SessionView): void {
    const scheduled = this.unshown !== undefined;
    this.unshown = view;
    if (scheduled) return;
    requestAnimationFrame(() => {
      const latest = this.unshown;
      if (latest) this.show(latest);
    });
  }

  /** Shows a session the worker has just opened (after a switch or an import). */
  show(view: SessionView): void {
    // Anything pushed before this view is older than it.
    this.unshown = undefined;
    if (this.runningAsked === view.running) this.runningAsked = null;
    if (!view.assets.some((a) => a.symbol === this.selected))
      this.selected = view.assets[0]?.symbol ?? '';
    this.view = view;
  }
}
