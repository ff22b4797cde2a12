// A small seeded random generator (mulberry32) for fuzz and mutation tests:
// the same seed gives the same inputs on every run, so a failure reproduces.

/** A generator of floats in [0, 1) that depends only on `seed`. */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
