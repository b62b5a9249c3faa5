import {fsum, quantileSorted} from "d3-array";
import {assert, it} from "vitest";
import {rngFor} from "../../../src/core/random/rngFor.js";
import {quantileWithLast, selectPositions, simulate, splitCause, twoClusters} from "../../../src/core/uncertainty/monteCarlo.js";
import {assertInDelta} from "../../asserts.js";
import {assumption} from "./fixtures.js";

const energy = [assumption("pue", 1.08, 1.15, 1.3), assumption("load-factor", 0.5, 0.8, 1), assumption("gw", 5, 5, 5)];
const energyBase = {pue: 1.15, "load-factor": 0.8, gw: 5};
// TWh a year of 5 GW of IT load: GW × PUE × load factor × 8.76 (8,760 hours ÷ 1,000).
const twh = (v: Record<string, number>) => ({twh: v.gw * v.pue * v["load-factor"] * 8.76});

it("simulate(…) returns the seed's draws with type-7 percentiles", () => {
  // The four uniforms of rngFor("compute-deals", "amazon-anthropic") are 0.5360093, 0.7382242, 0.9337340,
  // 0.7270805; sorted: 0.5360093, 0.7270805, 0.7382242, 0.9337340. Type 7: p10 at index 0.3 →
  // 0.5360093 + 0.3 × (0.7270805 − 0.5360093) = 0.5933307; p50 at 1.5 → (0.7270805 + 0.7382242) / 2 = 0.7326524;
  // p90 at 2.7 → 0.7382242 + 0.7 × (0.9337340 − 0.7382242) = 0.8750811; mean 2.9350480 / 4 = 0.7337620.
  const {figures} = simulate([assumption("u", 0, 0.5, 1, "uniform")], {u: 0.5}, (v) => ({u: v.u}), {
    draws: 4,
    seed: "compute-deals",
    stream: "amazon-anthropic"
  });
  assertInDelta(figures.u.p10, 0.5933307);
  assertInDelta(figures.u.p50, 0.7326524);
  assertInDelta(figures.u.p90, 0.8750811);
  assertInDelta(figures.u.mean, 0.733762);
  assert.strictEqual(figures.u.undefinedShare, 0);
});

it("simulate(…) draws triangular values by inverse CDF", () => {
  // Triangular 0 / 1 / 2: the p-quantile below the mode is √(2p), so p10 = √0.2 = 0.4472 and p90 = 2 − √0.2 = 1.5528.
  const {figures} = simulate([assumption("x", 0, 1, 2)], {x: 1}, (v) => ({x: v.x}), {draws: 100_000, seed: 1});
  assertInDelta(figures.x.p10, 0.4472, 0.01);
  assertInDelta(figures.x.p50, 1, 0.01);
  assertInDelta(figures.x.p90, 1.5528, 0.01);
  assertInDelta(figures.x.mean, 1, 0.005);
});

it("simulate(…) returns p10 ≤ p50 ≤ p90 and echoes seed, stream and draws", () => {
  const result = simulate(energy, energyBase, twh, {draws: 5000, seed: "compute-deals", stream: "amazon-anthropic"});
  const {p10, p50, p90, mean} = result.figures.twh;
  assert(p10 <= p50 && p50 <= p90, `${p10} ${p50} ${p90}`);
  assert(p10 < p90);
  // Base: 5 × 1.15 × 0.8 × 8.76 = 40.296 TWh; the range spans 5 × 1.08 × 0.5 × 8.76 = 23.65 to 5 × 1.3 × 8.76 = 56.94.
  assert(mean > 23.65 && mean < 56.94);
  assert.strictEqual(result.seed, "compute-deals");
  assert.strictEqual(result.stream, "amazon-anthropic");
  assert.strictEqual(result.draws, 5000);
  assert.deepStrictEqual(result.varied, ["pue", "load-factor", "gw"]);
});

