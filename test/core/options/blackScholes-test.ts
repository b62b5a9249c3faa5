import {assert, it} from "vitest";
import {blackScholesCall, blackScholesPut, type OptionInputs, validateOptionInputs} from "../../../src/core/options/blackScholes.js";
import {assertInDelta} from "../../asserts.js";

const textbook = {spot: 100, strike: 100, years: 1, volatility: 0.2, rate: 0.05};

it("blackScholesCall(textbook) is 10.4506", () => {
  // d1 = (ln 1 + (0.05 + 0.02) × 1) / 0.2 = 0.35, d2 = 0.15; Φ(0.35) = 0.636831, Φ(0.15) = 0.559618;
  // 100 × 0.636831 − 100 × e^−0.05 × 0.559618 = 63.6831 − 53.2325 = 10.4506.
  assertInDelta(blackScholesCall(textbook), 10.450583572185565, 1e-10);
});

it("blackScholesPut(textbook) is 5.5735", () => {
  // 100 × e^−0.05 × Φ(−0.15) − 100 × Φ(−0.35) = 95.1229 × 0.440382 − 36.3169 = 5.5735.
  assertInDelta(blackScholesPut(textbook), 5.573526022256971, 1e-10);
});

it("blackScholesCall(…) and blackScholesPut(…) match Hull's example 15.6", () => {
  // S = 42, K = 40, r = 10%, σ = 20%, T = 0.5: c = 4.76, p = 0.81 (Hull, Options, Futures and Other Derivatives).
  const hull = {spot: 42, strike: 40, years: 0.5, volatility: 0.2, rate: 0.1};
  assertInDelta(blackScholesCall(hull), 4.759422392871535, 1e-10);
  assertInDelta(blackScholesPut(hull), 0.8085993729000958, 1e-10);
});

it("blackScholesCall({…, dividendYield}) discounts the spot by the yield", () => {
  // S = 100, K = 95, T = 0.75, σ = 0.3, r = 3%, q = 2%: reference 12.954278 (Python with math.erfc).
  const inputs = {spot: 100, strike: 95, years: 0.75, volatility: 0.3, rate: 0.03, dividendYield: 0.02};
  assertInDelta(blackScholesCall(inputs), 12.954278309638063, 1e-10);
  assertInDelta(blackScholesPut(inputs), 7.329451882698756, 1e-10);
});

it("blackScholesCall(…) − blackScholesPut(…) = S·e^(−qT) − K·e^(−rT) (put–call parity)", () => {
  const cases: OptionInputs[] = [
    textbook,
    {spot: 50, strike: 80, years: 3, volatility: 0.6, rate: 0.02},
    {spot: 120, strike: 60, years: 0.1, volatility: 0.15, rate: -0.01},
    {spot: 22, strike: 11, years: 1.5, volatility: 0.5, rate: 0.1, dividendYield: 0.3466}
  ];
  for (const d of cases) {
    const parity = d.spot * Math.exp(-(d.dividendYield ?? 0) * d.years) - d.strike * Math.exp(-d.rate * d.years);
    assertInDelta(blackScholesCall(d) - blackScholesPut(d), parity, 1e-10);
  }
});

it("blackScholesCall(…) at zero time or zero volatility is the discounted intrinsic value", () => {
  assert.strictEqual(blackScholesCall({...textbook, spot: 110, years: 0}), 10);
  assert.strictEqual(blackScholesCall({...textbook, spot: 90, years: 0}), 0);
  assert.strictEqual(blackScholesPut({...textbook, spot: 90, years: 0}), 10);
  // σ = 0: max(100 − 100 × e^−0.05, 0) = 4.877058.
  assertInDelta(blackScholesCall({...textbook, volatility: 0}), 100 - 100 * Math.exp(-0.05), 1e-12);
  assert.strictEqual(blackScholesPut({...textbook, volatility: 0}), 0);
});

it("blackScholesCall(…) with a zero strike is the spot; with a zero spot it is 0", () => {
  assert.strictEqual(blackScholesCall({...textbook, strike: 0}), 100);
  assert.strictEqual(blackScholesCall({...textbook, spot: 0}), 0);
  assertInDelta(blackScholesPut({...textbook, spot: 0}), 100 * Math.exp(-0.05), 1e-12);
});

it("blackScholesCall(…) rises with volatility and stays between intrinsic value and the spot", () => {
  let previous = 0;
  for (let i = 1; i <= 20; ++i) {
    const c = blackScholesCall({...textbook, volatility: i / 10});
    assert(c > previous && c < 100);
    previous = c;
  }
});

it("blackScholesCall(…) rejects invalid inputs", () => {
  assert.throws(() => blackScholesCall({...textbook, spot: -1}), /invalid spot: -1/);
  assert.throws(() => blackScholesCall({...textbook, strike: Number.NaN}), /invalid strike: NaN/);
  assert.throws(() => blackScholesCall({...textbook, years: -0.5}), /invalid years: -0.5/);
  assert.throws(() => blackScholesCall({...textbook, volatility: Infinity}), /invalid volatility: Infinity/);
  assert.throws(() => blackScholesPut({...textbook, rate: Number.NaN}), /invalid rate: NaN/);
  assert.throws(() => blackScholesPut({...textbook, dividendYield: Infinity}), /invalid dividendYield: Infinity/);
  assert.strictEqual(validateOptionInputs(textbook), textbook);
});
