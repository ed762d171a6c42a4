import { describe, expect, it } from 'vitest';
import { PowerTraderDb } from '../../src/db/database.ts';
import { importPreviewSchema, resultSchema, sessionViewSchema } from '../../src/schema/messages.ts';
import { sessionIdSchema } from '../../src/schema/rows.ts';
import * as z from 'zod/mini';
import { proxy, startSessionWorker } from '../../src/worker/client.ts';
import { hostileFiles, VALID_TEXT } from '../fixtures/hostile/generate.ts';
import { hashOf } from '../support/worker-tabs.ts';

const previews = resultSchema(importPreviewSchema);

async function dump(dbName: string): Promise<string> {
  const db = new PowerTraderDb(dbName);
  const tables = [
    await db.sessions.toArray(),
    await db.commands.toArray(),
    await db.snapshots.toArray(),
  ];
  db.close();
  return JSON.stringify(tables);
}

describe('importing hostile files in Chromium', () => {
  it(
    'refuses or flags every one with its specific reason and stores nothing',
    { timeout: 120_000 },
    async () => {
      const dbName = `hostile-${crypto.randomUUID()}`;
      const { client, stop } = startSessionWorker();
      try {
        await client.open({ dbName });
        await client.setRunning(false);
        const before = await dump(dbName);
        const outcomes: Record<string, string> = {};
        const expected: Record<string, string> = {};
        for (const file of hostileFiles()) {
          const answer = previews.parse(
            await client.previewImport(
              file.text,
              proxy(() => undefined),
            ),
          );
          outcomes[file.name] = answer.ok ? answer.value.verdict : answer.code;
          expected[file.name] =
            file.expected.verdict === 'refused' ? file.expected.code : 'modified';
          if (!answer.ok) expect(answer.message.length, file.name).toBeGreaterThan(10);
          await client.cancelImport();
        }
        expect(outcomes).toEqual(expected);
        expect(await dump(dbName)).toBe(before);

        // The worker is still healthy afterwards: the valid file verifies.
        const valid = previews.parse(await client.previewImport(VALID_TEXT));
        expect(valid.ok && valid.value.verdict).toBe('verified');
      } finally {
        stop();
      }
    },
  );
});

describe('keeping an import', () => {
  it('stores exactly what opens to the previewed hash', { timeout: 60_000 }, async () => {
    const dbName = `keep-${crypto.randomUUID()}`;
    const { client, stop } = startSessionWorker();
    try {
      await client.open({ dbName });
      await client.setRunning(false);
      const previewed = previews.parse(await client.previewImport(VALID_TEXT));
      if (!previewed.ok) throw new Error(previewed.message);
      const kept = resultSchema(z.strictObject({ sessionId: sessionIdSchema })).parse(
        await client.commitImport(previewed.value.token),
      );
      if (!kept.ok) throw new Error(kept.message);
      const opened = resultSchema(sessionViewSchema).parse(
        await client.switchTo(kept.value.sessionId),
      );
      if (!opened.ok) throw new Error(opened.message);
      expect([await hashOf(client), opened.value.portfolio.seq]).toEqual([
        previewed.value.replayedHash,
        previewed.value.commandCount,
      ]);
    } finally {
      stop();
    }
  });
});

describe('cancelling an import', () => {
  it('stops the replay part-way and stores nothing', { timeout: 60_000 }, async () => {
    const dbName = `cancel-${crypto.randomUUID()}`;
    const { client, stop } = startSessionWorker();
    try {
      await client.open({ dbName });
      await client.setRunning(false);
      const before = await dump(dbName);
      // A valid file whose market runs on for a simulated year: long enough to cancel mid-way.
      const long = VALID_TEXT.replace(/"endTime":\d+/, `"endTime":${Date.UTC(2027, 0, 1)}`);
      const progress: number[] = [];
      const pending = client.previewImport(
        long,
        proxy((fraction: number) => {
          progress.push(fraction);
          if (progress.length === 3) void client.cancelImport();
        }),
      );
      const answer = previews.parse(await pending);
      expect(answer).toMatchObject({ ok: false, code: 'cancelled' });
      expect(progress.length).toBeGreaterThanOrEqual(3);
      expect(Math.max(...progress)).toBeLessThan(1);
      expect(await dump(dbName)).toBe(before);
    } finally {
      stop();
    }
  });
});
