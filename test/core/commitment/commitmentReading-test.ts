import {assert, it} from "vitest";
import {commitmentReading} from "../../../src/core/commitment/commitmentReading.js";
import type {Figure} from "../../../src/core/lineage.js";
import type {Bound} from "../../../src/core/model.js";

const f = (value: number, bound: Bound = "exact"): Figure => ({value, unit: "", bound, lineage: {inputs: [], status: "confirmed"}});

// $100B at $11B per GW-year: 100/11 = 9.0909 GW-years; 5 GW × 10 years = 50 GW-years; 9.0909/50 = 18.2%
const founding = {
  totalUsd: f(100e9, "at-least"),
  years: f(10),
  costPerGwYear: f(11e9),
  gwYears: f(100 / 11, "at-least"),
  ceilingGw: f(5, "up-to"),
  ceilingGwYears: f(50, "up-to"),
  coverage: f(100 / 11 / 50, "at-least")
};

it("commitmentReading(input) reads the founding case from its numbers", () => {
  assert.strictEqual(
    commitmentReading(founding),
    "Over $100B buys over 9.09 GW-years at $11B per GW-year: 18% of the 50 GW-years that up to 5 GW for ten years would supply. " +
      "The spend figure and the capacity figure do not describe the same thing."
  );
});

it("commitmentReading(input) changes with the numbers: bounds, years and a coverage near 100%", () => {
  const reading = commitmentReading({
    ...founding,
    totalUsd: f(300e9, "about"),
    years: f(5),
    costPerGwYear: f(13e9),
    gwYears: f(300 / 13),
    ceilingGw: f(4.5, "about"),
    ceilingGwYears: f(22.5),
    coverage: f(300 / 13 / 22.5)
  });
  // 300/13 = 23.08 GW-years; 4.5 × 5 = 22.5; 23.08/22.5 = 103%: more than the ceiling supplies, so the commitment
  // implies 300 ÷ 22.5 = $13.3B per GW-year of the ceiling.
  assert.strictEqual(
    reading,
    "About $300B buys 23.1 GW-years at $13B per GW-year: 103% of the 22.5 GW-years that about 4.5 GW for five years would supply. " +
      "No lab can buy more than the ceiling supplies: the commitment pays about $13.3B per GW-year of the ceiling, above the $13B per GW-year assumed, and the economics use that price."
  );
  // 300/13 over a ceiling of 25 GW-years: 92%, which roughly agrees.
  assert.match(
    commitmentReading({
      ...founding,
      totalUsd: f(300e9),
      years: f(5),
      costPerGwYear: f(13e9),
      gwYears: f(300 / 13),
      ceilingGw: f(5),
      ceilingGwYears: f(25),
      coverage: f(300 / 13 / 25)
    }),
    /roughly agree\.$/
  );
});

it("commitmentReading(input) says so when the deal states no capacity", () => {
  const reading = commitmentReading({
    ...founding,
    totalUsd: f(22.4e9),
    years: f(5.545), // a computed span at two significant figures: 5.5 (critic s6 #15: "5.55" was silly precision)
    gwYears: f(22.4 / 11),
    ceilingGw: null,
    ceilingGwYears: null,
    coverage: null
  });
  assert.strictEqual(
    reading,
    "$22.4B buys 2.04 GW-years at $11B per GW-year over 5.5 years; the deal states no capacity to compare it with."
  );
});

it("commitmentReading(input) says one year in the singular", () => {
  assert.match(commitmentReading({...founding, years: f(1), ceilingGw: null, ceilingGwYears: null, coverage: null}), /over one year;/);
});

it("commitmentReading(input) does not compare a commitment with capacity contracted on top of it", () => {
  // Microsoft + Nvidia → Anthropic: $30B of Azure compute and up to 1 GW more; the 1 GW is not what the $30B buys.
  const reading = commitmentReading({
    ...founding,
    totalUsd: f(30e9),
    years: f(5),
    gwYears: f(30 / 11),
    ceilingGw: {...f(1), unit: "gw", bound: "up-to"},
    ceilingGwYears: null,
    coverage: null,
    additionalCapacity: true
  });
  assert.strictEqual(
    reading,
    "$30B buys 2.73 GW-years at $11B per GW-year over five years; the capacity figure, up to 1 GW, is contracted on top of the commitment, not what it buys, so the two are not compared."
  );
});
