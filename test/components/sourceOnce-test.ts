// @vitest-environment jsdom
// A figure prints its source's number once (s15 critic #20: "[38] … [38]"; s16: the provider-side exposure printed
// "(estimate [107]) … — Belcourt, 29 Apr 2026[107]", and the assumptions table "assumption[9] — compute-deals, 30 Jun
// 2026[9]"), and the source stays cited for the briefing's appendix.
import {assert, beforeAll, it} from "vitest";
import {citedSources} from "../../docs/components/briefing/sourcesAppendix.js";
import {ProviderExposureParagraph} from "../../docs/components/sections/recycling.js";
import {MethodologyAssumptionsTable} from "../../docs/components/tables/methodologyAssumptions.js";
import {providerExposure} from "../../src/core/index.js";
import type {Dataset} from "../../src/core/model.js";
import {readValidDataset} from "../../src/io/readDataset.js";
import {publicDataset} from "../../src/site/publicDataset.js";

let dataset: Dataset;
beforeAll(async () => {
  dataset = await readValidDataset("data");
});

/** The text a node prints on paper: screen-only parts (`.no-print`, a badge's tip) left out, print-only parts kept. */
function printed(node: Node): string {
  if (node instanceof Element && (node.classList.contains("no-print") || node.classList.contains("badge-tip"))) return "";
  if (node.nodeType === 3) return node.textContent ?? "";
  return [...node.childNodes].map(printed).join("");
}

/** The first number printed twice in `text` ("[107] … [107]"), or null. */
const twice = (text: string) => /\[(\d+)\][^[]*\[\1\]/.exec(text)?.[0] ?? null;

it("the provider-side exposure prints each source number once in print, and still cites its sources, for every deal", () => {
  const data = publicDataset(dataset, "test");
  let seen = 0;
  for (const deal of dataset.deals) {
    const row = providerExposure(dataset, deal.id);
    const p = ProviderExposureParagraph({data} as never, row);
    if (!p || !row) continue;
    seen++;
    const text = printed(p);
    assert.isNull(twice(text), `${deal.id}: ${text}`);
    assert.include(text, `[${data.sourceNumbers[row.backlogSource]}]`, deal.id);
    assert.include(citedSources([p]), row.backlogSource, `${deal.id}: the appendix lists the backlog's source`);
    if (row.labShareSource) assert.include(citedSources([p]), row.labShareSource, deal.id);
  }
  assert.isAtLeast(seen, 5, "the deals with a backlog");
});

it("the assumptions table gives each assumption's source number once: the badge's, the link adding publisher and date", () => {
  const data = publicDataset(dataset, "test");
  const table = MethodologyAssumptionsTable(data.assumptions as never, {sources: data.sourcesById, index: data.sourceNumbers});
  const cells = [...table.querySelectorAll("td")].filter((td) => td.querySelector(".badge"));
  assert.isAbove(cells.length, 10);
  for (const td of cells) {
    const text = printed(td);
    assert.isNull(twice(text), text);
    assert.match(text, /\[\d+\] — .+, \d{1,2} \w{3} \d{4}/, `${text}: the link still names the publisher and date`);
  }
});

it("the provider's reported margin carries its source number wherever a sentence prints it: the critique, the trade-off table and the Scope", async () => {
  const {critiqueClaims, marginRef} = await import("../../docs/components/charts/recyclingCritique.js");
  const {tradeoffRows} = await import("../../docs/components/charts/commitmentTradeoffTable.js");
  const {projectDeal} = await import("../../src/core/index.js");
  const data = publicDataset(dataset, "test");
  let checked = 0;
  for (const deal of dataset.deals) {
    const p = projectDeal(dataset, deal.id, {draws: 0, tornadoFigures: []});
    const r = p.recycling;
    if (r.impliedMargin === null || !r.operatingProfitUsd) continue;
    const source = dataset.assumptions.find((a) => a.id === r.margin.id)!.source;
    const n = data.sourceNumbers[source];
    assert.isNumber(n, `${deal.id}: ${source}`);
    assert.strictEqual(marginRef(data, r), ` [${n}]`);
    const claims = critiqueClaims(r, {investor: "I", provider: "P", discountRate: 0.1, marginRef: marginRef(data, r)});
    const evidence = claims.critique.map((c) => c.evidence).join(" ");
    // "(it reports 35% [12])": the number inside the parenthesis, right after the figure.
    assert.match(evidence, new RegExp(`\\(it reports −?[\\d.]+% \\[${n}\\]\\)`), `${deal.id}: ${evidence}`);
    const rows = tradeoffRows(deal, p as never, marginRef(data, r));
    const profit = rows.map((row) => row.provider.figure?.text ?? "").find((t) => t.includes("it reports"));
    assert.include(profit, ` [${n}])`, `${deal.id}: ${profit}`);
    // The Scope sentence's margin clause: "against the provider's reported 35.4% [12] (a check, …)".
    const {impliedMarginClause} = await import("../../docs/components/sections/recycling.js");
    assert.match(impliedMarginClause(r, marginRef(data, r)), new RegExp(`reported −?[\\d.]+% \\[${n}\\] \\(a check`), deal.id);
    checked++;
  }
  assert.isAtLeast(checked, 7);
});
