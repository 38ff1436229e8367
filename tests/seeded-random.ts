// mulberry32: a small seeded generator of 32-bit integers, for tests whose random inputs must be the same on every
// run (a failure can be reproduced). Not the engine's generator (that is xoroshiro128+).
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}
