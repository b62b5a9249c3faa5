/**
 * Returns a 128-bit hash of a string as four unsigned 32-bit integers (cyrb128, by bryc, public domain), for
 * seeding a generator. It reads UTF-16 code units and uses only 32-bit integer arithmetic (Math.imul, xor,
 * shifts), so the same string hashes to the same four words on every machine and engine. Not a cryptographic
 * hash. The empty string is a valid input.
 *
 * @example hashString("compute-deals") // four integers in [0, 2^32)
 */
export function hashString(text: string): [number, number, number, number] {
  if (typeof text !== "string") throw new Error(`invalid text: ${text}`);
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; ++i) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}