it("simulate(…) with low = base = high everywhere returns the base value at every percentile", () => {
  const flat = [assumption("pue", 1.15, 1.15, 1.15), assumption("load-factor", 0.8, 0.8, 0.8), assumption("gw", 5, 5, 5)];
  const {figures} = simulate(flat, energyBase, twh, {draws: 100, seed: 1});
  const base = 5 * 1.15 * 0.8 * 8.76;
  assert.deepStrictEqual(figures.twh, {p10: base, p50: base, p90: base, mean: base, undefinedShare: 0, positiveShare: 1});
});

it("simulate(…) with the same seed gives identical results; another stream gives other draws", () => {
  const a = simulate(energy, energyBase, twh, {draws: 1000, seed: 42, stream: "amazon-anthropic"});
  const b = simulate(energy, energyBase, twh, {draws: 1000, seed: 42, stream: "amazon-anthropic"});
  const c = simulate(energy, energyBase, twh, {draws: 1000, seed: 42, stream: "amazon-openai"});
  const d = simulate(energy, energyBase, twh, {draws: 1000, seed: 43, stream: "amazon-anthropic"});
  assert.deepStrictEqual(a, b);
  assert.notStrictEqual(a.figures.twh.p50, c.figures.twh.p50);
  assert.notStrictEqual(a.figures.twh.p50, d.figures.twh.p50);
});

it("simulate(…) centres the triangular mode on the scenario's override, clamped to the range", () => {
  // Mode moved from 1.15 to the high 1.3: mean (1.08 + 1.3 + 1.3) / 3 = 1.226667 instead of (1.08 + 1.15 + 1.3) / 3 = 1.176667.
  const pue = [assumption("pue", 1.08, 1.15, 1.3)];
  const options = {draws: 50_000, seed: 1};
  const base = simulate(pue, {pue: 1.15}, (v) => ({pue: v.pue}), options);
  const high = simulate(pue, {pue: 1.3}, (v) => ({pue: v.pue}), options);
  const beyond = simulate(pue, {pue: 2}, (v) => ({pue: v.pue}), options);
  assertInDelta(base.figures.pue.mean, 1.176667, 0.002);
  assertInDelta(high.figures.pue.mean, 1.226667, 0.002);
  assert.deepStrictEqual(beyond.figures, high.figures);
});

it("simulate(…) uses the assumption's base when baseValues lacks it", () => {
  const pue = [assumption("pue", 1.08, 1.15, 1.3)];
  const a = simulate(pue, {}, (v: Record<string, number>) => ({pue: v.pue}), {draws: 100, seed: 1});
  const b = simulate(pue, {pue: 1.15}, (v) => ({pue: v.pue}), {draws: 100, seed: 1});
  assert.deepStrictEqual(a.figures, b.figures);
});

it("simulate(…, {vary}) varies only the named assumptions", () => {
  const {figures, varied} = simulate(energy, energyBase, (v) => ({pue: v.pue, lf: v["load-factor"]}), {
    draws: 1000,
    seed: 1,
    vary: ["load-factor"]
  });
  assert.deepStrictEqual(varied, ["load-factor"]);
  assert.deepStrictEqual(figures.pue, {p10: 1.15, p50: 1.15, p90: 1.15, mean: 1.15, undefinedShare: 0, positiveShare: 1});
  assert(figures.lf.p10 < figures.lf.p90);
});

it("simulate(…) counts undefined figures apart and takes percentiles over the rest", () => {
  // x ~ U(0, 1); the figure is undefined (null) below 0.3, so about 30% of draws are undefined and the rest are
  // U(0.3, 1), whose p10 is 0.3 + 0.1 × 0.7 = 0.37 and p50 0.65.
  const project = (v: Record<string, number>) => ({
    payback: v.x < 0.3 ? null : v.x,
    nan: v.x < 0.5 ? Number.NaN : 1,
    never: Number.POSITIVE_INFINITY
  });
  const {figures} = simulate([assumption("x", 0, 0.5, 1, "uniform")], {x: 0.5}, project, {draws: 100_000, seed: 5});
  assertInDelta(figures.payback.undefinedShare, 0.3, 0.005);
  assertInDelta(figures.payback.p10, 0.37, 0.005);
  assertInDelta(figures.payback.p50, 0.65, 0.005);
  assertInDelta(figures.nan.undefinedShare, 0.5, 0.005);
  assert.strictEqual(figures.nan.p50, 1);
  assert.strictEqual(figures.never.undefinedShare, 1);
  assert(Number.isNaN(figures.never.p10) && Number.isNaN(figures.never.p50) && Number.isNaN(figures.never.mean));
});

