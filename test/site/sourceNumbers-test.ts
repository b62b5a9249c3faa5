// Every source a figure cites has its site-wide number (s15 critic #3: the sources cited only by companies.yaml, the
// SEC filings among them, printed "[–]" in seven briefings' appendices, so the figures citing them could not point to
// them).
import {assert, beforeAll, it} from "vitest";
import {leaseClause} from "../../docs/components/sections/recycling.js";
import {projectDeal} from "../../src/core/index.js";
import type {Dataset} from "../../src/core/model.js";
import {readValidDataset} from "../../src/io/readDataset.js";
import {publicDataset} from "../../src/site/publicDataset.js";

let dataset: Dataset;
beforeAll(async () => {
  dataset = await readValidDataset("data");
});

/** Every `source` a value inside `value` names. */
function cited(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) cited(item, into);
  else if (value && typeof value === "object") {
    const ref = (value as {source?: unknown}).source;
    if (typeof ref === "string") into.add(ref);
    for (const child of Object.values(value)) cited(child, into);
  }
  return into;
}

it("numbers every cited source once, the companies' sources (filings, backlogs) included", () => {
  const {sourceNumbers} = publicDataset(dataset, "test");
  const companies = cited(dataset.companies);
  assert.isAbove(companies.size, 0);
  for (const id of companies) assert.isNumber(sourceNumbers[id], `companies.yaml cites ${id}, which has no number`);
  for (const id of cited([dataset.deals, dataset.chips, dataset.assumptions, dataset.signals, dataset.yardsticks]))
    assert.isNumber(sourceNumbers[id], id);
  const numbers = Object.values(sourceNumbers);
  assert.strictEqual(new Set(numbers).size, numbers.length, "a number given twice");
  assert.deepStrictEqual(
    [...numbers].sort((a, b) => a - b),
    numbers.map((_, i) => i + 1),
    "numbers run 1, 2, 3 … without a gap"
  );
  // Companies come last: a source the deals cite keeps the number it had before companies were numbered.
  const dealOnly = cited(dataset.deals);
  const lastDeal = Math.max(...[...dealOnly].map((id) => sourceNumbers[id]));
  assert.strictEqual(lastDeal, dealOnly.size, "the deals' sources are numbered first, 1 to n");
});

it("the lease clause points to the filing it rests on by its number", () => {
  const data = publicDataset(dataset, "test");
  for (const id of ["oracle-openai", "coreweave-openai"]) {
    const r = projectDeal(dataset, id, {draws: 0, tornadoFigures: []}).recycling;
    const provider = dataset.deals.find((d) => d.id === id)!.provider;
    const filing = dataset.companies.find((c) => c.id === provider)!.facilityLeaseYears!.source;
    assert.include(leaseClause({data, dealId: id} as never, r), `by its filings [${data.sourceNumbers[filing]}],`, id);
  }
});
