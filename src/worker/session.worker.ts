import { expose } from 'comlink';
import { SessionService } from './session-service.ts';

expose(new SessionService());
