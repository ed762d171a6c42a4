import { Dexie, type Table } from 'dexie';
import type { AlertRow, LogRow } from '../schema/monitor.ts';
import type { CommandRow, SessionRow, SnapshotRow } from '../schema/rows.ts';

import { DEFAULT_DB_NAME } from './session-store.ts';
export { DEFAULT_DB_NAME };

/**
 * The IndexedDB database. Keep every `version()` declaration: a browser that still has an older
 * version upgrades through each of them in turn. A new version also moves `STORED_VERSION`
 * (session-store.ts, ten times Dexie's number), which a browser test checks against Dexie.
 */
export class PowerTraderDb extends Dexie {
  declare sessions: Table<SessionRow, string>;
  declare commands: Table<CommandRow, [string, number]>;
  declare snapshots: Table<SnapshotRow, string>;
  declare alerts: Table<AlertRow, number>;
  declare logs: Table<LogRow, number>;
  declare settings: Table<{ key: string; value: unknown }, string>;

  constructor(name: string = DEFAULT_DB_NAME) {
    super(name);
    // Changing these table or key names needs a migration.
    this.version(1).stores({
      sessions: 'id',
      commands: '[sessionId+seq]',
      // savedAt finds the session used last without touching the sessions row on every command.
      snapshots: 'sessionId, savedAt',
    });
    // Version 2 adds the monitor's tables; the session tables are unchanged, so no upgrade runs.
    this.version(2).stores({
      alerts: '++id, raisedAt',
      logs: '++id, at',
      settings: 'key',
    });
  }
}
