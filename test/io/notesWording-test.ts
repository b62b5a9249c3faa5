// A deal's notes print in its briefing and on its page: they speak about the deal, not about the data files
// (s14 critic #20, expert-reader editor question 4: "whose specifications are not yet sourced here" in print).
import {assert, it} from "vitest";
import {readValidDataset} from "../../src/io/readDataset.js";

const dataset = await readValidDataset("data");

it("no deal's notes remark on the data files ('not yet sourced here', 'in the YAML', a file name)", () => {
  for (const deal of dataset.deals) {
    const notes = deal.notes ?? "";
    assert.notMatch(notes, /not yet sourced|sourced here|\bya?ml\b|\.ya?ml|data file|TODO/i, deal.id);
  }
});

it("margin-azure is labelled as what it is, Microsoft's Intelligent Cloud segment margin, not an Azure margin Microsoft does not report", () => {
  const azure = dataset.assumptions.find((a) => a.id === "margin-azure")!;
  assert.match(azure.label, /Intelligent Cloud segment/);
  assert.notMatch(azure.label, /Azure/);
});
