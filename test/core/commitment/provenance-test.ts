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
