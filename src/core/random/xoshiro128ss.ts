/**
 * Returns a xoshiro128** generator (Blackman and Vigna, 2018): each call returns the next unsigned 32-bit
 * integer in [0, 2^32). The four arguments are the 128-bit state; they are truncated to 32 bits and must not all
 * be zero (the generator would only return zeros). Pure 32-bit integer arithmetic with Math.imul, so a state
 * gives the same sequence on every machine. Period 2^128 − 1.
 *
 * @example xoshiro128ss(1, 2, 3, 4)() // 11520, as the reference C code gives
 */
export function xoshiro128ss(a: number, b: number, c: number, d: number): () => number {
  let s0 = a >>> 0;
  let s1 = b >>> 0;
  let s2 = c >>> 0;
  let s3 = d >>> 0;
  if ((s0 | s1 | s2 | s3) === 0) throw new Error("invalid state: all zero");
  return () => {
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  };
}
