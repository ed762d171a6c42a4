import {
  DEFAULT_SELF_TEST_CONFIG,
  resolveSelfTestConfig,
  selfTestConfigSchema,
  selfTestReportSchema,
  type CheckResult,
  type PerformanceFigure,
  type SelfTestReport,
} from '../../schema/selftest.ts';
import { describeIssues } from '../../schema/messages.ts';
import { randomUuid } from '../../schema/random-id.ts';
import { downloadJson } from '../download.ts';
import { isoNow } from '../format.ts';
import { proxy, runChecks, startSelfTestWorker } from '../../worker/client.ts';
import { pageChecks, roundTripFigures, ScratchSessions } from './page-checks.ts';
import { version as appVersion } from '../../../package.json';

/** Deletes a scratch database; resolves once it is gone. */
function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

/** The self-test page: runs the suites on this device and builds the report. */
export class SelfTestState {
  configText = $state(
    JSON.stringify(
      { suites: DEFAULT_SELF_TEST_CONFIG.suites, iterations: DEFAULT_SELF_TEST_CONFIG.iterations },
      null,
      2,
    ),
  );
  running = $state(false);
  progress = $state(0);
  results = $state.raw<readonly CheckResult[]>([]);
  figures = $state.raw<readonly PerformanceFigure[]>([]);
  report = $state.raw<SelfTestReport | null>(null);
  private cancelRequested = false;

  /** What is wrong with the typed settings, in plain words; null when they are valid. */
  get configProblem(): string | null {
    let json: unknown;
    try {
      json = JSON.parse(this.configText);
    } catch {
      return 'The settings are not valid JSON.';
    }
    const parsed = selfTestConfigSchema.safeParse(json);
    return parsed.success ? null : describeIssues(parsed.error);
  }

  cancel(): void {
    this.cancelRequested = true;
  }

  /** Runs every chosen suite against a scratch database that is deleted afterwards. */
  async run(): Promise<void> {
    if (this.running || this.configProblem) return;
    const config = resolveSelfTestConfig(selfTestConfigSchema.parse(JSON.parse(this.configText)));
    const startedAt = isoNow();
    const t0 = performance.now();
    this.running = true;
    this.cancelRequested = false;
    this.results = [];
    this.figures = [];
    this.report = null;
    this.progress = 0;
    const scratch = new ScratchSessions(`selftest-${randomUuid()}`);
    const storageDb = `selftest-${randomUuid()}`;
    const worker = startSelfTestWorker();
    const checks = pageChecks(scratch, worker.client).filter((c) =>
      config.suites.includes(c.suite),
    );
    const measuring = config.suites.includes('performance');
    const total = (await worker.client.count(config)) + checks.length + (measuring ? 1 : 0);
    const record = (result: CheckResult) => {
      this.results = [...this.results, result];
      this.progress = this.results.length / total;
    };
    try {
      await worker.client.run(config, storageDb, proxy(record));
      await runChecks(checks, record, () => this.cancelRequested);
      if (measuring && !this.cancelRequested) {
        scratch.stopAll();
        this.figures = [
          ...(await worker.client.figures(config)),
          ...(await roundTripFigures(scratch, config.iterations)),
        ];
        this.progress = 1;
      }
    } finally {
      scratch.stopAll();
      worker.stop();
      await Promise.all([deleteDatabase(scratch.dbName), deleteDatabase(storageDb)]);
      this.running = false;
    }
    const count = (status: CheckResult['status']) =>
      this.results.filter((r) => r.status === status).length;
    const nav = navigator as Navigator & {
      deviceMemory?: number;
      userAgentData?: { platform?: string };
    };
    this.report = selfTestReportSchema.parse({
      type: 'powertrader.selftest-report',
      version: 1,
      appVersion,
      userAgent: navigator.userAgent,
      ...(nav.userAgentData?.platform ? { platform: nav.userAgentData.platform } : {}),
      ...(nav.deviceMemory ? { deviceMemoryGb: nav.deviceMemory } : {}),
      ...(navigator.hardwareConcurrency ? { cores: navigator.hardwareConcurrency } : {}),
      startedAt,
      durationMs: Math.round(performance.now() - t0),
      config: { suites: [...config.suites], iterations: config.iterations },
      results: [...this.results],
      performance: [...this.figures],
      summary: {
        passed: count('passed'),
        failed: count('failed'),
        skipped: count('skipped'),
        cancelled: this.cancelRequested,
      },
    });
  }

  /** Downloads the report as a JSON file. */
  download(): void {
    if (!this.report) return;
    downloadJson(`powertrader-selftest-${this.report.startedAt.slice(0, 10)}.json`, this.report);
  }
}