it("simulate(…, {undefinedLast}) ranks undefined draws after every value: the P50 is the median of all draws", () => {
  // x ~ U(0, 1), undefined above 0.7 (30% of draws): over all draws with those last, p10 = 0.1, p50 = 0.5, and p90
  // falls among the undefined draws (NaN: "never").
  const project = (v: Record<string, number>) => ({payback: v.x > 0.7 ? null : v.x});
  const {figures} = simulate([assumption("x", 0, 0.5, 1, "uniform")], {x: 0.5}, project, {
    draws: 100_000,
    seed: 5,
    undefinedLast: ["payback"]
  });
  assertInDelta(figures.payback.p10, 0.1, 0.005);
  assertInDelta(figures.payback.p50, 0.5, 0.005);
  assert(Number.isNaN(figures.payback.p90));
  assertInDelta(figures.payback.undefinedShare, 0.3, 0.005);
});

it("quantileWithLast(sorted, draws, p) interpolates among the defined draws and is NaN among the undefined ones", () => {
  // 4 draws, 2 defined: h = 3 × 0.25 = 0.75 → 2030 + 0.75 × 1 = 2030.75; h = 1.5 reaches the third draw: NaN.
  assert.strictEqual(quantileWithLast(Float64Array.of(2030, 2031), 4, 0.25), 2030.75);
  assert(Number.isNaN(quantileWithLast(Float64Array.of(2030, 2031), 4, 0.5)));
});

it("selectPositions(…) puts each asked position's value where the sort puts it, −0 before +0, with no value lost", () => {
  const rng = rngFor("select-test", "positions");
  // Samples with ties, both zeros, negatives and several magnitudes, from 1 to 2,000 values (past the 600 at which
  // the selection first narrows its range by sampling).
  const pools = [
    [-0, 0, -1, 1, 2030, 2031],
    [-0, 0],
    [0.5, -3e9, 7e11, -0, 0, 1e-12, 4]
  ];
  for (let trial = 0; trial < 300; ++trial) {
    const n = 1 + Math.floor(rng() * (trial < 250 ? 40 : 2000));
    const pool = pools[trial % pools.length];
    const values = Float64Array.from({length: n}, () => (rng() < 0.5 ? pool[Math.floor(rng() * pool.length)] : (rng() - 0.5) * 1e6));
    const sorted = values.slice().sort();
    const positions = [...new Set(Array.from({length: 1 + Math.floor(rng() * 7)}, () => Math.floor(rng() * n)))].sort((a, b) => a - b);
    selectPositions(values, positions, 0, n - 1);
    for (const k of positions)
      assert(Object.is(values[k], sorted[k]), `trial ${trial}: position ${k} of ${n} holds ${values[k]}, sorted ${sorted[k]}`);
    assert.deepStrictEqual(values.slice().sort(), sorted, `trial ${trial}: the same values`);
  }
});

