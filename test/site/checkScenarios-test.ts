import {assert, it} from "vitest";
import {scenarioTable} from "../../src/core/index.js";
import {readValidDataset} from "../../src/io/readDataset.js";
import {checkScenarios} from "../../src/site/checkReports.js";
import type {DealMemo} from "../../src/site/siteData.js";

const dataset = await readValidDataset("data");

it("checkScenarios: each deal's columns, computed on the deal alone, equal scenarioTable over the whole dataset; kept ones are not computed again", () => {
  const kept = new Map<string, unknown>();
  let computed = 0;
  const memo: DealMemo = <T>(_name: string, input: unknown, compute: () => T): T => {
    const id = (input as {deals: {id: string}[]}).deals[0].id;
    if (!kept.has(id)) {
      computed++;
      kept.set(id, compute());
    }
    return kept.get(id) as T;
  };
  const first = checkScenarios(dataset, memo);
  assert.deepEqual(Object.keys(first).sort(), dataset.deals.map((d) => d.id).sort());
  for (const deal of dataset.deals) assert.deepEqual(first[deal.id], scenarioTable(dataset, deal.id), deal.id);
  assert.strictEqual(computed, dataset.deals.length);
  assert.deepEqual(checkScenarios(dataset, memo), first);
  assert.strictEqual(computed, dataset.deals.length);
});
