import { defaultConfig, idealConfig } from '../engine/config.ts';
import { TIERS } from '../engine/risk/tiers.ts';
import { demoCommands, demoConfig } from '../engine/demo.ts';
import { assignmentConfig, assignmentOpening } from '../engine/assignment.ts';
import { assignmentSchema } from '../schema/assignment.ts';
import { ok, refuse, type Result } from '../engine/result.ts';
import { Session } from '../engine/session.ts';
import type { PowerTraderDb } from '../db/database.ts';
import {
  deleteSession,
  duplicateSession,
  hasSession,
  listSessions,
  renameSession,
} from '../db/session-repository.ts';
import { loadSession } from '../db/session-store.ts';
import {
  demoSeedSchema,
  describeIssues,
  newSessionRequestSchema,
  sessionNameSchema,
  storedIdSchema,
  type SessionSummary,
  type SessionView,
} from '../schema/messages.ts';
import { newSessionId, sessionIdSchema, type SessionId, type SessionRow } from '../schema/rows.ts';
import type { SessionHost } from './session-host.ts';
import { createDefaultSession, createNewSession, unusedName } from './stored-sessions.ts';

/** The device's stored sessions: listing, opening, creating, renaming, copying and deleting. */
export class SessionLibrary {
  constructor(private readonly host: SessionHost) {}

  /** The stored sessions for the sessions list. */
  async listSessions(): Promise<Result<SessionSummary[]>> {
    const opened = this.host.opened;
    if (!opened) return refuse('not-open', 'No session is open.');
    const listings = await listSessions(await opened.connection.database());
    return ok(
      listings.map((listing) => {
        const { commandCount, bytes } = listing;
        if (listing.damaged !== undefined) {
          const { id, name = 'Unreadable session', damaged } = listing;
          const unknown = { createdAt: null, savedAt: null, equity: null };
          return { id, name, ...unknown, commandCount, bytes, current: false, damaged };
        }
        const { row, snapshot } = listing;
        return {
          id: row.id,
          name: row.name,
          createdAt: row.createdAt,
          savedAt: snapshot.savedAt,
          commandCount,
          bytes,
          equity: Session.fromSnapshot(row.config, snapshot.state).view().equity,
          current: row.id === opened.row.id,
        };
      }),
    );
  }

  /** Opens another stored session (or a new one when `sessionId` is omitted) in this tab. */
  async switchTo(input: unknown): Promise<Result<SessionView>> {
    const opened = this.host.opened;
    if (!opened) return refuse('not-open', 'No session is open.');
    const id =
      input === undefined
        ? await createDefaultSession(await opened.connection.database())
        : sessionIdSchema.safeParse(input);
    if (typeof id === 'object' && !id.success)
      return refuse('bad-request', 'That is not a session id.');
    return this.host.open({
      dbName: opened.connection.name,
      sessionId: typeof id === 'object' ? id.data : id,
    });
  }

  /** Starts a new session under a risk tier, with realistic or ideal fills, and opens it. */
  async newSession(input: unknown): Promise<Result<SessionView>> {
    const opened = this.host.opened;
    if (!opened) return refuse('not-open', 'No session is open.');
    const request = newSessionRequestSchema.safeParse(input);
    if (!request.success) return refuse('bad-request', describeIssues(request.error));
    const { tier, fills } = request.data;
    const base = defaultConfig(Math.floor(Date.now() / 1000) * 1000);
    const config = {
      ...(fills === 'ideal' ? idealConfig(base) : base),
      ...(tier === 'none' ? {} : { risk: TIERS[tier] }),
    };
    const name = `${tier === 'none' ? 'Session' : `${TIERS[tier].label} session`}${fills === 'ideal' ? ', ideal fills' : ''}`;
    const db = await opened.connection.database();
    return this.switchTo(await createNewSession(db, name, config));
  }