it("simulate(…)'s percentiles and mean are those of the sorted draws, bit for bit", () => {
  // The reference: every draw of each figure, sorted, then d3's type-7 quantile and the mean as min + fsum(x − min) ÷ n.
  // The figures mix magnitudes (1e16 beside 1, whose sum depends on order unless summed exactly), ties and both zeros.
  const seen: Record<string, number[]> = {big: [], tie: [], zero: [], payback: []};
  const project = (v: Record<string, number>) => {
    const out = {
      big: v.x < 0.5 ? 1e16 * v.x : v.x,
      tie: Math.round(v.x * 4),
      zero: v.x < 0.5 ? -0 : v.x < 0.7 ? 0 : -v.x,
      payback: v.x > 0.8 ? null : 2030 + Math.floor(v.x * 10)
    };
    for (const [name, value] of Object.entries(out)) if (value !== null) seen[name].push(value);
    return out;
  };
  for (const draws of [1, 2, 7, 1000, 5001]) {
    for (const name of Object.keys(seen)) seen[name] = [];
    const {figures} = simulate([assumption("x", 0, 0.5, 1, "uniform")], {x: 0.5}, project, {
      draws,
      seed: draws,
      undefinedLast: ["payback"]
    });
    for (const [name, values] of Object.entries(seen)) {
      const sorted = Float64Array.from(values).sort();
      const asNumbers = sorted as unknown as number[];
      const quantile = (p: number) => (name === "payback" ? quantileWithLast(sorted, draws, p) : quantileSorted(asNumbers, p)!);
      const expected = {
        p10: quantile(0.1),
        p50: quantile(0.5),
        p90: quantile(0.9),
        mean: sorted[0] + fsum(asNumbers, (x) => x - sorted[0]) / sorted.length,
        undefinedShare: (draws - sorted.length) / draws
      };
      for (const key of Object.keys(expected) as (keyof typeof expected)[]) {
        assert(
          Object.is(figures[name][key], expected[key]),
          `${draws} draws, ${name}.${key}: ${figures[name][key]} against ${expected[key]}`
        );
      }
    }
  }
});

it("simulate(…, {draws: 1}) returns the single draw at every percentile", () => {
  const {figures} = simulate([assumption("x", 0, 0.5, 1, "uniform")], {x: 0.5}, (v) => ({x: v.x}), {
    draws: 1,
    seed: "compute-deals",
    stream: "amazon-anthropic"
  });
  const x = 0.5360092862974852;
  assert.deepStrictEqual(figures.x, {p10: x, p50: x, p90: x, mean: x, undefinedShare: 0, positiveShare: 1});
});

it("simulate(…) reuses one values object and never mutates baseValues", () => {
  const seen = new Set<object>();
  const base = {pue: 1.15, "load-factor": 0.8, gw: 5};
  simulate(
    energy,
    base,
    (v) => {
      seen.add(v);
      return twh(v);
    },
    {draws: 50, seed: 1}
  );
  assert.strictEqual(seen.size, 1);
  assert.deepStrictEqual(base, {pue: 1.15, "load-factor": 0.8, gw: 5});
});

it("simulate([], …) runs the projection at the base values", () => {
  const {figures, varied} = simulate([], energyBase, twh, {draws: 10, seed: 1});
  assert.deepStrictEqual(varied, []);
  assert.strictEqual(figures.twh.p50, 5 * 1.15 * 0.8 * 8.76);
});

it("simulate(…) rejects invalid inputs", () => {
  const project = (v: Record<string, number>) => ({x: v.x});
  const ok = [assumption("x", 0, 1, 2)];
  assert.throws(() => simulate(ok, {x: 1}, project, {draws: 0, seed: 1}), /invalid draws: 0/);
  assert.throws(() => simulate(ok, {x: 1}, project, {draws: 1.5, seed: 1}), /invalid draws: 1.5/);
  assert.throws(() => simulate(ok, {x: 1}, project, {seed: Number.NaN}), /invalid seed: NaN/);
  assert.throws(() => simulate(ok, {x: 1}, project, {seed: 1, vary: ["y"]}), /invalid vary: y/);
  assert.throws(() => simulate([assumption("x", 0, 3, 2)], {x: 1}, project, {seed: 1}), /invalid assumption x: 0 \/ 3 \/ 2/);
  assert.throws(() => simulate([assumption("x", Number.NaN, 1, 2)], {x: 1}, project, {seed: 1}), /invalid assumption x/);
  assert.throws(
    () => simulate([assumption("x", 0, 1, 2, "normal" as "uniform")], {x: 1}, project, {seed: 1}),
    /invalid distribution: normal/
  );
  assert.throws(() => simulate(ok, {x: Number.NaN}, project, {seed: 1}), /invalid x: NaN/);
});

