import { PowerTraderDb } from '../../db/database.ts';
import { sessionIdSchema } from '../../schema/rows.ts';
import {
  resolveSelfTestConfig,
  selfTestConfigSchema,
  type CheckResult,
  type PerformanceFigure,
} from '../../schema/selftest.ts';
import { engineChecks, engineFigures } from './engine-checks.ts';
import { runChecks } from './run-checks.ts';

/** The self-test's worker side: the checks that need no page, and the tampering for recovery. */
export class SelfTestService {
  private cancelled = false;

  /** Runs the worker-side checks of the chosen suites against a scratch database. */
  async run(
    configInput: unknown,
    scratchDbName: string,
    onResult: (result: CheckResult) => unknown,
  ): Promise<CheckResult[]> {
    const config = resolveSelfTestConfig(selfTestConfigSchema.parse(configInput));
    this.cancelled = false;
    const checks = engineChecks(scratchDbName).filter((c) => config.suites.includes(c.suite));
    return runChecks(checks, onResult, () => this.cancelled);
  }

  /** How many worker-side checks the chosen suites hold, for the progress bar. */
  count(configInput: unknown): number {
    const config = resolveSelfTestConfig(selfTestConfigSchema.parse(configInput));
    return engineChecks('count').filter((c) => config.suites.includes(c.suite)).length;
  }

  /** Engine speed figures on this device. */
  figures(configInput: unknown): PerformanceFigure[] {
    return engineFigures(resolveSelfTestConfig(selfTestConfigSchema.parse(configInput)));
  }

  cancel(): void {
    this.cancelled = true;
  }

  /** Damages a stored snapshot's hash in a scratch database, as a bad disk or a bug might. */
  async corruptSnapshot(dbName: string, sessionId: string): Promise<void> {
    if (!dbName.startsWith('selftest-')) throw new Error('Only scratch databases may be damaged.');
    const db = new PowerTraderDb(dbName);
    try {
      await db.snapshots.update(sessionIdSchema.parse(sessionId), { hash: '0'.repeat(64) });
    } finally {
      db.close();
    }
  }
}
