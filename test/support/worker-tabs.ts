import {
  resultSchema,
  sessionViewSchema,
  stateHashViewSchema,
  type SessionView,
  type WorkerMessage,
} from '../../src/schema/messages.ts';
import { proxy, startSessionWorker, type SessionClient } from '../../src/worker/client.ts';

const views = resultSchema(sessionViewSchema);
const running: (() => void)[] = [];

/** A database name no other test uses. */
export const freshDb = () => `test-${crypto.randomUUID()}`;

/** A real session worker, as a tab would start it, on a database of the test's own. */
export async function openTab(dbName: string): Promise<{
  client: SessionClient;
  stop: () => void;
  messages: WorkerMessage[];
  view: SessionView;
}> {
  const { client, stop } = startSessionWorker();
  running.push(stop);
  const messages: WorkerMessage[] = [];
  await client.subscribe(proxy((m: WorkerMessage) => void messages.push(m)));
  const opened = views.parse(await client.open({ dbName }));
  if (!opened.ok) throw new Error(opened.message);
  return { client, stop, messages, view: opened.value };
}

/** Stops every worker the test started (a stopped one is stopped only once); for afterEach. */
export function stopTabs(): void {
  while (running.length) running.pop()!();
}

/** The open session's state hash, asked of the worker as the status bar asks for it. */
export async function hashOf(client: SessionClient): Promise<string> {
  const answer = resultSchema(stateHashViewSchema).parse(await client.stateHash());
  if (!answer.ok) throw new Error(answer.message);
  return answer.value.hash;
}
