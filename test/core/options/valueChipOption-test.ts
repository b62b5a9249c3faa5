import {assert, it} from "vitest";
import type {Assumption, ChipOption} from "../../../src/core/model.js";
import {blackScholesCall} from "../../../src/core/options/blackScholes.js";
import {valueChipOption} from "../../../src/core/options/valueChipOption.js";
import {assertInDelta} from "../../asserts.js";

const option: ChipOption = {
  id: "future-trainium",
  label: "Option on future Trainium generations",
  exercisable: "2028-01-01",
  timing: "From about 2028",
  rights: "A right, not an obligation",
  flexibility: "Follows the roadmap",
  costOfWaiting: "Older chips meanwhile",
  status: "confirmed",
  source: "test",
  answers: {status: "assumption", source: "test", asOf: "2026-06-30"}
};

const assumptions: Assumption[] = [
  "revenue-per-gw-year",
  "generation-gain",
  "next-gen-price-ratio",
  "option-volatility",
  "risk-free-rate"
].map((id) => ({
  id,
  label: id,
  unit: "ratio",
  low: 0,
  base: 0,
  high: 0,
  distribution: "triangular",
  status: id === "option-volatility" ? "assumption" : "estimate",
  source: "test",
  asOf: "2026-06-30",
  description: ""
}));

// A price ratio of 1 prices the next generation's GW-year at today's rate: the hand checks below were written for it.
const values = {
  "revenue-per-gw-year": 11,
  "generation-gain": 2,
  "next-gen-price-ratio": 1,
  "option-volatility": 0.5,
  "risk-free-rate": 0.1
};
const inputs = {asOf: "2026-06-30", deal: "amazon-anthropic", assumptions, values, draws: 20_000};
// 2026-06-30 → 2028-01-01 is 550 days = 550 / 365.25 = 1.5058179 years.
const T = 550 / 365.25;
const q = Math.LN2 / 2;

it("valueChipOption(option, inputs) values a GW-year at base values by hand", () => {
  // S = 11 × 2 = $22bn, K = $11bn, q = ln 2 / 2 = 0.3465736, σ√T = 0.5 × √1.5058179 = 0.6135589;
  // d1 = (ln 2 + (0.1 − 0.3465736 + 0.125) × 1.5058179) / 0.6135589 = 0.8313456, d2 = 0.2177868;
  // Φ(d1) = 0.7971108, Φ(d2) = 0.5862024; S·e^(−qT) = 13.0549285bn, K·e^(−rT) = 9.4622810bn;
  // value = 13.0549285 × 0.7971108 − 9.4622810 × 0.5862024 = 10.4062 − 5.5468 = $4.8594bn.
  const r = valueChipOption(option, inputs);
  assert.strictEqual(r.option, "future-trainium");
  assert.strictEqual(r.spot, 22e9);
  assert.strictEqual(r.strike, 11e9);
  assertInDelta(r.years, T, 1e-12);
  assertInDelta(r.erosion, q, 1e-15);
  assert.deepStrictEqual([r.volatility, r.rate, r.gw, r.yearsOfUse], [0.5, 0.1, 1, 1]);
  assertInDelta(r.value / 1e9, 4.859412898320469, 1e-9);
  assert.strictEqual(r.valuePerGwYear, r.value);
  // σ = 0: 13.0549285 − 9.4622810 = $3.5926bn.
  assertInDelta(r.intrinsicValue / 1e9, 3.5926474622212887, 1e-9);
});

it("valueChipOption(option, inputs) with the strike on the next generation's price path, by hand", () => {
  // K = 11 × 1.6 = $17.6bn, S = $22bn: in the money only because the gain (2) beats the price ratio (1.6).
  // d1 = (ln(22/17.6) + (0.1 − 0.3465736 + 0.125) × 1.5058179) / 0.6135589 = (0.2231436 − 0.1830380) / 0.6135589 = 0.0653656
  // d2 = 0.0653656 − 0.6135589 = −0.5481933; Φ(d1) = 0.5260590, Φ(d2) = 0.2917764
  // S·e^(−qT) = 13.0549285bn; K·e^(−rT) = 17.6 × 0.8601983 = 15.1394896bn
  // value = 13.0549285 × 0.5260590 − 15.1394896 × 0.2917764 = 6.8676631 − 4.4173463 = $2.4503bn
  const r = valueChipOption(option, {...inputs, values: {...values, "next-gen-price-ratio": 1.6}});
  assert.strictEqual(r.strike, 17.6e9);
  assertInDelta(r.value / 1e9, 2.4503, 1e-3);
  // A ratio at the gain (2) puts S at K: no intrinsic value left once the forward is discounted.
  const even = valueChipOption(option, {...inputs, values: {...values, "next-gen-price-ratio": 2}});
  assert(even.intrinsicValue === 0 && even.value < r.value);
});

it("valueChipOption(…) agrees with its Monte Carlo value within 3 standard errors", () => {
  const r = valueChipOption(option, inputs);
  assert(r.monteCarlo.standardError > 0);
  assert(Math.abs(r.monteCarlo.value - r.value) < 3 * r.monteCarlo.standardError, `${r.monteCarlo.value} vs ${r.value}`);
});

it("valueChipOption(…) returns the cost of waiting one year, discounting included", () => {
  // value(T + 1) = $3.0840bn (same formula at T = 2.5058179), so waiting costs 4.8594 − 3.0840 = $1.7755bn.
  const r = valueChipOption(option, inputs);
  assertInDelta(r.costOfWaiting / 1e9, 1.7754603614554867, 1e-9);
  // With no erosion (gain 1 → S = K, q = 0), waiting adds time value: the cost is negative.
  const flat = valueChipOption(option, {...inputs, values: {...values, "generation-gain": 1}});
  assert(flat.costOfWaiting < 0);
});

