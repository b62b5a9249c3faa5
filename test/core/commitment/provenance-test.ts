import {assert, it} from "vitest";
import {
  factProvenance,
  invertBound,
  NO_INPUTS,
  provenanceOf,
  quotientProvenance,
  withValue
} from "../../../src/core/commitment/provenance.js";
import {leaf} from "../../../src/core/lineage.js";
import {fact} from "./fixtures.js";

const over = {lineage: leaf("b", "confirmed"), bound: "at-least" as const};
const upTo = {lineage: leaf("c", "reported"), bound: "up-to" as const};
const exact = {lineage: leaf("a", "estimate"), bound: "exact" as const};

it("factProvenance(id, fact) carries the fact's status and bound, exact by default", () => {
  assert.deepStrictEqual(factProvenance("d.capacity.ceiling", fact(5, "gw", "confirmed", "up-to")), {
    lineage: {inputs: ["d.capacity.ceiling"], status: "confirmed"},
    bound: "up-to"
  });
  assert.strictEqual(factProvenance("x", fact(1)).bound, "exact");
});

it("invertBound(bound) swaps ceilings and floors", () => {
  assert.strictEqual(invertBound("up-to"), "at-least");
  assert.strictEqual(invertBound("at-least"), "up-to");
  assert.strictEqual(invertBound("about"), "about");
  assert.strictEqual(invertBound(undefined), "exact");
});

it("provenanceOf(...parts) unions inputs and keeps the weakest status", () => {
  assert.deepStrictEqual(provenanceOf(over, exact), {lineage: {inputs: ["a", "b"], status: "estimate"}, bound: "at-least"});
});

it("quotientProvenance(numerator, denominator) inverts the denominator's bound", () => {
  // $13B ÷ over $100B is at most 13%; over $100B ÷ up to 5 GW is at least $20B per GW
  assert.strictEqual(quotientProvenance(exact, over).bound, "up-to");
  assert.strictEqual(quotientProvenance(over, upTo).bound, "at-least");
  assert.strictEqual(quotientProvenance(over, over).bound, "about");
  assert.deepStrictEqual(quotientProvenance(over, upTo).lineage, {inputs: ["b", "c"], status: "reported"});
});

it("withValue(provenance, value, unit) shares the provenance's lineage", () => {
  const figure = withValue(over, 3, "usd");
  assert.deepStrictEqual(figure, {value: 3, unit: "usd", bound: "at-least", lineage: over.lineage});
  assert.strictEqual(figure.lineage, over.lineage);
  assert.deepStrictEqual(withValue(NO_INPUTS, 0, "usd").lineage, {inputs: [], status: "estimate"});
});

it("quotientProvenance: a floor from a ceiling alone is one the value can equal (inclusive); a source's 'over' keeps it strict (critic s15 #8)", () => {
  const a = factProvenance("a", {status: "reported"});
  const upTo = factProvenance("b", {status: "estimate", bound: "up-to"});
  const over = factProvenance("c", {status: "reported", bound: "at-least"});
  // $30B ÷ up to $5B: 6× when the $5B is all paid, more when less is: at least 6×.
  const r = quotientProvenance(a, upTo);
  assert.strictEqual(r.bound, "at-least");
  assert.isTrue(r.inclusive);
  assert.isTrue(withValue(r, 6, "ratio").inclusive);
  // over $100B ÷ $13B: strictly more than 7.69×; over $100B ÷ up to 5 GW: strictly more too (the numerator's floor is strict).
  assert.isUndefined(quotientProvenance(over, a).inclusive);
  assert.strictEqual(quotientProvenance(over, upTo).bound, "at-least");
  assert.isUndefined(quotientProvenance(over, upTo).inclusive);
  // An inclusive floor divided by a ceiling stays inclusive; a ceiling (÷ a floor) is no floor.
  assert.isTrue(quotientProvenance(r, upTo).inclusive);
  assert.isUndefined(quotientProvenance(a, over).inclusive);
  assert.notProperty(withValue(a, 1, "usd"), "inclusive");
});
