// @vitest-environment jsdom
// "Firm" and "up to" do not go together (the s14 rule; critic s16 #3): Microsoft + Nvidia → Anthropic's up to $15B
// read "Invested, committed" on page 1 but "Invested, firm" on the p.2 card, the market's glance card and the market
// table's column, and its investment card printed "new money (this deal): $5B expected" beside the Scope's "up to $5B,
// counted at that ceiling". One rule in code (core firmWord) labels every place, for every deal.
import {assert, it} from "vitest";
import {DealCard} from "../../docs/components/dealCard.js";
import {newMoneyCard, newMoneyScope} from "../../docs/components/sections/recycling.js";
import {ComparisonDealsTable} from "../../docs/components/tables/comparisonDeals.js";
import {compareDeals, firmWord, headlineTerms, projectDeal} from "../../src/core/index.js";
import {readValidDataset} from "../../src/io/readDataset.js";
import {DEAL_KEY_FIGURES} from "../../src/site/briefingSummary.js";

const dataset = await readValidDataset("data");

it("firmWord: firm with no ceiling, committed when every amount is a ceiling, both for a mixed column", () => {
  assert.strictEqual(firmWord(["exact"]), "firm");
  assert.strictEqual(firmWord([undefined, "at-least", "about"]), "firm");
  assert.strictEqual(firmWord(["up-to"]), "committed");
  assert.strictEqual(firmWord(["exact", "up-to"]), "firm or committed");
});

it("every deal card labels its money by the rule: never 'firm' beside 'up to'", () => {
  const options = {
    sources: Object.fromEntries(dataset.sources.map((s) => [s.id, s])),
    companies: Object.fromEntries(dataset.companies.map((c) => [c.id, c.name]))
  };
  const labels: Record<string, string> = {};
  for (const deal of dataset.deals) {
    const card = DealCard(deal, options);
    const text = card.textContent ?? "";
    assert.notMatch(text, /firm\s*up to/, deal.id);
    const label = /Invested, (firm|committed)/.exec(text)?.[0];
    if (label) labels[deal.id] = label;
    assert.strictEqual(label, `Invested, ${firmWord([headlineTerms(deal).firm?.bound])}`, deal.id);
  }
  assert.strictEqual(labels["microsoft-nvidia-anthropic"], "Invested, committed");
  assert.strictEqual(labels["amazon-anthropic"], "Invested, firm");
  // Page 1's key box takes its ceiling label from the same rule.
  const firmRow = DEAL_KEY_FIGURES.find(([, figure]) => figure === "deal.terms.firm");
  assert.strictEqual(firmRow?.[2]?.ceilingLabel, "Invested, committed");
});

it("the market table's column says 'firm or committed' when a row's money is a ceiling", () => {
  const rows = compareDeals(dataset);
  const table = ComparisonDealsTable(rows, {print: true});
  const headers = [...table.querySelectorAll("th")].map((th) => th.textContent ?? "");
  assert.isTrue(rows.some((r) => r.investmentFirmUsd.bound === "up-to"));
  assert.isTrue(
    headers.some((h) => h.startsWith("$ invested, firm or committed")),
    headers.join(" | ")
  );
  const firmOnly = ComparisonDealsTable(
    rows.filter((r) => r.investmentFirmUsd.bound !== "up-to"),
    {print: true}
  );
  assert.isTrue([...firmOnly.querySelectorAll("th")].some((th) => (th.textContent ?? "").startsWith("$ invested, firm")));
  assert.isFalse([...firmOnly.querySelectorAll("th")].some((th) => (th.textContent ?? "").includes("committed,")));
});

it("the investment card's new money keeps its ceiling as the Scope does, for every deal", () => {
  assert.strictEqual(newMoneyCard(5e9, {value: 5e9, bound: "up-to"}), "up to $5B");
  assert.strictEqual(newMoneyCard(15e9, {value: 25e9, bound: "exact"}), "$15B expected (up to $25B)");
  for (const deal of dataset.deals) {
    const r = projectDeal(dataset, deal.id, {draws: 0, tornadoFigures: []}).recycling;
    const card = newMoneyCard(r.newMoneyExpectedUsd.value, r.newMoneyMaxUsd);
    const scope = newMoneyScope(r.newMoneyExpectedUsd.value, r.newMoneyMaxUsd);
    console.log(`${deal.id}: card "${card}" · scope "${scope}"`);
    // A ceiling in the Scope is a ceiling on the card; "expected" only where a contingent tranche lifts the ceiling.
    assert.strictEqual(scope.startsWith("up to"), card.startsWith("up to"), deal.id);
    assert.strictEqual(scope.includes("expected"), card.includes("expected"), deal.id);
  }
});
