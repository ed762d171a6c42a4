import { proxy, releaseProxy, wrap, type Remote } from 'comlink';
import type { SessionService } from './session-service.ts';
import type { SelfTestService } from './selftest/selftest-service.ts';
import type { LabService } from './lab-service.ts';
import type { ClassService } from './class-service.ts';
import type { LessonService } from './lesson-service.ts';

export type SessionClient = Remote<SessionService>;

/** Starts the session worker and returns its typed Comlink client. */
export function startSessionWorker(): { client: SessionClient; stop: () => void } {
  return startRole<SessionService>('powertrader-session');
}

/** Starts the self-test worker, which runs the checks that need no page. */
export function startSelfTestWorker(): { client: Remote<SelfTestService>; stop: () => void } {
  return startRole<SelfTestService>('powertrader-selftest');
}

/** Starts one worker of the tier lab's pool. */
export function startLabWorker(): { client: Remote<LabService>; stop: () => void } {
  return startRole<LabService>('powertrader-lab');
}

/** Starts one worker of the class page's pool, which verifies session files. */
export function startClassWorker(): { client: Remote<ClassService>; stop: () => void } {
  return startRole<ClassService>('powertrader-class');
}

/** Starts the lesson's worker, which runs the lesson's scratch sessions in the engine. */
export function startLessonWorker(): { client: Remote<LessonService>; stop: () => void } {
  return startRole<LessonService>('powertrader-lesson');
}

/** One bundle serves every role; the worker's name selects which service it exposes. */
function startRole<T>(name: string): { client: Remote<T>; stop: () => void } {
  const worker = new Worker(new URL('./session.worker.ts', import.meta.url), {
    type: 'module',
    name,
  });
  const client = wrap<T>(worker);
  return { client, stop: stopper(client, worker) };
}

/** Stops a worker once; calling it again does nothing (a released proxy would throw). */
function stopper(client: Remote<unknown>, worker: Worker): () => void {
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    client[releaseProxy]();
    worker.terminate();
  };
}

export { proxy };
/** The self-test's check runner, which the page's own checks use too. */
export { runChecks, Skipped, type Check } from './selftest/run-checks.ts';
