// @vitest-environment jsdom
// "A figure computed from an assumption reads 'about'" (every briefing's footer; critic s16 #7): the Scope's "AWS
// keeps $19B", the capex, the ceiling-filled reading's "$470B … −$18.8B … $6.16B below the headline", the base values
// beside a median, and Fig. 2's "would cost $470B" printed without it while the cards beside them had it. Checked in
// the generated sentences of every deal, all printed.
import {assert, beforeAll, it} from "vitest";
import {critiqueClaims} from "../../docs/components/charts/recyclingCritique.js";
import {CommitmentSection, deliveredCostText} from "../../docs/components/sections/commitment.js";
import {ceilingFilledSentence, recyclingAnswer} from "../../docs/components/sections/recycling.js";
import {projectDeal} from "../../src/core/index.js";
import type {Dataset} from "../../src/core/model.js";
import {readValidDataset} from "../../src/io/readDataset.js";
import {publishedSite} from "../publishedSite.js";

let dataset: Dataset;
beforeAll(async () => {
  dataset = await readValidDataset("data");
});

/** A dollar amount not preceded by "about " (with or without a minus sign). */
const AMOUNT = String.raw`(?<!about [−-]?)(?<![−-])[−-]?\$[\d.,]+[MBT]?`;
/** A dollar figure right after words that introduce a computed figure, with no "about" between. */
const BARE = [
  /keeps [−-]?\$/,
  /cash over the term is [−-]?\$/,
  /must spend [−-]?\$/,
  /deliver the capacity \([−-]?\$/,
  /would be [−-]?\$/,
  new RegExp(`${AMOUNT} (below|above) the headline`),
  new RegExp(`${AMOUNT} at the base values`),
  new RegExp(`when the term ends, ${AMOUNT}`),
  new RegExp(`rent still owed, ${AMOUNT}`),
  /base value it is [−-]?\$/,
  /delivers, [−-]?\$/,
  /\([−-]?\$[\d.,]+[MBT]? of capex\)/,
  /would cost [−-]?\$/
];

function assertAbout(text: string, where: string) {
  for (const re of BARE) assert.notMatch(text, re, `${where}: ${text}`);
}

it("the recycling answer, the ceiling-filled reading and the critique write their computed figures with 'about', for every deal", () => {
  let checked = 0;
  for (const deal of dataset.deals) {
    const r = projectDeal(dataset, deal.id, {draws: 200, tornadoFigures: []}).recycling;
    const context = {data: dataset, dealId: deal.id} as never;
    const texts = [
      recyclingAnswer(context, r, 0.1),
      ceilingFilledSentence(context, r),
      ...critiqueClaims(r, {investor: "The investor", provider: "The provider", discountRate: 0.1}).critique.map((c) => c.evidence)
    ].filter((t): t is string => !!t);
    for (const t of texts) {
      console.log(`${deal.id}: ${t}`);
      assertAbout(t, deal.id);
      checked++;
    }
  }
  assert.isAbove(checked, 10);
});

it("Fig. 2's title and note: the capacity delivered at the contract price (an assumption) would cost about $X, for every deal", () => {
  let priced = 0;
  for (const deal of dataset.deals) {
    const p = projectDeal(dataset, deal.id, {draws: 0, tornadoFigures: []});
    const c = p.commitment;
    const gwYears = p.recycling.deliveredGwYears?.value;
    if (!c || !gwYears) continue;
    const text = deliveredCostText(gwYears * c.costPerGwYear.contract.value, c.costPerGwYear.contract);
    console.log(`${deal.id}: the capacity delivered would cost ${text}`);
    assert.match(text, /^about \$/, deal.id);
    priced++;
  }
  // Amazon → Anthropic's 42.8 GW-years × $11B: "about $470B".
  assert.isAbove(priced, 0);
  assert.strictEqual(deliveredCostText(470.3e9, {bound: "about"}), "about $470B");
  assert.strictEqual(deliveredCostText(470.3e9, {bound: "exact"}), "$470B");
});

it("the commitment section, printed for every deal: the capacity delivered, the build-up cost and the price the cash uses read 'about'", async () => {
  const {site} = await publishedSite();
  const data = site.publicData();
  const analysis = site.analysis();
  let priced = 0;
  for (const deal of dataset.deals) {
    const section = CommitmentSection({data, analysis, dealId: deal.id, width: 700, print: true} as never);
    const text = (section.textContent ?? "").replace(/\s+/g, " ");
    for (const m of text.matchAll(
      /(would cost|at|price a GW-year at) (about )?[−-]?\$[\d.,]+[MBT]? per GW-year, what a GW-year costs|would cost (about )?[−-]?\$[\d.,]+[MBT]?|price a GW-year at (about )?[−-]?\$[\d.,]+[MBT]?:/g
    )) {
      console.log(`${deal.id}: ${m[0]}`);
      assert.include(m[0], "about", deal.id);
      priced++;
    }
  }
  assert.isAbove(priced, 3);
});
