import type { PortfolioView } from '../engine/session.ts';
import { limitChanges, tierOf, type LimitChange, type TierChoice } from '../schema/tier-choice.ts';
import type { SessionState } from './session-state.svelte.ts';

/** The tier in force as a choice, or null for a custom tier (a file's own), which no form offers. */
export function currentChoice(portfolio: PortfolioView): TierChoice | null {
  if (portfolio.tierName === null) return 'none';
  return portfolio.tierName === 'custom' ? null : portfolio.tierName;
}

/**
 * The risk panel's tier selector: a choice, then a plain confirmation of what changes, then the
 * `set-tier` command, logged like any other.
 */
export class TierSwitch {
  /** The choice being confirmed, or null while none is. */
  pending = $state<TierChoice | null>(null);
  problem = $state<string | null>(null);
  done = $state<string | null>(null);

  constructor(private readonly session: SessionState) {}

  /** Asks to confirm a new choice; choosing the tier in force asks nothing. */
  choose(choice: TierChoice, portfolio: PortfolioView): void {
    this.problem = null;
    this.done = null;
    this.pending = choice === currentChoice(portfolio) ? null : choice;
  }

  /** What the pending choice changes against the tier in force. */
  changes(portfolio: PortfolioView): LimitChange[] {
    if (this.pending === null) return [];
    const from = currentChoice(portfolio);
    return limitChanges(from === null ? null : tierOf(from), tierOf(this.pending));
  }

  async confirm(): Promise<void> {
    const tier = this.pending;
    if (tier === null) return;
    const answer = await this.session.submit({ type: 'set-tier', tier });
    if (answer.ok) {
      this.pending = null;
      this.done = `Changed. From now on every buy is checked against ${tier === 'none' ? 'no tier' : `the ${tierOf(tier)!.label} tier`}; positions you hold stay as they are.`;
    } else this.problem = answer.message;
  }

  cancel(): void {
    this.pending = null;
    this.problem = null;
  }
}
