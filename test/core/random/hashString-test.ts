import {assert, it} from "vitest";
import {hashString} from "../../../src/core/random/hashString.js";

it("hashString(text) returns fixed words for a fixed text", () => {
  // Golden values: cyrb128 is pure 32-bit integer arithmetic, so these hold on every machine.
  assert.deepStrictEqual(hashString("compute-deals"), [2670902835, 737962196, 1836488625, 4217682839]);
  assert.deepStrictEqual(hashString(""), [41608494, 3485963809, 1435736333, 1262568316]);
});

it("hashString(text) changes every word when one character changes", () => {
  const a = hashString("amazon-anthropic");
  const b = hashString("amazon-anthropiC");
  for (let i = 0; i < 4; ++i) assert.notStrictEqual(a[i], b[i]);
});

it("hashString(text) returns unsigned 32-bit integers", () => {
  for (const text of ["", "a", "é", "😀", "x".repeat(1000)]) {
    for (const w of hashString(text)) assert(Number.isInteger(w) && w >= 0 && w < 2 ** 32);
  }
});

it("hashString(non-string) throws", () => {
  assert.throws(() => hashString(42 as unknown as string), /invalid text: 42/);
});
