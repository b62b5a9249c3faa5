// Issue #18: a rebuild after one deal changes recomputes that deal's results only. `deals build` keeps each deal's
// projection, scenarios, capacity bands and every rendered Markdown text between builds (snapshotWriter's memo, keyed
// by inputDigest of the computation's exact input); the aggregates are recomputed from the kept results. Here the
// memo is in memory, keyed the same way.
import {readFile} from "node:fs/promises";
import {assert, it} from "vitest";
import {inputDigest} from "../../src/cli/snapshotWriter.js";
import type {Dataset} from "../../src/core/model.js";
import {readValidDataset} from "../../src/io/readDataset.js";
import {type DealMemo, siteData, siteDataFiles} from "../../src/site/siteData.js";
import {withBenchChange} from "../benchChange.js";

it("inputDigest(value) is the same for values with the same JSON text and differs when the text differs", () => {
  const digest = (value: unknown) => inputDigest(value, new WeakMap());
  const shared = {chips: [{id: "h100", tflops: 989}], note: "a"};
  assert.strictEqual(digest([shared, {deal: 1}]), digest([structuredClone(shared), {deal: 1}]));
  // What JSON.stringify leaves out or writes as null.
  assert.strictEqual(digest({a: 1, b: undefined}), digest({a: 1}));
  assert.strictEqual(digest([undefined, 2]), digest([null, 2]));
  for (const [a, b] of [
    [{a: 1}, {a: 2}],
    [["1"], [1]],
    [{a: [1, 2]}, {a: [12]}],
    [{a: {b: 1}}, {"a.b": 1}],
    [
      [[1], 2],
      [1, [2]]
    ],
    ["", null],
    // Leaves (objects of primitives only) are inlined as their JSON text: a leaf's text against a string holding it.
    [{a: {b: 1}}, {a: {b: 2}}],
    [{a: {b: 1}}, {a: '{"b":1}'}],
    [[{x: 1}], [{x: 1}, {}]],
    [
      {a: 1, b: 2},
      {b: 2, a: 1}
    ]
  ])
    assert.notStrictEqual(digest(a), digest(b), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  // An object met again is not hashed again: its digest is taken from `seen`, and equals a fresh computation.
  const seen = new WeakMap<object, string>();
  const first = inputDigest([shared, 1], seen);
  assert.strictEqual(seen.get(shared), digest(shared));
  assert.strictEqual(inputDigest([shared, 1], seen), first);
  // A leaf's part is its text whether or not it was met before (hashed on its own first here): the digest of what
  // holds it depends on the value alone.
  const leaf = {id: "a", n: 2};
  inputDigest(leaf, seen);
  assert.strictEqual(inputDigest({deal: leaf}, seen), digest({deal: {id: "a", n: 2}}));
  // A long leaf (a row of draws) is hashed by its text's SHA-256, once per map however many objects hold it.
  const draws = Array.from({length: 1000}, (_, i) => i / 7);
  assert.strictEqual(inputDigest([{a: draws}, {b: draws}], seen), digest([{a: [...draws]}, {b: [...draws]}]));
  assert.notStrictEqual(digest({a: draws}), digest({a: draws.map((x, i) => (i === 999 ? x + 1 : x))}));
});

it("with results kept between builds, a rebuild after one deal value changes recomputes that deal's only and publishes the same files as a build without them", async () => {
  const full = await readValidDataset("data");
  // Two deals of the founding lab's and one other: enough for every per-deal computation and the lab's aggregates.
  const pick = ["amazon-anthropic", "google-anthropic", "nvidia-openai"];
  const dataset: Dataset = {...full, deals: full.deals.filter((d) => pick.includes(d.id))};
  assert.strictEqual(dataset.deals.length, pick.length);
  const kept = new Map<string, string>();
  let computed: {name: string; input: unknown}[] = [];
  const memo: DealMemo = (name, input, compute) => {
    const key = `${name}\0${inputDigest(input, new WeakMap())}`;
    const text = kept.get(key);
    if (text !== undefined) return JSON.parse(text);
    computed.push({name, input});
    const value = compute();
    kept.set(key, JSON.stringify(value));
    return value;
  };
  const summary = (file: string) => readFile(file, "utf-8").catch(() => "The data holds {{data.deals}} deals.\n");
  const files = (data: Dataset, withMemo: boolean) =>
    siteDataFiles(
      siteData({
        dataset: data,
        version: "v",
        previous: null,
        readSummary: summary,
        draws: {analysis: 3, bands: 3},
        memo: withMemo ? memo : undefined
      })
    );
  const clean = await files(dataset, true);
  // "market-draws-part": each live deal's part of the market's common draws, kept per deal like the rest; "figure-rows":
  // each deal's rows of the figure table (the downloads' parts); "figure-summary": how many and the few the deals index
  // and the rollups read; "public-deal": each deal as published (strings cleaned, Markdown rendered).
  const perDeal = ["projection", "scenarios", "bands", "market-draws-part", "site:figure-rows", "site:figure-summary", "site:public-deal"];
  // "download-columns" and "download-rows": each source table flattened (the deals, the sources…), kept by its items;
  // "deal-npv": each deal's NPV figures, kept by its projection (the peers and the NPV table read them).
  assert.deepStrictEqual(
    new Set(computed.map((c) => c.name)),
    new Set([...perDeal, "markdown", "site:download-columns", "site:download-rows", "site:deal-npv"])
  );
  // Nothing changed: nothing is recomputed, and the files are the same bytes.
  computed = [];
  assert.deepStrictEqual(await files(dataset, true), clean);
  assert.deepStrictEqual(computed, []);
  // The founding deal's first commitment + 1 (the bench's change).
  const changed = withBenchChange(dataset);
  const rebuilt = await files(changed, true);
  // A computation's deals: its input's dataset's (cut down to the deal), or the deal itself (public-deal's input).
  const dealsOf = (c: {name: string; input: unknown}) =>
    c.name === "site:public-deal" ? [(c.input as Dataset["deals"][number]).id] : (c.input as [Dataset])[0].deals.map((d) => d.id);
  const recomputedDeals = computed.filter((c) => perDeal.includes(c.name)).map(dealsOf);
  assert.deepStrictEqual(computed.filter((c) => c.name === "site:public-deal").map(dealsOf), [["amazon-anthropic"]]);
  assert.isAbove(recomputedDeals.length, 0);
  for (const ids of recomputedDeals) assert.deepStrictEqual(ids, ["amazon-anthropic"]);
  // Of the source tables only the deals' is flattened again (its items hold the changed value).
  assert.deepStrictEqual(
    computed.filter((c) => c.name.startsWith("site:download-")).map((c) => [c.name, (c.input as [string])[0]]),
    [
      ["site:download-columns", "deals"],
      ["site:download-rows", "deals"]
    ]
  );
  // Each deal's NPV figures are read again from its projection for the changed deal only.
  assert.strictEqual(computed.filter((c) => c.name === "site:deal-npv").length, 1);
  // The market's common draws add up every live deal's part: a deal's change recomputes its own part only, once.
  assert.strictEqual(computed.filter((c) => c.name === "market-draws-part").length, 1);
  // Only texts that print a changed figure are rendered again (the deals' own summaries and notes are unchanged).
  const texts = changed.deals.flatMap((d) => [d.summary, d.notes]);
  for (const c of computed.filter((c) => c.name === "markdown")) assert.notInclude(texts, c.input as string);
  assert.deepStrictEqual(rebuilt, await files(changed, false));
  assert.notDeepEqual(rebuilt, clean);
}, 60_000);
