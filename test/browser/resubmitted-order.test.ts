import { afterEach, describe, expect, it } from 'vitest';
import { PowerTraderDb } from '../../src/db/database.ts';
import { commandAckSchema, resultSchema, sessionViewSchema } from '../../src/schema/messages.ts';
import { freshDb, openTab, stopTabs } from '../support/worker-tabs.ts';

const acks = resultSchema(commandAckSchema);
const views = resultSchema(sessionViewSchema);
afterEach(stopTabs);

const limitBuy = {
  type: 'place-order',
  clientOrderId: 'dip-1',
  symbol: 'BTC',
  side: 'buy',
  orderType: 'limit',
  quantity: '0.01',
  // Within Moderate's 10 % price band, so it rests: the first session has that tier.
  limitPrice: '46000',
} as const;

describe('a resubmitted order id in a live session', () => {
  it('is answered as the order already placed, is not logged, and the session reopens', async () => {
    const dbName = freshDb();
    const tab = await openTab(dbName);
    await tab.client.setRunning(false);
    const first = acks.parse(await tab.client.submit(limitBuy));
    const again = acks.parse(await tab.client.submit(limitBuy));
    if (!first.ok || !again.ok) throw new Error('refused');
    expect(again.value.events[0]?.type).toBe('duplicate');
    expect(again.value.seq).toBe(first.value.seq);
    await tab.client.close();
    tab.stop();

    const db = new PowerTraderDb(dbName);
    const logged = (await db.commands.toArray()).map((c) => [c.seq, c.command.type]);
    db.close();
    expect(logged).toEqual([
      [1, 'deposit'],
      [2, 'place-order'],
    ]);
    const reopened = await openTab(dbName);
    const view = views.parse(await reopened.client.current());
    expect(view.ok && view.value.portfolio.seq).toBe(2);
  });
});
