// marketMap sums each node's figures once (sumFigures) instead of one at a time: the same value, bound and lineage as
// the running sum it replaced (issue #18: the running sum grew with the square of the number of deals).
import {assert, it} from "vitest";
import {provenanceOf, withValue} from "../../src/core/commitment/provenance.js";
import type {Figure} from "../../src/core/lineage.js";
import {sumFigures} from "../../src/core/recycling/marketMap.js";

/** The running sum marketMap used: a + b, 0 with no inputs adding nothing. */
const runningSum = (parts: Figure[]): Figure =>
  parts.reduce(
    (a, b) => (a.value === 0 && a.lineage.inputs.length === 0 ? b : withValue(provenanceOf(a, b), a.value + b.value, "usd")),
    withValue({lineage: {inputs: [], status: "confirmed"}, bound: "exact"}, 0, "usd")
  );

const fig = (value: number, input: string, bound: Figure["bound"], status: Figure["lineage"]["status"]): Figure => ({
  value,
  unit: "usd",
  bound,
  lineage: {inputs: [input], status}
});

it("sumFigures equals the running sum: $100B over (confirmed) + $38B (reported) + $0.1B up to (estimate) is about $138.1B, estimate, three inputs", () => {
  const parts = [
    fig(100e9, "a.commitment", "at-least", "confirmed"),
    fig(38e9, "b.commitment", "exact", "reported"),
    fig(0.1e9, "c.x", "up-to", "estimate")
  ];
  const total = sumFigures(parts);
  // 100 + 38 + 0.1 = 138.1 ($B); a floor and a ceiling mixed make "about"; the weakest status is the estimate's.
  assert.strictEqual(total.value, 138.1e9);
  assert.strictEqual(total.bound, "about");
  assert.deepStrictEqual(total.lineage, {inputs: ["a.commitment", "b.commitment", "c.x"], status: "estimate"});
  assert.deepStrictEqual(total, runningSum(parts));
  // One part is the part itself; none is zero with no inputs.
  assert.strictEqual(sumFigures([parts[0]]), parts[0]);
  assert.strictEqual(sumFigures([]).value, 0);
  assert.deepStrictEqual(sumFigures([]).lineage.inputs, []);
});

it("sumFigures equals the running sum on many random parts (value to the last bit, bound, inputs, status)", () => {
  let seed = 7;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const bounds: Figure["bound"][] = ["exact", "at-least", "up-to", "about"];
  const statuses: Figure["lineage"]["status"][] = ["confirmed", "reported", "estimate", "assumption"];
  for (let run = 0; run < 50; run++) {
    const parts = Array.from({length: 1 + Math.floor(random() * 30)}, (_, i) =>
      fig(
        random() * 1e11,
        random() < 0.1 ? `assumption:x${i}` : `d${Math.floor(random() * 10)}.v`,
        bounds[Math.floor(random() * 4)],
        statuses[Math.floor(random() * 4)]
      )
    );
    assert.deepStrictEqual(sumFigures(parts), runningSum(parts), `run ${run}`);
  }
});
