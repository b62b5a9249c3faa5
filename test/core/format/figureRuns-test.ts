import {assert, it} from "vitest";
import {figureRuns} from "../../../src/core/format/index.js";

const figures = (text: string) =>
  figureRuns(text)
    .filter((r) => r.figure)
    .map((r) => r.text);

it("figureRuns(text) joins back to the text it was given", () => {
  for (const text of [
    "",
    "no figures here",
    "over 9.09 GW-years at $11B per GW-year, 2025-26",
    "about −$3.41B (P10–P90 −$26.3B to −$0.15B)"
  ]) {
    assert.strictEqual(
      figureRuns(text)
        .map((r) => r.text)
        .join(""),
      text
    );
  }
});

it("figureRuns(text) keeps a figure's bound word, sign, number and unit in one run", () => {
  assert.deepStrictEqual(figures("Anthropic commits over 9.09 GW-years on up to 5 GW."), ["over 9.09 GW-years", "up to 5 GW"]);
  assert.deepStrictEqual(figures("the NPV is about −$3.41B, or at least −$2.44B"), ["about −$3.41B", "at least −$2.44B"]);
  assert.deepStrictEqual(figures("2.65 million accelerators and 43.8 TWh a year"), ["2.65 million", "43.8 TWh"]);
  assert.deepStrictEqual(figures("3.96 ZFLOP/s of dense compute, 300 MW"), ["3.96 ZFLOP/s", "300 MW"]);
});

it("figureRuns(text) leaves figures that cannot break, words and year ranges as plain text", () => {
  assert.deepStrictEqual(figures("pays back in 2034 at 18%, $100B"), []);
  assert.deepStrictEqual(figures("as many 2025-26 projects did"), []);
  assert.deepStrictEqual(figures("over the term, about the deal"), []);
  // A unit must stand alone: "5 GWh" is not "5 GW".
  assert.deepStrictEqual(figures("a 5 GWh battery"), []);
});

it("figureRuns(text) keeps the unit GW-years whole where it stands without a number", () => {
  assert.deepStrictEqual(figures("so there is nothing to convert into GW-years."), ["GW-years"]);
  assert.deepStrictEqual(figures("$11B per GW-year"), ["GW-year"]);
});
