import * as z from 'zod/mini';
import { runTierLabs, summarize, type LabRun, type TierSummary } from '../engine/risk/tier-lab.ts';
import { labBatchSchema, labRequestSchema, labRunSchema } from '../schema/lab.ts';

/** The tier lab's worker side: one seed under the chosen tiers, or a batch of seeds for the pool. */
export class LabService {
  /** The tiers on one seed, with their daily equity for the overlaid curves. */
  single(input: unknown): LabRun[] {
    const { strategy, days, seed, tiers, liftCap } = labRequestSchema.parse(input);
    return runTierLabs(seed, days, strategy, tiers, { liftGlobalCap: liftCap });
  }

  /** A batch of seeds; reports each seed's runs (curves left out) as it finishes. */
  batch(input: unknown, onSeed: (runs: LabRun[]) => unknown): void {
    const { strategy, days, seeds, tiers, liftCap } = labBatchSchema.parse(input);
    for (const seed of seeds) {
      const runs = runTierLabs(seed, days, strategy, tiers, { liftGlobalCap: liftCap }).map(
        (run) => ({ ...run, equity: [] }),
      );
      void onSeed(runs);
    }
  }

  /** Mean, median and percentiles per tier of the runs so far. */
  summarize(input: unknown): TierSummary[] {
    return summarize(z.array(labRunSchema).parse(input));
  }
}
