import {assert, it} from "vitest";
import {count} from "../../../src/core/format/units.js";

it("count(x) writes three significant figures, in millions and billions from a million", () => {
  assert.strictEqual(count(30966), "31,000");
  assert.strictEqual(count(4006744), "4.01 million");
  assert.strictEqual(count(1159420), "1.16 million");
  assert.strictEqual(count(5.2e9), "5.2 billion");
  assert.strictEqual(count(430), "430");
  assert.strictEqual(count(0), "0");
});

it("count(x) crosses the million and billion boundaries after rounding", () => {
  assert.strictEqual(count(999_500), "1 million");
  assert.strictEqual(count(999_400), "999,000");
  assert.strictEqual(count(999_600_000), "1 billion");
});

it("count(x, 'as-written') keeps a sourced count", () => {
  assert.strictEqual(count(430_000, "as-written"), "430,000");
  assert.strictEqual(count(6, "as-written"), "6");
});
