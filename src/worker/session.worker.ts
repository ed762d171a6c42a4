/**
 * The worker's entry: it picks a role by the worker's name and loads that role's code, so a
 * session worker's first load carries only what a session needs. The entry imports nothing
 * statically: WebKit evaluates a worker's entry module a second time when a chunk imports from
 * it, which would expose every role twice and answer every call twice.
 */
const ROLES: Record<string, () => Promise<object>> = {
  'powertrader-session': async () => new (await import('./session-service.ts')).SessionService(),
  'powertrader-selftest': async () =>
    new (await import('./selftest/selftest-service.ts')).SelfTestService(),
  'powertrader-lab': async () => new (await import('./lab-service.ts')).LabService(),
  'powertrader-class': async () => new (await import('./class-service.ts')).ClassService(),
  'powertrader-lesson': async () => new (await import('./lesson-service.ts')).LessonService(),
};

// The page may call before the role's code has loaded: those messages wait, none is lost, and
// the role's listener receives them first, in order, as it is added.
const early: MessageEvent[] = [];
const hold = (event: MessageEvent) => void early.push(event);
self.addEventListener('message', hold);

void Promise.all([import('comlink'), (ROLES[self.name] ?? ROLES['powertrader-session']!)()]).then(
  ([{ expose }, service]) => {
    self.removeEventListener('message', hold);
    expose(service, {
      postMessage: (message: unknown, transfer?: Transferable[]) =>
        self.postMessage(message, transfer ?? []),
      addEventListener: (type: string, listener: EventListenerOrEventListenerObject) => {
        self.addEventListener(type, listener);
        const handle =
          typeof listener === 'function' ? listener : (e: Event) => listener.handleEvent(e);
        for (const event of early.splice(0)) handle(event);
      },
      removeEventListener: (type: string, listener: EventListenerOrEventListenerObject) =>
        self.removeEventListener(type, listener),
    });
  },
);

export {};
