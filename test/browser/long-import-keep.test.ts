// Keeping a long file (issue 18, finding 5): the worker tells how many commands it has stored,
// in order up to all of them, and a Cancel while it stores rolls all of it back.
import { describe, expect, it } from 'vitest';
import { PowerTraderDb } from '../../src/db/database.ts';
import { importPreviewSchema, importStepSchema, resultSchema } from '../../src/schema/messages.ts';
import { proxy, startSessionWorker } from '../../src/worker/client.ts';
import { longSessionText } from '../fixtures/long-session/generate.ts';

const previews = resultSchema(importPreviewSchema);
const COMMANDS = 60_000;

async function counts(dbName: string): Promise<number[]> {
  const db = new PowerTraderDb(dbName);
  const all = [await db.sessions.count(), await db.commands.count(), await db.snapshots.count()];
  db.close();
  return all;
}

/** A worker on a fresh database with the long file previewed, and what that database held. */
async function previewedLong(name: string) {
  const dbName = `${name}-${crypto.randomUUID()}`;
  const worker = startSessionWorker();
  await worker.client.open({ dbName });
  await worker.client.setRunning(false);
  const before = await counts(dbName);
  const previewed = previews.parse(
    await worker.client.previewImport(await longSessionText(COMMANDS)),
  );
  if (!previewed.ok) throw new Error(previewed.message);
  return { ...worker, dbName, before, token: previewed.value.token };
}

describe('keeping a long import', () => {
  it('counts the commands it stores, up to all of them', { timeout: 120_000 }, async () => {
    const { client, stop, dbName, before, token } = await previewedLong('long-keep');
    try {
      const steps: { done: number; total: number; phase: string }[] = [];
      const kept = await client.commitImport(
        token,
        proxy((_fraction: number, step: unknown) => steps.push(importStepSchema.parse(step))),
      );
      expect(kept).toMatchObject({ ok: true });
      await expect.poll(() => steps.at(-1)?.done).toBe(COMMANDS);
      expect(steps.every((s) => s.phase === 'store' && s.total === COMMANDS)).toBe(true);
      expect(steps.map((s) => s.done)).toEqual([...steps.map((s) => s.done)].sort((a, b) => a - b));
      expect(await counts(dbName)).toEqual([before[0]! + 1, before[1]! + COMMANDS, before[2]! + 1]);
    } finally {
      stop();
    }
  });

  it('rolls the whole store back when cancelled part-way', { timeout: 120_000 }, async () => {
    const { client, stop, dbName, before, token } = await previewedLong('long-cancel');
    try {
      let told = 0;
      const kept = await client.commitImport(
        token,
        proxy(() => {
          if (++told === 1) void client.cancelImport();
        }),
      );
      expect(kept).toMatchObject({ ok: false, code: 'cancelled' });
      expect(await counts(dbName)).toEqual(before);
    } finally {
      stop();
    }
  });
});
