import { expose } from 'comlink';
import { LabService } from './lab-service.ts';
import { SelfTestService } from './selftest/selftest-service.ts';
import { SessionService } from './session-service.ts';

/** The names that make this worker the self-test's or the tier lab's instead of a session's. */
const ROLES: Record<string, () => object> = {
  'powertrader-selftest': () => new SelfTestService(),
  'powertrader-lab': () => new LabService(),
};

// One bundle serves every role, so the engine is downloaded and cached once, not three times.
expose((ROLES[self.name] ?? (() => new SessionService()))());
