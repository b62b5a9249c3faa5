import {assert, beforeAll, it} from "vitest";
import {compareDeals, headlineFormulas, projectDeal, resolveLineageInput, weakestStatus} from "../../../src/core/index.js";
import type {Dataset} from "../../../src/core/model.js";
import {readValidDataset} from "../../../src/io/readDataset.js";

let dataset: Dataset;
beforeAll(async () => {
  dataset = await readValidDataset("data");
});

it("resolveLineageInput(dataset, id) resolves every input of every headline figure and comparison figure in data/", () => {
  let count = 0;
  for (const deal of dataset.deals) {
    for (const {figure} of headlineFormulas(projectDeal(dataset, deal.id, {draws: 0}))) {
      if (!figure) continue;
      const inputs = figure.lineage.inputs.map((id) => resolveLineageInput(dataset, id));
      // The figure's status is the weakest of its resolved inputs; a zero read from the data's silence (no
      // investment listed) has no input and is an estimate, so a figure computed from it is at most an estimate.
      const zeroPart = figure.value === 0 ? ["estimate" as const] : [];
      assert.strictEqual(weakestStatus([...inputs.map((d) => d.status), ...zeroPart]), figure.lineage.status, figure.lineage.inputs.join());
      count += inputs.length;
    }
  }
  for (const row of compareDeals(dataset)) {
    for (const f of [row.usdPerGw, row.commitmentToInvestment, row.investmentMaxUsd])
      for (const id of f?.lineage.inputs ?? []) assert.strictEqual(resolveLineageInput(dataset, id).id, id);
  }
  assert.isAbove(count, 100);
});
