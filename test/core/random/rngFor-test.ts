import {assert, it} from "vitest";
import {rngFor} from "../../../src/core/random/rngFor.js";

it("rngFor(seed, stream) returns golden first values for a fixed seed", () => {
  // hashString('["compute-deals","amazon-anthropic"]') = [2059252746, 396341975, 3547245661, 410484744];
  // first output rotl(396341975 × 5 mod 2^32, 7) × 9 mod 2^32 = rotl(1981709875, 7) × 9 = 255793595 × 9
  // = 2302142355 (mod 2^32), ÷ 2^32 = 0.5360092862974852 (checked in Python with big integers).
  const rng = rngFor("compute-deals", "amazon-anthropic");
  assert.deepStrictEqual([rng(), rng(), rng(), rng()], [0.5360092862974852, 0.7382242202293128, 0.9337339834310114, 0.7270805074367672]);
});

it("rngFor(seed, stream) gives a stream its own sequence, independent of other streams", () => {
  const a = rngFor("compute-deals", "amazon-openai");
  assert.deepStrictEqual([a(), a(), a()], [0.37663306877948344, 0.3780122713651508, 0.6905052755028009]);
  // Drawing from another stream in between changes nothing.
  const b = rngFor("compute-deals", "amazon-openai");
  const other = rngFor("compute-deals", "amazon-anthropic");
  const first = b();
  for (let i = 0; i < 100; ++i) other();
  assert.deepStrictEqual([first, b(), b()], [0.37663306877948344, 0.3780122713651508, 0.6905052755028009]);
});

it("rngFor(number, stream) is the same as rngFor(String(number), stream)", () => {
  const a = rngFor(42, "amazon-anthropic");
  const b = rngFor("42", "amazon-anthropic");
  assert.deepStrictEqual([a(), a(), a()], [0.7933402776252478, 0.6137266389559954, 0.38807051884941757]);
  assert.deepStrictEqual([b(), b(), b()], [0.7933402776252478, 0.6137266389559954, 0.38807051884941757]);
});

it("rngFor(seed, stream) does not confuse the boundary between seed and stream", () => {
  assert.notStrictEqual(rngFor("a/b", "c")(), rngFor("a", "b/c")());
  assert.notStrictEqual(rngFor("ab", "c")(), rngFor("a", "bc")());
});

it("rngFor(seed, stream) returns numbers in [0, 1) with mean 1/2 and variance 1/12", () => {
  const rng = rngFor(7, "moments");
  const n = 100_000;
  let sum = 0;
  let sum2 = 0;
  for (let i = 0; i < n; ++i) {
    const u = rng();
    assert(u >= 0 && u < 1);
    sum += u;
    sum2 += u * u;
  }
  const mean = sum / n;
  // Standard error of the mean is √(1/12 / n) ≈ 0.0009; 0.005 is over 5 standard errors.
  assert(Math.abs(mean - 0.5) < 0.005, `${mean}`);
  assert(Math.abs(sum2 / n - mean * mean - 1 / 12) < 0.002);
});

it("rngFor(…) rejects invalid seeds and streams", () => {
  assert.throws(() => rngFor(Number.NaN, "x"), /invalid seed: NaN/);
  assert.throws(() => rngFor(undefined as unknown as string, "x"), /invalid seed: undefined/);
  assert.throws(() => rngFor(1, 2 as unknown as string), /invalid stream: 2/);
});
