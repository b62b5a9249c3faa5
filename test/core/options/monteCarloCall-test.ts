import {assert, it} from "vitest";
import {blackScholesCall} from "../../../src/core/options/blackScholes.js";
import {monteCarloCall} from "../../../src/core/options/monteCarloCall.js";
import {assertInDelta} from "../../asserts.js";

const textbook = {spot: 100, strike: 100, years: 1, volatility: 0.2, rate: 0.05};

it("monteCarloCall(…) agrees with blackScholesCall(…) within 3 standard errors", () => {
  const cases = [
    textbook,
    {spot: 42, strike: 40, years: 0.5, volatility: 0.2, rate: 0.1},
    {spot: 50, strike: 80, years: 3, volatility: 0.6, rate: 0.02},
    {spot: 120, strike: 60, years: 0.1, volatility: 0.15, rate: -0.01},
    {spot: 22, strike: 11, years: 1.5, volatility: 0.5, rate: 0.1, dividendYield: Math.LN2 / 2},
    {spot: 100, strike: 150, years: 5, volatility: 1, rate: 0.05}
  ];
  for (const d of cases) {
    const {value, standardError} = monteCarloCall({...d, seed: "compute-deals"});
    const exact = blackScholesCall(d);
    assert(standardError > 0);
    assert(Math.abs(value - exact) < 3 * standardError, `${JSON.stringify(d)}: ${value} vs ${exact} ± ${standardError}`);
  }
});

it("monteCarloCall(…) standard error shrinks as 1/√draws", () => {
  // Quadrupling the draws halves the standard error, up to sampling noise in the standard deviation.
  const small = monteCarloCall({...textbook, seed: 1, draws: 25_000});
  const large = monteCarloCall({...textbook, seed: 1, draws: 100_000});
  assertInDelta(small.standardError / large.standardError, 2, 0.05);
});

it("monteCarloCall(…) is deterministic for a seed and stream", () => {
  const a = monteCarloCall({...textbook, seed: 7, draws: 1000});
  const b = monteCarloCall({...textbook, seed: 7, draws: 1000});
  const c = monteCarloCall({...textbook, seed: 7, stream: "other", draws: 1000});
  assert.deepStrictEqual(a, b);
  assert.notStrictEqual(a.value, c.value);
});

it("monteCarloCall(…) with zero volatility or time is the intrinsic value with no error", () => {
  const flat = monteCarloCall({...textbook, volatility: 0, seed: 1, draws: 100});
  assertInDelta(flat.value, 100 - 100 * Math.exp(-0.05), 1e-9);
  assert.strictEqual(flat.standardError, 0);
  assert.deepStrictEqual(monteCarloCall({...textbook, spot: 90, years: 0, seed: 1, draws: 10}), {value: 0, standardError: 0});
});

it("monteCarloCall({…, draws: 1}) returns one payoff with standard error 0", () => {
  assert.strictEqual(monteCarloCall({...textbook, seed: 1, draws: 1}).standardError, 0);
});

it("monteCarloCall(…) rejects invalid inputs", () => {
  assert.throws(() => monteCarloCall({...textbook, seed: 1, draws: 0}), /invalid draws: 0/);
  assert.throws(() => monteCarloCall({...textbook, seed: 1, draws: 2.5}), /invalid draws: 2.5/);
  assert.throws(() => monteCarloCall({...textbook, seed: 1, spot: -1}), /invalid spot: -1/);
  assert.throws(() => monteCarloCall({...textbook, seed: Number.NaN}), /invalid seed: NaN/);
});
