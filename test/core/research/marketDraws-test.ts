import {assert, it} from "vitest";
import {marketDraws} from "../../../src/core/research/marketDraws.js";
import {marketScenarios} from "../../../src/core/research/marketScenarios.js";
import {scenarioTable} from "../../../src/core/research/scenarioTable.js";
import {readValidDataset} from "../../../src/io/readDataset.js";
import {assertInDelta} from "../../asserts.js";

const dataset = await readValidDataset("data");
const live = dataset.deals.filter((d) => !d.supersededOn);

it("marketDraws: with every range closed at its base, each draw is the base case, so P10 = P90 = the base column's sum", () => {
  // An identity, not a copied output: the market's draws add up the same deals the base scenario column adds up.
  const closed = {
    ...dataset,
    assumptions: dataset.assumptions.map((a) => ({...a, low: a.base, high: a.base})),
    chips: dataset.chips,
    deals: live.map((d) => (d.capacity ? {...d, capacity: {...d.capacity, shares: []}} : d))
  };
  const draws = marketDraws(
    closed,
    live.map((d) => d.id),
    {draws: 20}
  )!;
  const base = marketScenarios(live.map((d) => ({id: d.id, name: d.name, live: true, columns: scenarioTable(closed, d.id)}))).columns[0];
  assert.strictEqual(draws.draws, 20);
  assert.strictEqual(draws.priced, base.priced);
  // Chip inputs keep their ranges (they move no cash NPV): the NPV sums are the base column's exactly.
  assertInDelta(draws.npvUsd.p10, base.npvUsd!, 1);
  assertInDelta(draws.npvUsd.p90, base.npvUsd!, 1);
  assertInDelta(draws.npvWithResidualUsd!.p50, base.npvWithResidualUsd!, 1);
  assert.strictEqual(draws.positive.p50, base.positive);
  assert.strictEqual(draws.paysBack.p50, base.paysBack);
});

it("marketDraws: the band is ordered and holds the counts within the priced deals; the draws asked are taken", () => {
  const draws = marketDraws(
    dataset,
    live.map((d) => d.id),
    {draws: 400}
  )!;
  assert.isAtMost(draws.npvUsd.p10, draws.npvUsd.p50);
  assert.isAtMost(draws.npvUsd.p50, draws.npvUsd.p90);
  assert.isAtLeast(draws.positive.p10, 0);
  assert.isAtMost(draws.positive.p90, draws.priced);
  assert.strictEqual(draws.draws, 400);
  assert.isNull(marketDraws(dataset, [], {draws: 10}));
  assert.isNull(
    marketDraws(
      dataset,
      live.map((d) => d.id),
      {draws: 0}
    )
  );
});

it("marketDraws: the sums from deal parts kept as JSON (as a build keeps them) equal the sums computed; a changed deal's part alone is computed again", () => {
  const ids = live.map((d) => d.id);
  const computed = marketDraws(dataset, ids, {draws: 60});
  const kept = new Map<string, string>();
  const keys = new Set<string>();
  const first = marketDraws(dataset, ids, {
    draws: 60,
    part: (deal, key, compute) => {
      keys.add(JSON.stringify(key));
      const text = JSON.stringify(compute());
      kept.set(deal.id, text);
      return JSON.parse(text);
    }
  });
  assert.deepEqual(first, computed);
  // Every deal's part is keyed by the same draws (ranges, count, seed, stream): the deal and that key are all it reads.
  assert.strictEqual(keys.size, 1);
  // One deal's commitment changes: its part is computed again, every other one is the kept copy.
  const changedId = live.find((d) => d.commitments.length)!.id;
  const changed = {
    ...dataset,
    deals: dataset.deals.map((d) =>
      d.id === changedId
        ? {...d, commitments: d.commitments.map((c, i) => (i === 0 ? {...c, amount: {...c.amount, value: c.amount.value * 1.5}} : c))}
        : d
    )
  };
  const recomputed: string[] = [];
  const again = marketDraws(changed, ids, {
    draws: 60,
    part: (deal, _key, compute) => {
      if (deal.id !== changedId) return JSON.parse(kept.get(deal.id)!);
      recomputed.push(deal.id);
      return JSON.parse(JSON.stringify(compute()));
    }
  });
  assert.deepEqual(recomputed, [changedId]);
  assert.deepEqual(again, marketDraws(changed, ids, {draws: 60}));
  assert.notDeepEqual(again?.npvUsd, computed?.npvUsd);
});
