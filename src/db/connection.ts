import type { PowerTraderDb } from './database.ts';
import { openExisting } from './session-store.ts';

/**
 * The session worker's database: IndexedDB at once, for opening a session and trading in it
 * (session-store.ts), and Dexie when something else first needs it. A database that does not
 * exist yet, or has an older version, is created or upgraded by Dexie first.
 */
export class Connection {
  private dexie: Promise<PowerTraderDb> | undefined;

  private constructor(
    readonly name: string,
    readonly idb: IDBDatabase,
    dexie?: PowerTraderDb,
  ) {
    if (dexie) this.dexie = Promise.resolve(dexie);
  }

  static async open(name: string): Promise<Connection> {
    const idb = await openExisting(name);
    if (idb) return new Connection(name, idb);
    const db = await openDexie(name);
    return new Connection(name, db.backendDB(), db);
  }

  /** The same database through Dexie, loaded on first use. */
  database(): Promise<PowerTraderDb> {
    return (this.dexie ??= openDexie(this.name));
  }

  close(): void {
    this.idb.close();
    void this.dexie?.then((db) => db.close()).catch(() => undefined);
  }
}

async function openDexie(name: string): Promise<PowerTraderDb> {
  const { PowerTraderDb } = await import('./database.ts');
  const db = new PowerTraderDb(name);
  await db.open();
  return db;
}
