// @vitest-environment jsdom
// /comparison's call (docs/components/sections/comparisonCall.ts): every total, ranking and comparison read from the
// figures, checked here against the rows themselves; names from data stay text.
import {assert, beforeAll, it} from "vitest";
import {ComparisonCallBlock, comparisonCall} from "../../docs/components/sections/comparisonCall.js";
import type {SiteData} from "../../src/site/siteData.js";
import type {Analysis} from "../../src/site/types.js";
import {publishedSite} from "../publishedSite.js";

let analysis: Analysis;

beforeAll(async () => {
  const {site}: {site: SiteData} = await publishedSite();
  analysis = site.analysis();
});

it("the call weighs the commitments against the money invested, with the market's totals and their ratio", () => {
  const call = comparisonCall(analysis)!;
  const {commitmentUsd, investmentFirmUsd} = analysis.market!.all;
  // $1.04T of commitments against $99B invested, firm ($69B in the live deals and Nvidia's $30B stake in OpenAI, which
  // stands under its superseded letter): 1,040.4 / 99 = 10.51, printed "about 11×".
  assert.isAbove(commitmentUsd.value, investmentFirmUsd.value);
  assert.match(call.call, /^The money at stake in these deals is the labs' spending, not the suppliers' equity: /);
  assert.include(
    call.call,
    `the ${commitmentUsd.count} dollar commitments in the data add up to about $1.04T, about 11× the suppliers' firm investment in the labs, about $99B`
  );
  assert.deepStrictEqual(
    call.keyFigures.map((f) => f.label),
    ["Deals compared", "Dollar commitments, total", "Invested in the labs, firm, total", "Capacity ceilings, total"]
  );
  const live = analysis.comparison.filter((r) => !r.supersededOn);
  assert.strictEqual(call.keyFigures[0].value, `${live.length} live, ${analysis.comparison.length - live.length} superseded`);
});

it("each ranking in the takeaways is the rows' own order, among the deals not superseded", () => {
  const [largest, perDollar, ceiling, npv] = comparisonCall(analysis)!.takeaways;
  const live = analysis.comparison.filter((r) => !r.supersededOn);
  const by = (pick: (r: (typeof live)[number]) => {value: number} | null | undefined) =>
    live.filter((r) => (pick(r)?.value ?? 0) > 0).sort((a, b) => pick(b)!.value - pick(a)!.value);
  const commitments = by((r) => r.commitmentUsd);
  for (const r of commitments) assert.isAtLeast(commitments[0].commitmentUsd!.value, r.commitmentUsd!.value);
  assert.isTrue(largest.startsWith(`${commitments[0].name} is the largest commitment in the data`), largest);
  assert.include(largest, `next is ${commitments[1].name}`);
  // Money put in before the deal is not the deal's: Microsoft → OpenAI (2019–23 money only) is named apart (critic s9 M9).
  const ratios = by((r) => (r.ratioMoneyBeforeDeal ? null : r.commitmentToInvestment));
  assert.include(perDollar, `most per dollar invested in ${ratios[0].name}`);
  assert.include(perDollar, `the least in ${ratios[ratios.length - 1].name}`);
  assert.include(perDollar, `Of the ${ratios.length} deals with a dollar commitment and money the provider's group put in for the deal`);
  const mo = live.find((r) => r.id === "microsoft-openai")!;
  assert.isTrue(mo.ratioMoneyBeforeDeal);
  assert.notInclude(perDollar.slice(0, perDollar.indexOf(`${mo.name} is left out`)), mo.name);
  assert.include(perDollar, `${mo.name} is left out: the provider's money in it was all invested before the deal.`);
  assert.isFalse(live.find((r) => r.id === "amazon-anthropic")!.ratioMoneyBeforeDeal, "Amazon's $5B of 2026 is new money");
  const ceilings = by((r) => r.gw);
  assert.isTrue(ceilings.every((r) => ceilings[0].gw!.value >= r.gw!.value));
  assert.isTrue(ceiling.startsWith(`The largest capacity ceiling is ${ceilings[0].name}'s`), ceiling);
  const table = analysis.npvTable!;
  const best = table.rows.reduce((a, b) => (b.npvUsd > a.npvUsd ? b : a));
  assert.include(npv, `the best, ${best.name},`);
  assert.include(npv, `${table.priced} deals that can be priced`);
  assert.strictEqual(npv.startsWith("None of"), table.negative === table.priced);
});

it("a call with no commitment or investment still reads, and names from data stay text", () => {
  const hostile = '<img src=x onerror="alert(1)">';
  const rows = analysis.comparison.map((r) => ({...r, name: hostile}));
  const block = ComparisonCallBlock(comparisonCall({...analysis, comparison: rows}))!;
  assert.isNull(block.querySelector("img"));
  assert.include(block.textContent, hostile);
  const empty = comparisonCall({
    comparison: rows.map((r) => ({...r, commitmentUsd: null, commitmentToInvestment: null})),
    market: null,
    npvTable: null
  })!;
  assert.match(empty.call, /^\d+ live deals? side by side, on the same measures; none states a dollar commitment/);
  assert.strictEqual(empty.keyFigures.length, 1);
  assert.isNull(comparisonCall({comparison: [], market: null, npvTable: null}));
});

it("on a file that holds only the largest deals (above a dozen) the counts are the market's and the per-dollar ranking says among which", () => {
  // Three deals kept, as a page's file keeps the market's shown deals; the market still counts all ten.
  const kept = analysis.comparison.filter((r) => ["amazon-anthropic", "google-anthropic", "microsoft-nvidia-anthropic"].includes(r.id));
  const market = analysis.market!;
  const call = comparisonCall({...analysis, comparison: kept})!;
  assert.strictEqual(call.keyFigures[0].value, `${market.live} live, ${market.deals - market.live} superseded`);
  const perDollar = call.takeaways.find((t) => t.includes("per dollar invested"))!;
  assert.match(perDollar, new RegExp(`^Of the \\d+ deals among the 3 largest of the ${market.deals} with a dollar commitment`));
});
