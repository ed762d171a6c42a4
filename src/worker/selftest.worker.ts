import { expose } from 'comlink';
import { SelfTestService } from './selftest/selftest-service.ts';

expose(new SelfTestService());
