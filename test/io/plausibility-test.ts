// Plausibility ranges per unit (issue 15): a slipped scale fails `deals check` at the value's line and column.
import {assert, it} from "vitest";
import {implausible, PLAUSIBLE} from "../../src/io/schema.js";
import {editValid, problemLines} from "./fixtures.js";

const D = "deals/amazon-anthropic.yaml";
const DF = "data/deals/amazon-anthropic.yaml";
const FIRST = "{value: 4, unit: usd-bn, status: confirmed, source: deal-source}";

it("implausible(x, unit) accepts the data's range and refuses a slipped scale, with the range in words", () => {
  assert.isUndefined(implausible(965, "usd-bn"));
  assert.isUndefined(implausible(10, "gw"));
  assert.strictEqual(
    implausible(1e15, "usd-bn"),
    "1000000000000000 usd-bn is implausible: the plausible range is 0 to 10000 usd-bn; check the unit and the scale"
  );
  assert.match(implausible(5000, "gw")!, /5000 gw is implausible/);
  assert.match(implausible(150, "years")!, /150 years is implausible/);
  assert.isUndefined(implausible(1, "no-such-unit"));
  for (const [unit, [low, high]] of Object.entries(PLAUSIBLE)) assert.isTrue(low <= high, unit);
});

it("checkFiles(1e15 in usd-bn) refuses it at the value's line and column", () => {
  assert.deepStrictEqual(problemLines(editValid(D, FIRST, FIRST.replace("value: 4,", "value: 1e15,"))), [
    `${DF}:20:21: tranches[0].amount.value: 1000000000000000 usd-bn is implausible: the plausible range is 0 to 10000 usd-bn; check the unit and the scale`
  ]);
});

it("checkFiles(power, term, count-like and range values out of range) refuses each where it is written", () => {
  const ceiling = "ceiling: {value: 5, unit: gw";
  assert.deepStrictEqual(problemLines(editValid(D, ceiling, ceiling.replace("value: 5", "value: 5000"))), [
    `${DF}:48:20: capacity.ceiling.value: 5000 gw is implausible: the plausible range is 0 to 100 gw; check the unit and the scale`
  ]);
  const years = "years: {value: 10, unit: years";
  assert.deepStrictEqual(problemLines(editValid(D, years, years.replace("value: 10", "value: 150"))), [
    `${DF}:44:20: commitments[0].years.value: 150 years is implausible: the plausible range is 0 to 100 years; check the unit and the scale`
  ]);
  // An assumption's low, base and high are held to the same ranges (here a build cost per GW typed in dollars).
  assert.deepStrictEqual(problemLines(editValid("assumptions.yaml", "low: 35, base: 45, high: 60", "low: 35, base: 45, high: 60000")), [
    "data/assumptions.yaml:9:91: assumptions[2].high: 60000 usd-bn-per-gw is implausible: the plausible range is 0 to 500 usd-bn-per-gw; check the unit and the scale"
  ]);
});

it("checkFiles(a deal date outside 2015–2060) refuses it at the date", () => {
  assert.deepStrictEqual(problemLines(editValid(D, "announced: 2026-04-20", "announced: 1995-04-20")), [
    `${DF}:6:12: announced: is implausible for a compute deal: the plausible dates are 2015-01-01 to 2060-12-31`
  ]);
});