it("simulate(…) draws a correlated assumption through a Gaussian copula: ρ = 1 moves it with its leader", () => {
  const capex = assumption("capex", 35, 50, 60);
  const price = {...assumption("price", 35, 50, 60), correlation: {with: "capex", rho: 1}};
  // Same range and mode, ρ = 1: every draw has price = capex, so the difference is 0 everywhere.
  const {figures} = simulate([capex, price], {capex: 50, price: 50}, (v) => ({diff: v.price - v.capex}), {draws: 500, seed: 1});
  assert.deepStrictEqual([figures.diff.p10, figures.diff.p90], [0, 0]);
  // ρ = 0 (or no correlation) leaves them independent: the difference spreads.
  const free = simulate(
    [capex, {...price, correlation: {with: "capex", rho: 0}}],
    {capex: 50, price: 50},
    (v) => ({diff: v.price - v.capex}),
    {
      draws: 500,
      seed: 1
    }
  );
  assert.isBelow(free.figures.diff.p10, -5);
  // The leader's own draws are unchanged by the correlation: same uniforms, same order.
  const alone = simulate([capex, assumption("price", 35, 50, 60)], {capex: 50, price: 50}, (v) => ({capex: v.capex}), {
    draws: 500,
    seed: 1
  });
  const tied = simulate([capex, price], {capex: 50, price: 50}, (v) => ({capex: v.capex}), {draws: 500, seed: 1});
  assert.deepStrictEqual(tied.figures.capex, alone.figures.capex);
});

// n values spread evenly over [a, b]: the i-th at a + (b − a)(i + 0.5) ÷ n, so their median is (a + b) ÷ 2.
const even = (n: number, a: number, b: number) => Array.from({length: n}, (_, i) => a + ((b - a) * (i + 0.5)) / n);

it("simulate(…) gives the share of all draws above zero, the undefined ones counted as not", () => {
  // x uniform on [−1, 3]: P(x > 0) = 3 ÷ 4; y undefined when x < 1 (P = 1/2), else x: above zero whenever defined.
  const {figures} = simulate([assumption("x", -1, 1, 3, "uniform")], {x: 1}, (v) => ({x: v.x, y: v.x < 1 ? null : v.x}), {
    draws: 20_000,
    seed: 7
  });
  assertInDelta(figures.x.positiveShare, 0.75, 0.015);
  assertInDelta(figures.y.positiveShare, 0.5, 0.015);
  assertInDelta(figures.y.positiveShare, 1 - figures.y.undefinedShare, 1e-12);
});

it("twoClusters(…) splits two separate groups at the gap and gives each group's share and median", () => {
  // 4,000 draws over −30…−10 and 6,000 over 20…40, 500 undefined: the medians −20 and 30, shares of 10,500.
  const values = [...even(6000, 20, 40), ...even(4000, -30, -10)];
  const c = twoClusters(values, 10_500)!;
  assert(c.split > -10 && c.split < 20, `split ${c.split} in the gap`);
  assertInDelta(c.lowShare, 4000 / 10_500, 1e-12);
  assertInDelta(c.highShare, 6000 / 10_500, 1e-12);
  assertInDelta(c.lowMedian, -20, 1e-9);
  assertInDelta(c.highMedian, 30, 1e-9);
  // Every low draw is below zero, every high one above.
  assert.strictEqual(c.lowAboveZero, 0);
  assert.strictEqual(c.highAboveZero, 1);
});

it("twoClusters(…) gives each group's share above zero when the split lies above zero (hand-checked)", () => {
  // 4,000 draws over −10…10 (even(): midpoints, so 2,000 of them above zero) and 6,000 over 50…70: the split lies in
  // the gap, and the low group gathers around 0 with half its draws above zero.
  const values = [...even(4000, -10, 10), ...even(6000, 50, 70)];
  const c = twoClusters(values, 10_000)!;
  assert(c.split > 10 && c.split < 50, `split ${c.split} in the gap`);
  assert.strictEqual(c.lowAboveZero, 0.5);
  assert.strictEqual(c.highAboveZero, 1);
});

