// @vitest-environment jsdom
// The four questions table cites each answer's source once (s14 critic #20: "assumption[9] — compute-deals,
// 30 Jun 2026[9]", the same source twice per row and the report itself as a dated attribution).
import {assert, it} from "vitest";
import {OptionsQuestionsTable} from "../../docs/components/tables/optionsQuestions.js";
import {readValidDataset} from "../../src/io/readDataset.js";

const dataset = await readValidDataset("data");
const sources = Object.fromEntries(dataset.sources.map((s) => [s.id, s]));
const index = Object.fromEntries(dataset.sources.map((s, i) => [s.id, i + 1]));

it("every answer of every deal's four questions cites its source once", () => {
  let rows = 0;
  for (const deal of dataset.deals) {
    const table = OptionsQuestionsTable(deal, {sources, index});
    for (const cell of table?.querySelectorAll("tbody td") ?? []) {
      rows++;
      const text = cell.textContent ?? "";
      assert.strictEqual(text.match(/\[\d+\]/g)?.length, 1, `${deal.id}: ${text}`);
      assert.notInclude(text, " — ", `${deal.id}: ${text}`);
    }
  }
  assert.isAbove(rows, 0);
});
