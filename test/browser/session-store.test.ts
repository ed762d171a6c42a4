import { describe, expect, it } from 'vitest';
import { PowerTraderDb } from '../../src/db/database.ts';
import {
  claimWriter,
  loadSession,
  openExisting,
  sessionIdsByRecency,
  STORED_VERSION,
} from '../../src/db/session-store.ts';
import { createNewSession } from '../../src/worker/stored-sessions.ts';
import { defaultConfig } from '../../src/engine/config.ts';
import { freshDb } from '../support/worker-tabs.ts';

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name ?? '');
}

describe('opening a session without Dexie, in real IndexedDB', () => {
  it('creates nothing where there is no database: Dexie makes it', async () => {
    const name = freshDb();
    expect(await openExisting(name)).toBeNull();
    expect(await databaseNames()).not.toContain(name);
  });

  it("opens Dexie's database at the version it declares, and reads what Dexie wrote", async () => {
    const name = freshDb();
    const dexie = new PowerTraderDb(name);
    await dexie.open();
    expect(dexie.backendDB().version).toBe(STORED_VERSION);
    const first = await createNewSession(dexie, 'First', defaultConfig(Date.UTC(2026, 0, 1)));
    const second = await createNewSession(dexie, 'Second', defaultConfig(Date.UTC(2026, 0, 1)));
    dexie.close();
    const idb = (await openExisting(name))!;
    expect(idb).not.toBeNull();
    expect(await sessionIdsByRecency(idb)).toEqual(expect.arrayContaining([first, second]));
    const stored = (await loadSession(idb, second))!;
    expect(stored.row.name).toBe('Second');
    expect(stored.commandsAfter).toEqual([]);
    // The fencing token goes up in the stored row, with its other fields as they were.
    const claimed = (await claimWriter(idb, second))!;
    expect(claimed.epoch).toBe(stored.row.writerEpoch + 1);
    idb.close();
    const again = new PowerTraderDb(name);
    const row = await again.sessions.get(second);
    expect(row).toEqual({ ...stored.row, writerEpoch: claimed.epoch });
    again.close();
  });

  it('leaves a database of an older version to Dexie, which upgrades it', async () => {
    const name = freshDb();
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, 10);
      request.onupgradeneeded = () =>
        request.result.createObjectStore('sessions', { keyPath: 'id' });
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    expect(await openExisting(name)).toBeNull();
    const dexie = new PowerTraderDb(name);
    await dexie.open();
    expect(dexie.backendDB().version).toBe(STORED_VERSION);
    dexie.close();
    expect(await openExisting(name)).not.toBeNull();
  });
});