it("valueChipOption(…, {gw}) scales with capacity", () => {
  const one = valueChipOption(option, inputs);
  const five = valueChipOption(option, {...inputs, gw: 5});
  assertInDelta(five.value / one.value, 5, 1e-12);
  assertInDelta(five.costOfWaiting / one.costOfWaiting, 5, 1e-12);
  assertInDelta(five.valuePerGwYear, one.valuePerGwYear, 1e-3);
  assert.strictEqual(valueChipOption(option, {...inputs, gw: 0}).value, 0);
});

it("valueChipOption(…, {yearsOfUse}) values a block of years as one call on eroding capacity", () => {
  // Two years: A_q = 1 + e^−q = 1.7071068, A_r = 1 + e^−0.1 = 1.9048374; effective strike
  // 11 × 1.9048374 / 1.7071068 = $12.2741bn; value = 1.7071068 × call(22, 12.2741) = $7.2657bn.
  const r = valueChipOption(option, {...inputs, yearsOfUse: 2});
  const aq = 1 + Math.exp(-q);
  const ar = 1 + Math.exp(-0.1);
  const call = blackScholesCall({spot: 22e9, strike: (11e9 * ar) / aq, years: T, volatility: 0.5, rate: 0.1, dividendYield: q});
  assertInDelta(r.value / 1e9, (aq * call) / 1e9, 1e-9);
  assertInDelta(r.value / 1e9, 7.26574607554818, 1e-9);
  assertInDelta(r.valuePerGwYear, r.value / 2, 1e-3);
  // The second year is worth less than the first (erosion beats discounting).
  assert(r.value < 2 * valueChipOption(option, inputs).value);
});

it("valueChipOption(…) returns a 10 × 10 volatility × time grid that rises with volatility", () => {
  const {grid, value} = valueChipOption(option, inputs);
  assert.strictEqual(grid.length, 100);
  assert.deepStrictEqual(
    grid.slice(0, 3).map((d) => [d.volatility, d.years]),
    [
      [0.1, 0.5],
      [0.1, 1],
      [0.1, 1.5]
    ]
  );
  assert.deepStrictEqual([grid[99].volatility, grid[99].years], [1, 5]);
  assert.deepStrictEqual([...new Set(grid.map((d) => d.volatility))], [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
  for (let j = 0; j < 10; ++j) {
    for (let i = 1; i < 10; ++i) assert(grid[i * 10 + j].value > grid[(i - 1) * 10 + j].value);
  }
  // The cell at σ = 0.5, T = 1.5 is close to (but not at) the deal's T = 1.5058.
  assertInDelta(grid[42].value / value, 1, 0.01);
});

it("valueChipOption(…) counts T from asOf, and 0 once the option is exercisable", () => {
  const now = valueChipOption(option, {...inputs, asOf: "2028-01-01"});
  const late = valueChipOption(option, {...inputs, asOf: "2029-06-30"});
  assert.strictEqual(now.years, 0);
  assert.strictEqual(late.years, 0);
  // At T = 0 the value is intrinsic: 22 − 11 = $11bn.
  assert.strictEqual(now.value, 11e9);
  assert.deepStrictEqual(now.monteCarlo, {value: 11e9, standardError: 0});
});

it("valueChipOption(…) returns the lineage of the option and the four assumptions", () => {
  assert.deepStrictEqual(valueChipOption(option, inputs).lineage, {
    inputs: [
      "amazon-anthropic.hardware.options.future-trainium",
      "assumption:generation-gain",
      "assumption:next-gen-price-ratio",
      "assumption:option-volatility",
      "assumption:revenue-per-gw-year",
      "assumption:risk-free-rate"
    ],
    status: "assumption"
  });
});

it("valueChipOption(…) is deterministic", () => {
  assert.deepStrictEqual(valueChipOption(option, inputs), valueChipOption(option, inputs));
});

it("valueChipOption(…) rejects invalid inputs", () => {
  assert.throws(() => valueChipOption(option, {...inputs, asOf: "2026-6-30"}), /invalid asOf: 2026-6-30/);
  assert.throws(() => valueChipOption({...option, exercisable: "2028-13-01"}, inputs), /invalid exercisable: 2028-13-01/);
  assert.throws(
    () => valueChipOption(option, {...inputs, values: {...values, "revenue-per-gw-year": 0}}),
    /invalid revenue-per-gw-year: 0/
  );
  assert.throws(() => valueChipOption(option, {...inputs, values: {...values, "generation-gain": 0.9}}), /invalid generation-gain: 0.9/);
  assert.throws(
    () => valueChipOption(option, {...inputs, values: {...values, "option-volatility": -0.1}}),
    /invalid option-volatility: -0.1/
  );
  const {"risk-free-rate": _, ...missing} = values;
  assert.throws(() => valueChipOption(option, {...inputs, values: missing}), /invalid risk-free-rate: undefined/);
  assert.throws(() => valueChipOption(option, {...inputs, gw: -1}), /invalid gw: -1/);
  assert.throws(() => valueChipOption(option, {...inputs, yearsOfUse: 1.5}), /invalid yearsOfUse: 1.5/);
  assert.throws(() => valueChipOption(option, {...inputs, generationYears: 0}), /invalid generationYears: 0/);
  assert.throws(() => valueChipOption(option, {...inputs, draws: 0}), /invalid draws: 0/);
  assert.throws(() => valueChipOption(option, {...inputs, assumptions: []}), /invalid assumption: revenue-per-gw-year/);
});
