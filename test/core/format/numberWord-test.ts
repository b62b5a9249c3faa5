import {assert, it} from "vitest";
import {numberWord} from "../../../src/core/format/numbers.js";

it("numberWord(n) spells a count from zero to twelve in words, anything else in digits", () => {
  assert.deepStrictEqual([0, 1, 4, 10, 12, 13, 100, 2.5, -1].map(numberWord), [
    "zero",
    "one",
    "four",
    "ten",
    "twelve",
    "13",
    "100",
    "2.5",
    "-1"
  ]);
});
