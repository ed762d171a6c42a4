import type { Command } from '../engine/commands.ts';
import {
  commandAckSchema,
  resultSchema,
  sessionViewSchema,
  workerMessageSchema,
  type CommandAck,
  type Result,
  type SessionView,
  type Speed,
} from '../schema/messages.ts';
import { proxy, type SessionClient } from '../worker/client.ts';

const HISTORY_POINTS = 600;
const viewResult = resultSchema(sessionViewSchema);
const ackResult = resultSchema(commandAckSchema);

export interface PricePoint {
  readonly time: number;
  readonly price: number;
}

/** The UI's view of the session the worker runs: what it pushes, and the commands sent to it. */
export class SessionState {
  view = $state.raw<SessionView | null>(null);
  /** A message for the whole page (the session moved to another tab, a load failed). */
  notice = $state<string | null>(null);
  failure = $state<string | null>(null);
  history = $state.raw<readonly PricePoint[]>([]);
  pending = $state(0);

  constructor(readonly client: SessionClient) {}

  /** Subscribes to pushes and opens the latest session (or a new one). */
  async start(): Promise<void> {
    await this.client.subscribe(proxy((message: unknown) => this.receive(message)));
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
      if (answer.ok) performance.measure('command-persisted', 'command-submit');
      return answer;
    } finally {
      this.pending--;
    }
  }

  async takeOver(): Promise<void> {
    const answer = viewResult.parse(await this.client.takeOver());
    if (answer.ok) {
      this.notice = null;
      this.show(answer.value);
    } else this.notice = answer.message;
  }

  async setRunning(running: boolean): Promise<void> {
    await this.client.setRunning(running);
  }

  async setSpeed(speed: Speed): Promise<void> {
    await this.client.setSpeed(speed);
  }

  private receive(raw: unknown): void {
    const message = workerMessageSchema.safeParse(raw);
    if (!message.success) {
      this.failure = 'The simulator sent a message this page does not understand. Reload the page.';
      return;
    }
    if (message.data.type === 'view') this.show(message.data.view);
    else this.notice = message.data.message;
  }

  /** Shows a session the worker has just opened (after a switch or an import). */
  show(view: SessionView): void {
    if (this.view && this.view.sessionId !== view.sessionId) this.history = [];
    this.view = view;
    const first = view.portfolio.prices[0];
    const last = this.history.at(-1);
    if (first && (!last || view.portfolio.time > last.time)) {
      const next = [...this.history, { time: view.portfolio.time, price: Number(first.lastPrice) }];
      this.history = next.length > HISTORY_POINTS ? next.slice(-HISTORY_POINTS) : next;
    }
  }
}
