import { expose } from 'comlink';
import { ClassService } from './class-service.ts';
import { LabService } from './lab-service.ts';
import { SelfTestService } from './selftest/selftest-service.ts';
import { SessionService } from './session-service.ts';

/** The names that give this worker another role than running a session. */
const ROLES: Record<string, () => object> = {
  'powertrader-selftest': () => new SelfTestService(),
  'powertrader-lab': () => new LabService(),
  'powertrader-class': () => new ClassService(),
};

// One bundle serves every role, so the engine is downloaded and cached once, not three times.
expose((ROLES[self.name] ?? (() => new SessionService()))());
