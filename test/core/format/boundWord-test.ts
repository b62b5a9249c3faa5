import {assert, it} from "vitest";
import {boundWord, withBound} from "../../../src/core/format/bounds.js";
import type {Bound} from "../../../src/core/model.js";

it("boundWord(bound) says 'up to', 'over', 'about', or nothing for an exact figure", () => {
  assert.strictEqual(boundWord("up-to"), "up to");
  assert.strictEqual(boundWord("at-least"), "over");
  assert.strictEqual(boundWord("about"), "about");
  assert.strictEqual(boundWord("exact"), "");
  assert.strictEqual(boundWord(undefined), "");
});

it("boundWord(bound, value) reads a floor or a ceiling on a negative value as 'about'", () => {
  assert.strictEqual(boundWord("at-least", -3.41e9), "about");
  assert.strictEqual(boundWord("up-to", -1), "about");
  assert.strictEqual(boundWord("about", -1), "about");
  assert.strictEqual(boundWord("exact", -1), "");
});

it("boundWord(bound, 0) is empty: a bound on exactly zero bounds nothing", () => {
  assert.strictEqual(boundWord("at-least", 0), "");
  assert.strictEqual(boundWord("about", 0), "");
  assert.strictEqual(boundWord("at-least", 1e-12), "over");
});

it("boundWord(bound) rejects an unknown bound", () => {
  assert.throws(() => boundWord("at-most" as Bound), /invalid bound: at-most/);
});

it("withBound(text, bound, value) puts the bound's words before the text", () => {
  assert.strictEqual(withBound("5 GW", "up-to"), "up to 5 GW");
  assert.strictEqual(withBound("$100B", "at-least"), "over $100B");
  assert.strictEqual(withBound("$13B", "exact"), "$13B");
  assert.strictEqual(withBound("−$3.41B", "at-least", -3.41e9), "about −$3.41B");
});

it("boundWord(bound, value, inclusive): a floor the value can equal reads 'at least', the sources' floor 'over' (critic s15 #8)", () => {
  assert.strictEqual(boundWord("at-least", 6, true), "at least");
  assert.strictEqual(boundWord("at-least", 6), "over");
  assert.strictEqual(boundWord("up-to", 6, true), "up to");
  assert.strictEqual(boundWord("at-least", -6, true), "about");
  assert.strictEqual(withBound("6×", "at-least", 6, true), "at least 6×");
});
