// The golden session is the self-test's known answer; the tests check it too, on both market
// models (GOLDEN_HASH is the current model's).
export {
  KNOWN_HASH as GOLDEN_HASH,
  KNOWN_HASHES as GOLDEN_HASHES,
  KNOWN_LOG as GOLDEN_LOG,
  knownSessionHash as goldenHash,
} from '../../src/worker/selftest/known-answers.ts';
