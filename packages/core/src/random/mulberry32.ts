/** A seeded generator of uniform numbers in [0, 1). */
export type Rng = () => number;

/**
 * mulberry32: a 32-bit seeded PRNG, so every simulated path is reproducible from its seed
 * (core never calls `Math.random`, docs/conventions.md §4).
 *
 * @param seed - any integer; the same seed gives the same sequence
 * @returns a function drawing the next uniform number in [0, 1)
 * @example const rng = mulberry32(1); rng() //=> 0.6270739405881613
 * @see Tommy Ettinger, mulberry32 (public domain), https://gist.github.com/tommyettinger/46a874533244883189143505d203312c
 */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
