import { expose } from 'comlink';
import { SelfTestService } from './selftest/selftest-service.ts';
import { SessionService } from './session-service.ts';

/** The name that makes this worker the self-test's instead of a session's. */
const SELF_TEST_WORKER_NAME = 'powertrader-selftest';

// One bundle serves both roles, so the engine is downloaded and cached once, not twice.
expose(self.name === SELF_TEST_WORKER_NAME ? new SelfTestService() : new SessionService());
