import * as z from 'zod/mini';
import type { LabRun, TierSummary } from '../../engine/risk/tier-lab.ts';
import {
  labRunSchema,
  MAX_LAB_TIERS,
  tierSummarySchema,
  type LabRequest,
} from '../../schema/lab.ts';
import { formFromRequest, parseLabForm, type LabForm } from '../../schema/lab-form.ts';
import { labQuery, readLabLink } from '../../schema/lab-link.ts';
import { proxy, startLabWorker } from '../../worker/client.ts';

const runsSchema = z.array(labRunSchema);
const summarySchema = z.array(tierSummarySchema);

/** The tier lab: one seed under up to five tiers, then Monte Carlo across seeds in a worker pool. */
export class LabState {
  form = $state<LabForm>(formFromRequest());
  /** Why the link this page was opened with could not be honoured. */
  linkRefusal = $state<string | null>(null);
  single = $state.raw<LabRun[] | null>(null);
  /** The settings the runs on screen were made with. */
  shown = $state.raw<LabRequest | null>(null);
  runs = $state.raw<LabRun[]>([]);
  summary = $state.raw<TierSummary[]>([]);
  done = $state(0);
  total = $state(0);
  running = $state<'single' | 'monte-carlo' | null>(null);
  message = $state<string | null>(null);
  private stops: (() => void)[] = [];
  private collected: LabRun[] = [];
  private readonly fromLink: boolean;

  constructor(hash: string) {
    const link = readLabLink(hash);
    if (link.type === 'run') this.form = link.form;
    if (link.type === 'refused') this.linkRefusal = link.reason;
    this.fromLink = link.type === 'run';
  }

  /** The request, or why the form cannot be run (named by field and tier). */
  get parsed() {
    return parseLabForm(this.form);
  }

  /** A link that reruns this lab, with these settings and tiers, on another device. */
  get shareLink(): string {
    const parsed = this.parsed;
    if (!parsed.ok) return '';
    return `${location.origin}${location.pathname}#/lab?${labQuery(parsed.value)}`;
  }

  get canAddTier(): boolean {
    return this.form.tiers.length < MAX_LAB_TIERS;
  }

  /** Adds a custom tier, a copy of the last one under a new name. */
  addTier(): void {
    if (!this.canAddTier) return;
    const last = this.form.tiers.at(-1) ?? formFromRequest().tiers[0]!;
    let n = 1;
    while (this.form.tiers.some((t) => t.label === `Custom ${n}`)) n++;
    this.form.tiers.push({ ...last, label: `Custom ${n}` });
  }

  removeTier(index: number): void {
    if (this.form.tiers.length > 1) this.form.tiers.splice(index, 1);
  }

  /** Back to the three built-in tiers. */
  resetTiers(): void {
    this.form.tiers = formFromRequest().tiers;
  }

  /** A share link reruns its run as soon as the page opens. */
  openLink(): void {
    if (this.fromLink) void this.runSingle();
  }

  /** Runs the strategy on one seed under the form's tiers. */
  async runSingle(): Promise<void> {
    const parsed = this.parsed;
    if (!parsed.ok || this.running) return;
    this.running = 'single';
    const { client, stop } = startLabWorker();
    this.stops = [stop];
    try {
      this.single = runsSchema.parse(await client.single(parsed.value));
      this.shown = parsed.value;
      this.message = null;
    } catch (error) {
      if (this.running) this.message = `The run failed: ${String(error)}`;
    } finally {
      this.finish();
    }
  }

  /** Runs seeds 1…N under the tiers across a pool of workers, one per spare core. */
  async runMonteCarlo(): Promise<void> {
    const parsed = this.parsed;
    if (!parsed.ok || this.running) return;
    const { strategy, days, seeds, tiers, liftCap } = parsed.value;
    const size = Math.max(1, (navigator.hardwareConcurrency || 2) - 1);
    const all = Array.from({ length: seeds }, (_, i) => String(i + 1));
    this.running = 'monte-carlo';
    this.runs = [];
    this.summary = [];
    this.done = 0;
    this.total = seeds;
    const collected: LabRun[] = [];
    this.collected = collected;
    const workers = Array.from({ length: size }, () => startLabWorker());
    this.stops = workers.map((w) => w.stop);
    try {
      await Promise.all(
        workers.map(({ client }, w) =>
          client.batch(
            { strategy, days, tiers, liftCap, seeds: all.filter((_, i) => i % size === w) },
            proxy((runs: unknown) => {
              collected.push(...runsSchema.parse(runs));
              this.done++;
              // Redraw the histograms every tenth seed, not on every message.
              if (this.done % 10 === 0 || this.done === this.total) this.runs = [...collected];
            }),
          ),
        ),
      );
      this.message = null;
      this.runs = [...collected];
      await this.summarize();
    } catch (error) {
      if (this.running) this.message = `The Monte Carlo run failed: ${String(error)}`;
    } finally {
      this.finish();
    }
  }

  /** The per-tier table of what has run so far, computed by a lab worker. */
  private async summarize(): Promise<void> {
    if (this.runs.length === 0) return;
    const { client, stop } = startLabWorker();
    try {
      this.summary = summarySchema.parse(await client.summarize(this.runs));
    } catch (error) {
      this.message = `The summary could not be made: ${String(error)}`;
    } finally {
      stop();
    }
  }

  /** Stops every worker at once; what finished stays on screen. */
  cancel(): void {
    if (!this.running) return;
    this.message = `Cancelled after ${this.done} of ${this.total} seeds.`;
    this.finish();
    // The histograms and table show every seed that finished before the cancel.
    this.runs = [...this.collected];
    void this.summarize();
  }

  private finish(): void {
    for (const stop of this.stops) stop();
    this.stops = [];
    this.running = null;
  }
}
