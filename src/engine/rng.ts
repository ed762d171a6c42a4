/**
 * Seeded generator: xoshiro128** (Blackman and Vigna, 2018), seeded through splitmix32.
 * Small, fast, and its whole state is four 32-bit words, so a snapshot can store it and a
 * resumed session continues the exact same sequence. Only integer operations are used, which
 * JavaScript engines all compute identically.
 */
export type RngState = readonly [number, number, number, number];

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Mixes a text seed (any string) into a 32-bit integer with FNV-1a. */
export function seedToInt(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export class Rng {
  /**
   * xoshiro's four words, as signed 32-bit integers (the same bits as the unsigned ones saved).
   * A typed array keeps them unboxed: in object fields, Chromium boxes any integer beyond 30
   * bits, which made each draw an allocation (about 25 ns instead of 2).
   */
  private readonly s = new Int32Array(4);

  private constructor(state: RngState) {
    this.s.set(state.map((word) => word | 0));
    if ((this.s[0]! | this.s[1]! | this.s[2]! | this.s[3]!) === 0)
      throw new Error('Rng state must not be all zero');
  }

  /** A generator seeded from a text seed. */
  static fromSeed(seed: string): Rng {
    const next = splitmix32(seedToInt(seed));
    return new Rng([next(), next(), next(), next()]);
  }

  /** A generator that continues from a saved state. */
  static fromState(state: RngState): Rng {
    return new Rng(state);
  }

  /** The state to save; `Rng.fromState(rng.state())` continues the same sequence. */
  state(): RngState {
    const [a, b, c, d] = this.s;
    // The saved words are unsigned so they round-trip as JSON.
    return [a! >>> 0, b! >>> 0, c! >>> 0, d! >>> 0];
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    return this.nextInt32() >>> 0;
  }

  /** The next 32 bits as a signed integer: the same bits as `nextUint32` would give. */
  nextInt32(): number {
    const s = this.s;
    const b = s[1]!;
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9);
    const c = s[2]! ^ s[0]!;
    const d = s[3]! ^ b;
    s[1] = b ^ c;
    s[0] = s[0]! ^ d;
    s[2] = c ^ (b << 9);
    s[3] = rotl(d, 11);
    return result;
  }

  /** A uniform float in [0, 1) with 32 bits of resolution. */
  nextFloat(): number {
    return this.nextUint32() / 4294967296;
  }

  /**
   * An approximately standard normal draw: the Irwin–Hall sum of twelve uniforms minus six.
   * It uses only addition, so every engine gives the same bits; the market simulator replaces it
   * with a fat-tailed generator.
   */
  nextNormal(): number {
    let sum = 0;
    for (let i = 0; i < 12; i++) sum += this.nextFloat();
    return sum - 6;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
