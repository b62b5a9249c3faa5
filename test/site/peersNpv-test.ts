// The peers' ranking and the NPV table read each deal's NPV, band, payback and discount rate through a memo of their own
// (issue #18): with every deal's kept, no deal's projection is looked into (at 1,000 deals, loading them all to read a
// few numbers each was 0.4 CPU-s of every rebuild).
import {assert, it} from "vitest";
import type {Dataset} from "../../src/core/model.js";
import {readValidDataset} from "../../src/io/readDataset.js";
import {type DealMemo, siteData} from "../../src/site/siteData.js";

const DRAWS = {analysis: 20, bands: 5};
const dataset: Dataset = await readValidDataset("data");

/**
 * A memo that computes everything and hands each projection on as a proxy that counts the reads into it. With
 * `kept` (deal id → its NPV figures), it answers "site:deal-npv" from it without computing, as a build's memo does for
 * a deal whose projection did not change; else it records what it computes in `npvs`.
 */
function countingMemo(kept?: Map<string, unknown>) {
  let reads = 0;
  const dealOf = new WeakMap<object, string>();
  const npvs = new Map<string, unknown>();
  const memo: DealMemo = (name, input, compute) => {
    if (name === "projection") {
      const proxy = new Proxy(compute() as object, {
        get(target, key, receiver) {
          reads++;
          return Reflect.get(target, key, receiver);
        }
      });
      dealOf.set(proxy, ((input as [Dataset, unknown])[0] as Dataset).deals[0].id);
      return proxy as ReturnType<typeof compute>;
    }
    if (name !== "site:deal-npv") return compute();
    const deal = dealOf.get(input as object)!;
    if (kept) return kept.get(deal) as ReturnType<typeof compute>;
    const value = compute();
    npvs.set(deal, value);
    return value;
  };
  return {memo, reads: () => reads, npvs};
}

it("the peers' boxes and the NPV table read each deal's NPV figures through their kept values, not the deal's projection", () => {
  const cold = countingMemo();
  const site = siteData({dataset, version: "v", previous: null, draws: DRAWS, memo: cold.memo});
  const {peers, npvTable, projections} = site.analysis();
  assert.isAbove(cold.reads(), 0, "computing the NPVs reads the projections");
  assert.strictEqual(cold.npvs.size, dataset.deals.length);
  for (const deal of dataset.deals) {
    const p = projections[deal.id];
    assert.deepInclude(
      cold.npvs.get(deal.id),
      {npvUsd: p.recycling.npvUsd?.value ?? null, paybackYear: p.recycling.paybackYear ?? null},
      deal.id
    );
  }
  // Every NPV kept: the same boxes, and not one read into a projection to make them.
  const warm = countingMemo(cold.npvs);
  const again = siteData({dataset, version: "v", previous: null, draws: DRAWS, memo: warm.memo});
  assert.deepStrictEqual(again.analysis().peers, peers);
  assert.deepStrictEqual(again.analysis().npvTable, npvTable);
  assert.strictEqual(warm.reads(), 0, "a projection was read for the peers or the NPV table");
});
