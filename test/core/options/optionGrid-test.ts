// The heat map's σ 10% row (s16 critic #2, CLOSING "noticed"): the critic quoted "$1.35M $111,000 $8,890 $709 $56.2
// $4.45 $0.352" and a later build "$1.33B $170M ≈$0 …". Both are the same row of the same model: the critic's seven
// values are its cells at T = 2 … 5 years, the later build's first two its cells at T = 0.5 and 1 (then under 0.1%
// of the strike, "≈$0"). Worked here by hand with Amazon → Anthropic's base values, and checked that a value falling
// with the term is the model's erosion, not a bug.
import {assert, it} from "vitest";
import type {Assumption, ChipOption} from "../../../src/core/model.js";
import {valueChipOption} from "../../../src/core/options/valueChipOption.js";
import {assertInDelta} from "../../asserts.js";

const option = {id: "future-trainium", exercisable: "2028-01-01", status: "confirmed"} as ChipOption;
const ids = ["revenue-per-gw-year", "generation-gain", "next-gen-price-ratio", "option-volatility", "risk-free-rate"];
const assumptions = ids.map((id) => ({id, status: "assumption", source: "test"})) as unknown as Assumption[];
// data/assumptions.yaml's base values.
const values = {
  "revenue-per-gw-year": 11,
  "generation-gain": 2,
  "next-gen-price-ratio": 1.6,
  "option-volatility": 0.5,
  "risk-free-rate": 0.0357
};
const item = valueChipOption(option, {asOf: "2026-06-30", deal: "amazon-anthropic", assumptions, values, draws: 1000});
const cell = (volatility: number, years: number) =>
  item.grid.find((d) => Math.abs(d.volatility - volatility) < 1e-9 && d.years === years)?.value ?? Number.NaN;

it("the σ 10% row, by hand: $1.33B at 0.5 years, $170M at 1, $1.35M at 2", () => {
  // S = 11 × 2 = $22B a GW-year, K = 11 × 1.6 = $17.6B, q = ln 2 ÷ 2 = 0.3465736 a year, r = 0.0357, σ = 0.1; one
  // GW-year, so the call is the cell: C = F·Φ(d1) − P·Φ(d2), F = S·e^(−qT), P = K·e^(−rT), d1 = (ln(F/P) + σ²T/2) ÷ σ√T.
  // T = 0.5: F = 22 × e^(−0.1732868) = 18.49972, P = 17.6 × e^(−0.01785) = 17.28863, σ√T = 0.0707107;
  //   ln(F/P) = 0.0677068, d1 = (0.0677068 + 0.0025) ÷ 0.0707107 = 0.9928735, d2 = 0.9221628;
  //   Φ(d1) = 0.8396142, Φ(d2) = 0.8217782; C = 15.53263 − 14.20742 = $1.32521B (in the money: F > P).
  // T = 1: F = 22 × e^(−0.3465736) = 15.55635, P = 17.6 × e^(−0.0357) = 16.98276, σ√T = 0.1;
  //   ln(F/P) = −0.0877300, d1 = (−0.08773 + 0.005) ÷ 0.1 = −0.8273004, d2 = −0.9273004;
  //   Φ(d1) = 0.2040334, Φ(d2) = 0.1768853; C = 3.174015 − 3.004001 = $0.170014B (out of the money: F < P).
  // T = 2: F = 22 × e^(−0.6931472) = 11, P = 17.6 × e^(−0.0714) = 16.38717, σ√T = 0.1414214;
  //   ln(F/P) = −0.3986036, d1 = (−0.3986036 + 0.01) ÷ 0.1414214 = −2.7478426, d2 = −2.8892640;
  //   Φ(d1) = 0.0029994, Φ(d2) = 0.0019307; C = 0.0329938 − 0.0316391 = $0.0013547B, the critic's "$1.35M".
  // F falls below P at T* = ln(S/K) ÷ (q − r) = ln 1.25 ÷ 0.3108736 = 0.718 years; past it, at σ 10%, the spread of
  // outcomes is too narrow to reach the strike, and each half-year more takes about a factor 12 off the value.
  assertInDelta(cell(0.1, 0.5), 1.32521e9, 1e5);
  assertInDelta(cell(0.1, 1), 0.170014e9, 1e5);
  assertInDelta(cell(0.1, 2), 1.3547e6, 1e2);
  // The critic's seven values are T = 2 … 5, three significant figures: $1.35M $111,000 $8,890 $709 $56.2 $4.45 $0.352.
  const tail = [2, 2.5, 3, 3.5, 4, 4.5, 5].map((t) => Number(cell(0.1, t).toPrecision(3)));
  assert.deepEqual(tail, [1.35e6, 111_000, 8_890, 709, 56.2, 4.45, 0.352]);
});

it("a value that falls with the term is the erosion: every cell is at most the generation's eroded value, S·e^(−qT)", () => {
  // A call can be worth no more than its underlying's value at exercise, here S·e^(−qT): $22B × 2^(−T/2), which
  // halves every 2 years (a generation loses its generation gain of 2 per 2-year cadence) and is $3.89B at 5 years,
  // under the $17.6B price. An option on an asset that does not erode (q = 0) never loses value with the term.
  for (const d of item.grid) assert.isAtMost(d.value, 22e9 * 2 ** (-d.years / 2) + 1, `${d.volatility} ${d.years}`);
  // With these inputs every row falls with the term, so the note under the map says so of every σ.
  for (let i = 1; i <= 10; ++i) {
    const row = item.grid.filter((d) => Math.abs(d.volatility - i / 10) < 1e-9);
    for (let j = 1; j < row.length; ++j) assert.isBelow(row[j].value, row[j - 1].value, `σ ${i / 10}, T ${row[j].years}`);
  }
  // With no erosion (generation gain 1, so q = ln 1 ÷ 2 = 0; S = $11B, K = 11 × 0.8 = $8.8B) a call on a
  // non-paying asset gains with time, at every T.
  const noErosion = valueChipOption(option, {
    asOf: "2026-06-30",
    deal: "amazon-anthropic",
    assumptions,
    values: {...values, "generation-gain": 1, "next-gen-price-ratio": 0.8},
    draws: 1000
  });
  const row = noErosion.grid.filter((d) => Math.abs(d.volatility - 0.1) < 1e-9);
  for (let j = 1; j < row.length; ++j) assert.isAbove(row[j].value, row[j - 1].value);
});