  /** Starts the seed's demo as a new session and opens it: $50,000 and five Moderate-tier buys. */
  async startDemo(seedInput: unknown): Promise<Result<SessionView>> {
    const opened = this.host.opened;
    if (!opened) return refuse('not-open', 'No session is open.');
    const seed = demoSeedSchema.safeParse(seedInput);
    if (!seed.success) return refuse('invalid-seed', 'Use 1–32 letters or digits as the seed.');
    // The demo runs from its fixed simulated start: seed 42 here is seed 42 in `npm run sim -- demo`.
    const config = demoConfig();
    const db = await opened.connection.database();
    const id = await createNewSession(
      db,
      await unusedName(db, `Demo, seed ${seed.data}`),
      config,
      demoCommands(seed.data, config).map((c) => c.command),
      seed.data,
    );
    return this.switchTo(id);
  }

  /** Starts a student's session under an assignment (from its link) and opens it. */
  async startAssignment(input: unknown): Promise<Result<SessionView>> {
    const opened = this.host.opened;
    if (!opened) return refuse('not-open', 'No session is open.');
    const parsed = assignmentSchema.safeParse(input);
    if (!parsed.success) return refuse('bad-request', describeIssues(parsed.error));
    const a = parsed.data;
    const db = await opened.connection.database();
    const id = await createNewSession(
      db,
      await unusedName(db, a.title),
      assignmentConfig(a),
      assignmentOpening(a),
      a.seed,
      a,
    );
    return this.switchTo(id);
  }

  /** Renames a session that no other tab is using. */
  async renameSession(idInput: unknown, nameInput: unknown): Promise<Result<true>> {
    const name = sessionNameSchema.safeParse(nameInput);
    if (!name.success)
      return refuse('invalid-name', name.error.issues[0]?.message ?? 'Give the session a name.');
    return this.withSession(idInput, async (db, id) => {
      await renameSession(db, id, name.data);
      const opened = this.host.opened;
      if (opened?.row.id === id) opened.row = { ...opened.row, name: name.data };
      this.host.schedulePush();
    });
  }

  /** Copies a session with its whole log. */
  async duplicateSession(idInput: unknown): Promise<Result<true>> {
    return this.withSession(idInput, async (db, id, row) => {
      const copyName = `${row.name} (copy)`.slice(0, 80);
      await duplicateSession(db, id, { id: newSessionId(), name: copyName, createdAt: Date.now() });
    });
  }

  /** Deletes a session that is neither open here nor in another tab, damaged ones included. */
  async deleteSession(idInput: unknown): Promise<Result<true>> {
    const host = this.host;
    if (host.opened?.row.id === idInput) {
      return refuse(
        'in-use',
        'This session is open here. Open another session before deleting it.',
      );
    }
    const opened = host.opened;
    const id = storedIdSchema.safeParse(idInput);
    if (!opened || !id.success) return refuse('bad-request', 'That is not a stored session.');
    if (!(await hasSession(await opened.connection.database(), id.data)))
      return refuse('not-found', 'That session no longer exists on this device.');
    const db = await opened.connection.database();
    const deleted = await host.whileUnused(opened.connection.name, id.data, () =>
      deleteSession(db, id.data),
    );
    if (deleted.ok) {
      host.damaged = host.damaged.filter((d) => d.id !== id.data);
      host.schedulePush();
    }
    return deleted;
  }

  /** Runs a change on a stored session while holding its lock, so no tab is using it. */
  private async withSession(
    idInput: unknown,
    change: (db: PowerTraderDb, id: SessionId, row: SessionRow) => Promise<void>,
  ): Promise<Result<true>> {
    const opened = this.host.opened;
    const id = sessionIdSchema.safeParse(idInput);
    if (!opened || !id.success) return refuse('bad-request', 'That is not a stored session.');
    const row = (await loadSession(opened.connection.idb, id.data))?.row;
    if (!row) return refuse('not-found', 'That session no longer exists on this device.');
    const db = await opened.connection.database();
    if (id.data === opened.row.id) {
      if (this.host.role !== 'leader')
        return refuse('in-use', 'This session is being changed in another tab.');
      await change(db, id.data, row);
      return ok(true);
    }
    return this.host.whileUnused(opened.connection.name, id.data, () => change(db, id.data, row));
  }
}
