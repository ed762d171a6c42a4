import type { AlertRule } from '../../engine/monitor/alert-rule.ts';
import { alertRuleSchema } from '../../schema/monitor.ts';
import type { MonitorState } from './monitor-state.svelte.ts';

type Field = 'threshold' | 'clearAt' | 'forMs' | 'cooldownMs';

/** The number fields of a rule's form, and the rule field each one fills. */
export const RULE_FIELDS = [
  { key: 'threshold', field: 'threshold', label: 'Threshold' },
  { key: 'clearAt', field: 'clearAt', label: 'Clears at' },
  { key: 'forS', field: 'forMs', label: 'For (s)' },
  { key: 'cooldownS', field: 'cooldownMs', label: 'Cooldown (s)' },
] as const satisfies readonly { key: keyof RuleForm; field: Field; label: string }[];

/** A rule as its form holds it: numbers as the text typed, durations in seconds. */
interface RuleForm {
  rule: { -readonly [K in keyof AlertRule]: AlertRule[K] };
  threshold: string;
  clearAt: string;
  forS: string;
  cooldownS: string;
}

const toForm = (rule: AlertRule): RuleForm => ({
  rule: { ...rule },
  threshold: String(rule.threshold),
  clearAt: String(rule.clearAt),
  forS: String(rule.forMs / 1000),
  cooldownS: String(rule.cooldownMs / 1000),
});

/** A plain number typed by a person, or NaN. */
const numberOf = (text: string) => (/^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : NaN);

/**
 * The rules editor's draft: every rule checked as it is typed, with the problem shown at its
 * field; nothing reaches the worker until the whole set is valid.
 */
export class RulesDraft {
  forms = $state<RuleForm[]>([]);
  saved = $state<string | null>(null);
  refusal = $state<string | null>(null);

  constructor(private readonly monitor: MonitorState) {
    this.reset();
  }

  /** Starts over from the rules in force. */
  reset(): void {
    this.forms = this.monitor.rules.map(toForm);
    this.refusal = null;
  }

  /** The rule a form stands for, parsed: its values, or the problem of each field. */
  private parse(form: RuleForm) {
    return alertRuleSchema.safeParse({
      ...form.rule,
      threshold: numberOf(form.threshold),
      clearAt: numberOf(form.clearAt),
      forMs: Math.round(numberOf(form.forS) * 1000),
      cooldownMs: Math.round(numberOf(form.cooldownS) * 1000),
    });
  }

  /** What is wrong with one field of one rule, in plain words, or null. */
  problem(index: number, field: Field): string | null {
    const form = this.forms[index];
    if (!form) return null;
    const parsed = this.parse(form);
    if (parsed.success) return null;
    const issue = parsed.error.issues.find((i) => i.path[0] === field);
    return issue ? issue.message : null;
  }

  /** The first problem of a rule, for the line under it. */
  firstProblem(index: number): string | null {
    for (const f of RULE_FIELDS) {
      const problem = this.problem(index, f.field);
      if (problem) return problem;
    }
    return null;
  }

  get valid(): boolean {
    return this.forms.every((f) => this.parse(f).success);
  }

  /** Snoozes a rule for some minutes from now (silent, still tracked). */
  snooze(index: number, minutes: number): void {
    const form = this.forms[index];
    if (form) form.rule.snoozedUntil = minutes ? Date.now() + minutes * 60_000 : null;
  }

  async save(): Promise<void> {
    this.saved = null;
    const rules = this.forms.map((f) => this.parse(f));
    if (!rules.every((r) => r.success)) {
      this.refusal = 'Fix the fields marked in red first; nothing was saved.';
      return;
    }
    this.refusal = await this.monitor.saveRules(rules.map((r) => r.data!));
    if (!this.refusal) {
      this.saved = 'Saved. The rules apply from the next sample.';
      this.reset();
    }
  }

  async restoreDefaults(): Promise<void> {
    await this.monitor.resetRules();
    this.reset();
    this.saved = 'The default rules are back.';
  }
}
