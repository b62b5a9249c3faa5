import {assert, it} from "vitest";
import {bounded, boundPrecision, figureWords, pct, roundSig, roundWhole, times, usd} from "../../../src/core/format/index.js";

it("roundSig(x, digits, direction): a floor rounds down, a ceiling up, by hand", () => {
  // 100 ÷ 13 = 7.6923…: to two significant figures 7.7 to the nearest, 7.6 down, 7.7 up.
  assert.strictEqual(roundSig(100 / 13, 2), 7.7);
  assert.strictEqual(roundSig(100 / 13, 2, "down"), 7.6);
  assert.strictEqual(roundSig(100 / 13, 2, "up"), 7.7);
  // 100 ÷ 8.55 = 11.695…: 11.7 to the nearest and up, 11.6 down.
  assert.strictEqual(roundSig(100 / 8.55, 3, "down"), 11.6);
  assert.strictEqual(roundSig(100 / 8.55, 3, "up"), 11.7);
  // A value already on its last digit stays (binary noise is no reason to move it): 7.6 / 0.1 = 75.99999999999999.
  assert.strictEqual(roundSig(7.6, 2, "down"), 7.6);
  assert.strictEqual(roundSig(0.869 * 1000, 3, "down"), 869);
  assert.strictEqual(roundSig(999.2, 3, "up"), 1000);
  assert.strictEqual(roundSig(-7.6923, 2, "down"), -7.7);
  assert.strictEqual(roundWhole(12.5, "down"), 12);
  assert.strictEqual(roundWhole(12.000000000001, "up"), 12);
});

it("figureWords: a computed floor is written rounded down and a ceiling up, so 'over' and 'up to' stay true", () => {
  const derived = {derived: true as const};
  assert.strictEqual(figureWords({value: 100 / 13, unit: "ratio", bound: "at-least", ...derived}), "over 7.6×");
  assert.strictEqual(figureWords({value: 100 / 13, unit: "ratio", bound: "about", ...derived}), "about 7.7×");
  assert.strictEqual(figureWords({value: 100 / 8.55, unit: "usd-bn", bound: "up-to", ...derived}), "up to $11.7B");
  assert.strictEqual(figureWords({value: 100 / 8.55, unit: "usd-bn", bound: "at-least", ...derived}), "over $11.6B");
  // 100 ÷ 11 = 9.0909: 9.09 is below it, so the floor keeps its digits.
  assert.strictEqual(figureWords({value: 100 / 11, unit: "gw-years", bound: "at-least", ...derived}), "over 9.09 GW-years");
  // 0.8696 GW up to: 870 MW (869.6 rounded up); a count's ceiling: 30,966.2 → "up to 30,967".
  assert.strictEqual(figureWords({value: 0.8696, unit: "gw", bound: "up-to", ...derived}), "up to 870 MW");
  assert.strictEqual(figureWords({value: 30966.2, unit: "count", bound: "up-to", ...derived}), "up to 31,000");
  // A percentage floor: 0.1818… is "over 18%"; a ceiling "up to 19%".
  assert.strictEqual(figureWords({value: 100 / 11 / 50, unit: "fraction", bound: "at-least", ...derived}), "over 18%");
  assert.strictEqual(figureWords({value: 100 / 11 / 50, unit: "fraction", bound: "up-to", ...derived}), "up to 19%");
  // A negative floor reads "about" and rounds to the nearest; a stated figure keeps its source's digits.
  assert.strictEqual(figureWords({value: -3.4173e9, unit: "usd", bound: "at-least", ...derived}), "about −$3.42B");
  assert.strictEqual(figureWords({value: 2.75, unit: "usd-bn", bound: "up-to", status: "reported"}), "up to $2.75B");
  // Without its word (bare) the figure is rounded to the nearest digit.
  assert.strictEqual(figureWords({value: 100 / 13, unit: "ratio", bound: "at-least", ...derived}, {bare: true}), "7.7×");
  assert.strictEqual(times(100 / 13, "3sf-down"), "7.6×");
  assert.strictEqual(boundPrecision("as-written", "at-least", 7.69), "as-written");
  assert.strictEqual(boundPrecision("3sf", "exact", 7.69), "3sf");
});

it("bounded(value, bound, format): a page's own formatter, rounded the way the bound points", () => {
  assert.strictEqual(bounded(100 / 13, "at-least", times), "over 7.6×");
  assert.strictEqual(bounded(100 / 13, "about", times), "about 7.7×");
  assert.strictEqual(bounded((100 / 8.55) * 1e9, "up-to", usd), "up to $11.7B");
  assert.strictEqual(bounded(-3.4173e9, "at-least", usd), "about −$3.42B");
  assert.strictEqual(bounded(100 / 11 / 50, "at-least", pct), "over 18%");
});
