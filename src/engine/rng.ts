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
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  private constructor(state: RngState) {
    // Held as signed 32-bit integers, which JavaScript engines keep unboxed; the words are the
    // same bits as the unsigned ones saved.
    this.a = state[0] | 0;
    this.b = state[1] | 0;
    this.c = state[2] | 0;
    this.d = state[3] | 0;
    if ((this.a | this.b | this.c | this.d) === 0)
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
    // Xor leaves signed 32-bit values; the saved words are unsigned so they round-trip as JSON.
    return [this.a >>> 0, this.b >>> 0, this.c >>> 0, this.d >>> 0];
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
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
