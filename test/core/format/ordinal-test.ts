import {assert, it} from "vitest";
import {ordinal} from "../../../src/core/format/numbers.js";

it("ordinal(n) spells English ordinals, the teens with th", () => {
  assert.deepStrictEqual([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112].map(ordinal), [
    "1st",
    "2nd",
    "3rd",
    "4th",
    "11th",
    "12th",
    "13th",
    "21st",
    "22nd",
    "23rd",
    "101st",
    "111th",
    "112th"
  ]);
});
