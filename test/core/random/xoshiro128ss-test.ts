import {assert, it} from "vitest";
import {xoshiro128ss} from "../../../src/core/random/xoshiro128ss.js";

it("xoshiro128ss(1, 2, 3, 4) matches the reference C implementation", () => {
  // First output by hand: rotl(s1 × 5, 7) × 9 = rotl(10, 7) × 9 = 1280 × 9 = 11520. The rest are from Vigna's
  // reference xoshiro128starstar.c compiled with gcc and seeded {1, 2, 3, 4}.
  const next = xoshiro128ss(1, 2, 3, 4);
  assert.deepStrictEqual(
    Array.from({length: 6}, () => next()),
    [11520, 0, 5927040, 70819200, 2031721883, 1637235492]
  );
});

it("xoshiro128ss(…) returns unsigned 32-bit integers", () => {
  const next = xoshiro128ss(0xdeadbeef, 0xffffffff, 7, 0x80000000);
  for (let i = 0; i < 10_000; ++i) {
    const x = next();
    assert(Number.isInteger(x) && x >= 0 && x < 2 ** 32, `${x}`);
  }
});

it("xoshiro128ss(0, 0, 0, 0) rejects the all-zero state", () => {
  assert.throws(() => xoshiro128ss(0, 0, 0, 0), /invalid state: all zero/);
  assert.throws(() => xoshiro128ss(2 ** 32, 0, 0, 0), /invalid state: all zero/);
});
