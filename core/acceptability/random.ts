/**
 * A small, fast, seeded random number generator: xoshiro128** (Blackman and Vigna, 2018), its
 * four 32-bit words seeded by splitmix32 from one integer. The same seed gives the same numbers
 * on every machine and engine (it uses only 32-bit integer arithmetic), which is what lets a
 * report print its seed and anyone reproduce its figures. The state is a Uint32Array — plain
 * data a worker can hold, and nothing is allocated per number.
 */
export type RandomState = Uint32Array;

/** 2^-32: turns a 32-bit word into a fraction of 1. */
const TO_UNIT = 2.3283064365386963e-10;

/** The largest seed; seeds are the integers 0 … 2^32 − 1. */
export const MAX_SEED = 0xffffffff;

export function seededRandom(seed: number): RandomState {
  const state = new Uint32Array(4);
  let x = seed >>> 0;
  for (let i = 0; i < 4; i++) {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    state[i] = z ^ (z >>> 16);
  }
  // xoshiro's one forbidden state; splitmix32 does not produce it, but the guard costs nothing.
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
  return state;
}

/** A state set word by word, as the reference implementation's tests do. */
export function randomFromWords(words: readonly [number, number, number, number]): RandomState {
  return Uint32Array.from(words);
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

export function nextUint32(s: RandomState): number {
  const s0 = s[0];
  const s1 = s[1];
  const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
  const t = s1 << 9;
  const s2 = s[2] ^ s0;
  const s3 = s[3] ^ s1;
  s[1] = s1 ^ s2;
  s[0] = s0 ^ s3;
  s[2] = s2 ^ t;
  s[3] = rotl(s3, 11);
  return result;
}

/** Uniform on [0, 1), in steps of 2^-32. */
export function nextUnit(s: RandomState): number {
  return nextUint32(s) * TO_UNIT;
}

/** Exp(1): −ln u with u uniform on (0, 1], so never infinite. */
export function nextExponential(s: RandomState): number {
  return -Math.log((nextUint32(s) + 1) * TO_UNIT);
}
