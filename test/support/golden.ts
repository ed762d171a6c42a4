// The golden session is the self-test's known answer; the tests check it too.
export {
  KNOWN_HASH as GOLDEN_HASH,
  KNOWN_LOG as GOLDEN_LOG,
  knownSessionHash as goldenHash,
} from '../../src/worker/selftest/known-answers.ts';
