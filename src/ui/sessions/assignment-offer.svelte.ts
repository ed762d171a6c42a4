import type { Assignment } from '../../engine/assignment.ts';
import { readAssignmentLink, type AssignmentLink } from '../../schema/assignment-link.ts';
import { resultSchema, sessionViewSchema } from '../../schema/messages.ts';
import type { SessionState } from '../session-state.svelte.ts';

const viewResult = resultSchema(sessionViewSchema);

/**
 * An assignment link opened on the Sessions page: what it sets, and a button that starts the
 * student's session with exactly those settings (or why the link cannot be honoured).
 */
export class AssignmentOffer {
  link = $state.raw<AssignmentLink>({ type: 'none' });
  problem = $state<string | null>(null);
  starting = $state(false);

  constructor(private readonly session: SessionState) {
    this.read();
  }

  /** Reads the page's hash again (the link may be opened while the app is already open). */
  read(): void {
    this.link = readAssignmentLink(location.hash);
    this.problem = null;
  }

  async start(assignment: Assignment): Promise<void> {
    this.starting = true;
    try {
      const opened = viewResult.parse(await this.session.client.startAssignment(assignment));
      if (!opened.ok) {
        this.problem = opened.message;
        return;
      }
      this.session.show(opened.value);
      location.hash = '#/trade';
    } finally {
      this.starting = false;
    }
  }
}
