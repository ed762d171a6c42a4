import { costReportSchema, costRequestSchema, type CostReport } from '../../schema/cost.ts';
import { resultSchema } from '../../schema/messages.ts';
import { download, downloadJson } from '../download.ts';
import type { SessionState } from '../session-state.svelte.ts';

const reportResult = resultSchema(costReportSchema);

export const CATEGORY_LABELS: Record<string, string> = {
  infrastructure: 'Infrastructure',
  'data-feeds': 'Data feeds',
  'exchange-fees': 'Exchange fees',
  software: 'Software',
  personnel: 'Personnel',
  compliance: 'Compliance',
  other: 'Other',
};

interface EditableItem {
  label: string;
  category: 'infrastructure' | 'data-feeds' | 'software' | 'personnel' | 'compliance' | 'other';
  amount: string;
  period: 'monthly' | 'annual';
}

/** The Costs page: what the user types, its field messages, and the worker's report. */
export class CostsState {
  capital = $state('50000');
  monthlyVolume = $state('250000');
  useSessionFills = $state(false);
  months = $state<12 | 24 | 36>(12);
  costGrowth = $state('5');
  volumeGrowth = $state('10');
  customName = $state('My setup');
  items = $state<EditableItem[]>([
    { label: 'Cloud server', category: 'infrastructure', amount: '120', period: 'monthly' },
    { label: 'Market data', category: 'data-feeds', amount: '49', period: 'monthly' },
    { label: 'Tax software', category: 'compliance', amount: '300', period: 'annual' },
  ]);
  chosenTier = $state('Professional');
  report = $state.raw<CostReport | null>(null);
  failure = $state<string | null>(null);

  constructor(private readonly session: SessionState) {}

  private request() {
    return {
      capital: this.capital.trim(),
      monthlyVolume: this.monthlyVolume.trim(),
      useSessionFills: this.useSessionFills,
      months: this.months,
      costGrowthPercent: this.costGrowth.trim() === '' ? Number.NaN : Number(this.costGrowth),
      volumeGrowthPercent: this.volumeGrowth.trim() === '' ? Number.NaN : Number(this.volumeGrowth),
      custom: {
        name: this.customName,
        items: this.items.map((i) => ({ ...i, amount: i.amount.trim() })),
      },
    };
  }

  /** Plain-language problems by field path (e.g. "custom.items.1.amount"). */
  get problems(): Record<string, string> {
    const parsed = costRequestSchema.safeParse(this.request());
    if (parsed.success) return {};
    const out: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      out[path] ??=
        issue.message === 'Invalid input'
          ? 'Enter a plain number such as 120 or 49.50.'
          : issue.message;
    }
    return out;
  }

  addItem(): void {
    this.items.push({ label: 'New cost', category: 'other', amount: '0', period: 'monthly' });
  }

  removeItem(index: number): void {
    this.items.splice(index, 1);
  }

  /** Asks the worker for the report when every field is valid. */
  async refresh(): Promise<void> {
    if (Object.keys(this.problems).length) return;
    const answer = reportResult.parse(await this.session.client.costs(this.request()));
    if (answer.ok) {
      this.report = answer.value;
      this.failure = null;
    } else this.failure = answer.message;
  }

  exportJson(): void {
    if (!this.report) return;
    downloadJson('powertrader-costs.json', this.report);
  }

  exportCsv(): void {
    const tier = this.report?.tiers.find((t) => t.name === this.chosenTier);
    if (!tier) return;
    const slug = tier.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    download(new File([tier.projectionCsv], `powertrader-costs-${slug}.csv`, { type: 'text/csv' }));
  }
}
