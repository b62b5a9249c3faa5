// The provider's reported margin carries its source number wherever it prints (s16 closing): page 1's "(it reports
// 35.4%)" (a summary placeholder, deal.econ.margin) and the NPV card's "held at AWS's reported 35.4% operating margin"
// (core heldMarginText, which numbers no source: the site passes the number in) had none, while the critique, the
// trade-off table, the Scope and the methodology carried marginRef's " [n]". One numbering: the published dataset's.
import {readFile} from "node:fs/promises";
import {assert, it} from "vitest";
import {heldMarginRef, marginRef} from "../../docs/components/provenance.js";
import {heldMarginText, inputText, projectDeal} from "../../src/core/index.js";
import {readValidDataset} from "../../src/io/readDataset.js";
import {briefingCallFor} from "../../src/site/briefingSummary.js";
import {briefings} from "../../src/site/briefings.js";
import {figureTable} from "../../src/site/figures.js";
import {publicDataset} from "../../src/site/publicDataset.js";

it("page 1's reported margin and the held-margin sentence carry the margin's source number, for every deal that prints them", async () => {
  const dataset = await readValidDataset("data");
  const published = publicDataset(dataset, "test", {render: (x) => x});
  const projections = Object.fromEntries(dataset.deals.map((d) => [d.id, projectDeal(dataset, d.id, {draws: 200, tornadoFigures: []})]));
  const figures = figureTable({dataset, version: "test", projections});
  let pages = 0;
  let held = 0;
  let guided = 0;
  for (const deal of dataset.deals) {
    const r = projections[deal.id].recycling;
    const margin = figures.get(`${deal.id}.econ.margin`);
    if (!r.flows.length) {
      assert.strictEqual(margin?.kind, "missing", deal.id);
      continue;
    }
    const ref = marginRef(published, r);
    assert.match(ref, /^ \[\d+\]$/, deal.id);
    // The figure page 1 prints: "35.4% [12]", the number the rest of the report gives the same source.
    assert.deepEqual(margin, {kind: "text", text: `${inputText(r.margin.value, "fraction")}${ref}`}, deal.id);
    const briefing = briefings(dataset.deals).find((b) => b.deal === deal.id);
    const page = JSON.stringify(await briefingCallFor(briefing!, figures, (file) => readFile(file, "utf-8"))).replace(/<[^>]+>/g, "");
    const printed = page.includes(inputText(r.margin.value, "fraction"));
    if (printed) {
      pages++;
      assert.include(page, `${inputText(r.margin.value, "fraction")}${ref}`, deal.id);
    }
    // The card's sentence: the held margin cited with its own source's number, the reported margin's where it is
    // held, the guidance's (Oracle's own 35%) where that is (s17 closing: the guidance had none).
    const heldRef = heldMarginRef(published, r);
    const sentence = heldMarginText("P", r, {ref: heldRef});
    if (r.heldMargin?.basis === "reported") {
      held++;
      assert.strictEqual(heldRef, ref, deal.id);
      assert.include(sentence, `operating margin${ref} (after overheads)`, deal.id);
    } else if (r.heldMargin?.basis === "guidance") {
      guided++;
      const company = dataset.companies.find((c) => c.aiContractGrossMargin && r.heldMargin?.source === c.aiContractGrossMargin.source);
      assert.strictEqual(heldRef, ` [${published.sourceNumbers[company!.aiContractGrossMargin!.source]}]`, deal.id);
      assert.notStrictEqual(heldRef, ref, deal.id);
      assert.include(sentence, `for a very large AI contract${heldRef} (`, deal.id);
      // Page 1's sentence on the guidance, with the same number.
      const words = figures.get(`${deal.id}.econ.margin-guidance.words`);
      assert.include(words?.kind === "text" ? words.text : "", `contract${heldRef} (`, deal.id);
    }
    console.log(`${deal.id}: page 1 ${printed ? "prints" : "does not print"} the margin; ${sentence}`);
  }
  assert.isAtLeast(pages, 6);
  assert.isAtLeast(held, 5);
  assert.isAtLeast(guided, 1);
});