it("twoClusters(…) finds no split in one hump, skewed or flat, in a thin tail or in too few draws", () => {
  // A triangular 0 / 10 / 40 by its quantiles (skewed, one peak), a uniform, and 10,000 in one hump with 5% far off.
  const tri = even(10_000, 0, 1).map((u) => (u < 0.25 ? Math.sqrt(u * 40 * 10) : 40 - Math.sqrt((1 - u) * 40 * 30)));
  assert.strictEqual(twoClusters(tri, 10_000), null);
  assert.strictEqual(twoClusters(even(10_000, -5, 5), 10_000), null);
  assert.strictEqual(twoClusters([...even(9500, 0, 10), ...even(500, 50, 60)], 10_000), null);
  assert.strictEqual(twoClusters([...even(400, -30, -10), ...even(500, 20, 40)], 900), null);
});

it("simulate(…, {clusters}) tests only the named figures, on the same draws", () => {
  // x uniform on [0, 1]; y = x − 0.5 ± 10 (two groups of equal size, 20 apart).
  const project = (v: Record<string, number>) => ({x: v.x, y: v.x < 0.5 ? v.x - 10.5 : v.x + 9.5});
  const {figures} = simulate([assumption("x", 0, 0.5, 1, "uniform")], {x: 0.5}, project, {draws: 10_000, seed: 3, clusters: ["y"]});
  assert.strictEqual(figures.x.clusters, undefined);
  const c = figures.y.clusters!;
  assertInDelta(c.lowShare + c.highShare, 1, 1e-12);
  assertInDelta(c.lowShare, 0.5, 0.02);
  assertInDelta(c.lowMedian, -10.25, 0.05);
  assertInDelta(c.highMedian, 10.25, 0.05);
});

it("splitCause(…) finds the input that tells the groups apart, its threshold and each group's share on its side (hand-checked)", () => {
  // Draws 0…5: figure −5, −6, 7, 8, −1, NaN (the NaN draw is in neither group): low = {0, 1, 4}, high = {2, 3}.
  // Input a: 1, 2, 3, 4, 5, 9 → sorted among the defined draws: 1(L) 2(L) 3(H) 4(H) 5(L); the best cut is between 2
  // and 3 (2.5): the low group has 2 of 3 below it, the high group 2 of 2 above: score (2/3 + 1) ÷ 2 = 5/6.
  // Input b: 9, 8, 1, 2, 7 → sorted 1(H) 2(H) 7(L) 8(L) 9(L): a cut at 4.5 separates them all, low above: score 1.
  const figure = [-5, -6, 7, 8, -1, Number.NaN];
  const a = {id: "a", values: [1, 2, 3, 4, 5, 9]};
  const b = {id: "b", values: [9, 8, 1, 2, 7, 0]};
  assert.deepStrictEqual(splitCause([a, b], figure, 0), {id: "b", threshold: 4.5, lowBelow: false, lowOnSide: 1, highOnSide: 1});
  const onlyA = splitCause([a], figure, 0)!;
  assert.strictEqual(onlyA.threshold, 2.5);
  assert.isTrue(onlyA.lowBelow);
  assertInDelta(onlyA.lowOnSide, 2 / 3, 1e-12);
  assert.strictEqual(onlyA.highOnSide, 1);
  // One group empty, or no input: nothing to tell apart.
  assert.isNull(splitCause([a], [1, 2, 3, 4, 5, 6], 0));
  assert.isNull(splitCause([], figure, 0));
});

it("simulate(…, {clusters}) names the drawn input that splits the groups, not one that does not move the figure", () => {
  // y = ±10 by whether x is below 0.3; z is drawn but moves nothing.
  const project = (v: Record<string, number>) => ({y: (v.x < 0.3 ? -10 : 10) + v.z * 0.1});
  const ranges = [assumption("z", 0, 0.5, 1, "uniform"), assumption("x", 0, 0.5, 1, "uniform")];
  const c = simulate(ranges, {x: 0.5, z: 0.5}, project, {draws: 2000, seed: 5, clusters: ["y"]}).figures.y.clusters!;
  assert.strictEqual(c.cause!.id, "x");
  assertInDelta(c.cause!.threshold, 0.3, 0.01);
  assert.isTrue(c.cause!.lowBelow);
  assert.strictEqual(c.cause!.lowOnSide, 1);
  assert.strictEqual(c.cause!.highOnSide, 1);
});
