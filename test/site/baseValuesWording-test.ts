// Microsoft → OpenAI page 1 (critic s16 #11b): "… segment margin (41.5% …) is a check on it, not an input to the cash;
// at those values the NPV is about −$2.07B": "those values" sat right after 41.5% and read as "at 41.5%". The NPV is
// at every assumption's base value: the sentence says "at the base values".
import {readFile} from "node:fs/promises";
import {assert, it} from "vitest";
import {projectDeal} from "../../src/core/index.js";
import {readValidDataset} from "../../src/io/readDataset.js";
import {briefingCallFor} from "../../src/site/briefingSummary.js";
import {briefings} from "../../src/site/briefings.js";
import {figureTable} from "../../src/site/figures.js";

it("Microsoft → OpenAI page 1 names the base values beside the base NPV, not 'those values' after the reported margin", async () => {
  const dataset = await readValidDataset("data");
  const projections = Object.fromEntries(dataset.deals.map((d) => [d.id, projectDeal(dataset, d.id, {draws: 200, tornadoFigures: []})]));
  const figures = figureTable({dataset, version: "test", projections});
  const briefing = briefings(dataset.deals).find((b) => b.deal === "microsoft-openai");
  assert.ok(briefing);
  const page = JSON.stringify(await briefingCallFor(briefing, figures, (file) => readFile(file, "utf-8")));
  const text = page.replace(/<[^>]+>/g, "");
  assert.notInclude(text, "at those values");
  assert.match(text, /input to the cash; at the base values the NPV is about −\$[\d.]+B/);
});
