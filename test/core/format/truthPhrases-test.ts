// The generated phrases of critic s8 M3, M11, M14 and the market's labels (s9): each checked on every deal it applies to.
import {readdirSync, readFileSync} from "node:fs";
import {assert, it} from "vitest";
import {dealCommitmentTotals} from "../../../src/core/commitment/dealCommitmentTotals.js";
import {capacityScope} from "../../../src/core/comparison/capacityScope.js";
import {
  bounded,
  boundWord,
  capacityLabel,
  capacityName,
  capacityPhrase,
  derivedText,
  figureRuns,
  figureWords,
  gw,
  historyText,
  isSuperseded,
  notProjectedText,
  termText,
  theFigure,
  usd
} from "../../../src/core/format/index.js";
import {headlineTerms} from "../../../src/core/headlines.js";
import {projectDeal} from "../../../src/core/project/projectDeal.js";
import {marketMap} from "../../../src/core/recycling/marketMap.js";
import {readValidDataset} from "../../../src/io/readDataset.js";
import {keyFigures} from "../../../src/site/briefingSummary.js";
import {figureTable} from "../../../src/site/figures.js";
import {formatFigure} from "../../../src/site/placeholders.js";
import {check, type Files} from "../../io/fixtures.js";

const dataset = await readValidDataset("data");

it("capacityLabel: a ceiling only when it is one; Amazon → OpenAI's 2 GW is the Trainium part, Nvidia → OpenAI's over 10 GW a floor", () => {
  assert.strictEqual(capacityLabel({ceiling: {bound: "up-to"}}), "Capacity ceiling");
  assert.strictEqual(capacityLabel({ceiling: {bound: "at-least"}}), "Capacity stated");
  assert.strictEqual(capacityLabel({ceiling: {bound: "about"}, covers: "Trainium"}), "Trainium capacity (part of the deal)");
  assert.strictEqual(capacityLabel({ceiling: {bound: "up-to"}, beyondCommitment: true}), "Capacity contracted on top");
  const labels = Object.fromEntries(dataset.deals.filter((d) => d.capacity).map((d) => [d.id, capacityLabel(d.capacity!)]));
  assert.strictEqual(labels["amazon-openai"], "Trainium capacity (part of the deal)");
  assert.strictEqual(labels["nvidia-openai"], "Capacity stated");
  for (const deal of dataset.deals) {
    if (!deal.capacity) continue;
    const label = capacityLabel(deal.capacity);
    // A partial figure (capacityScope) is never called the deal's ceiling, nor a floor.
    if (capacityScope(deal).partial) assert.include(label, "(part of the deal)", deal.id);
    if (deal.capacity.ceiling.bound === "at-least") assert.notInclude(label, "ceiling", deal.id);
    // The phrase reads for every deal: "only a ceiling of up to 5 GW", "only about 2 GW of Trainium capacity, part of the deal".
    const phrase = capacityPhrase(deal.capacity, bounded(deal.capacity.ceiling.value, deal.capacity.ceiling.bound, gw));
    assert.notMatch(phrase, /\b(a|the) (about|over|up to) /, `${deal.id}: ${phrase}`);
    if (capacityScope(deal).partial) assert.notInclude(phrase, "ceiling", deal.id);
  }
});

it("the key box labels each deal's capacity with capacityLabel (all 10 deals)", () => {
  const projections = Object.fromEntries(dataset.deals.map((d) => [d.id, projectDeal(dataset, d.id, {draws: 0, tornadoFigures: []})]));
  const table = figureTable({dataset, version: "t", projections});
  for (const deal of dataset.deals) {
    const row = keyFigures(table, deal.id).find((k) => /capacity|Capacity/.test(k.label) && !k.label.startsWith("GW"));
    if (!deal.capacity) {
      assert.strictEqual(row?.value, "not disclosed", deal.id);
      continue;
    }
    assert.strictEqual(row?.label, capacityLabel(deal.capacity), deal.id);
  }
});

it("deals check: a ceiling that leaves out hardware the deal names must say what it covers, and one that covers every chip must not", () => {
  const files: Files = {};
  for (const name of readdirSync("data")) if (name.endsWith(".yaml")) files[name] = readFileSync(`data/${name}`, "utf8");
  for (const name of readdirSync("data/deals")) files[`deals/${name}`] = readFileSync(`data/deals/${name}`, "utf8");
  assert.deepStrictEqual(check(files).problems, []);
  const ao = "deals/amazon-openai.yaml";
  const uncovered = check({...files, [ao]: (files[ao] as string).replace("  covers: Trainium\n", "")}).problems;
  assert.strictEqual(uncovered.length, 1);
  assert.match(uncovered[0].message, /say what it covers in capacity\.covers/);
  const aa = "deals/amazon-anthropic.yaml";
  const extra = check({...files, [aa]: (files[aa] as string).replace(/\n {2}chips: \[/, "\n  covers: Trainium\n  chips: [")}).problems;
  assert.strictEqual(extra.length, 1);
  assert.match(extra[0].message, /covers every chip the deal names/);
});

it("a superseded deal's projections give one line, and its CLI header says history (every superseded deal; no live one)", () => {
  const superseded = dataset.deals.filter(isSuperseded);
  assert.deepStrictEqual(
    superseded.map((d) => d.id),
    ["nvidia-openai"]
  );
  for (const deal of superseded) {
    const line = notProjectedText("How the capacity would have come online", deal);
    assert.match(
      line,
      /^How the capacity would have come online is not projected: Nvidia → OpenAI's terms were superseded in Feb 2026, so they are history/
    );
    assert.include(historyText(deal), "what they would have meant");
    assert.include(historyText(deal), "count in no ranking or total");
  }
  assert.strictEqual(
    notProjectedText("The fleet", {name: "X", status: "superseded"}),
    "The fleet is not projected: X's terms were superseded, so they are history, not capacity anyone is building to."
  );
  // A superseded deal counts in no live total: the market map draws no loop for it.
  const loops = marketMap(dataset).loops.map((l) => l.deal);
  for (const deal of superseded) assert.notInclude(loops, deal.id);
});

it("termText: each contract's own term, never a computed span (8.32 years); derivedText of every deal's term agrees", () => {
  assert.strictEqual(termText([10]), "10 years");
  assert.strictEqual(termText([7, 8]), "7–8 years (2 contracts)");
  assert.strictEqual(termText([5, 5, 5]), "5 years each (3 contracts)");
  assert.strictEqual(termText([1]), "1 year");
  assert.strictEqual(termText([]), null);
  for (const deal of dataset.deals) {
    const totals = dealCommitmentTotals(deal);
    if (!totals) continue;
    const words = derivedText(totals.years);
    // A single term keeps its own bound word ("about 5 years"); several are each contract's own.
    const terms = termText(deal.commitments.map((c) => c.years.value))!;
    if (deal.commitments.length > 1) assert.strictEqual(words, terms, deal.id);
    else assert.strictEqual(words.replace(/^(about|over|up to) /, ""), terms, deal.id);
    assert.notMatch(words, /\d\.\d/, `${deal.id}: ${words}`);
    if (deal.commitments.length > 1) assert.include(words, `(${deal.commitments.length} contracts)`, deal.id);
  }
  const ao = dealCommitmentTotals(dataset.deals.find((d) => d.id === "amazon-openai")!)!;
  // The model keeps its span: Nov 2025 + 7 years and Feb 2026 + 8 years, about 8.32 years.
  assert.isAbove(ao.years.value, 8.3);
  assert.isBelow(ao.years.value, 8.35);
});

it("theFigure: a bound figure follows its noun ('the ceiling of up to 5 GW'), a bare one precedes it, for every bound and every deal's capacity", () => {
  assert.strictEqual(theFigure("$99B", "firm investment"), "the $99B firm investment");
  assert.strictEqual(theFigure("about $99B", "firm investment"), "the firm investment of about $99B");
  for (const bound of ["up-to", "at-least", "about", "exact"] as const) {
    const text = bounded(99e9, bound, usd);
    const phrase = theFigure(text, "investment");
    assert.notMatch(phrase, /^the (about|over|up to) /, phrase);
    assert.include(phrase, text);
    assert.strictEqual(phrase.startsWith("the investment of "), boundWord(bound) !== "", phrase);
  }
  for (const deal of dataset.deals) {
    if (!deal.capacity) continue;
    const phrase = theFigure(bounded(deal.capacity.ceiling.value, deal.capacity.ceiling.bound, gw), "ceiling");
    assert.notMatch(phrase, /^the (about|over|up to) /, `${deal.id}: ${phrase}`);
  }
});

it("a figure computed at a floor capacity reads 'about … or more', never 'over' (its median's P10 is below it): Nvidia → OpenAI's CLI and cards", () => {
  assert.strictEqual(figureWords({value: 3.04e6, unit: "count", bound: "about", orMore: true}), "about 3.04 million or more");
  // One run, so print keeps it on one line and in one style.
  assert.deepStrictEqual(
    figureRuns("about 3.04 million or more accelerators").filter((r) => r.figure),
    [{text: "about 3.04 million or more", figure: true}]
  );
  for (const deal of dataset.deals) {
    if (!deal.capacity) continue;
    const p = projectDeal(dataset, deal.id, {draws: 0, tornadoFigures: []}).capacity;
    if (!p) continue;
    const floor = deal.capacity.ceiling.bound === "at-least";
    for (const f of [p.itMw, p.accelerators, p.energyTwhPerYear, p.h100e].filter((x) => x)) {
      const words = derivedText(f!);
      assert.strictEqual(words.endsWith(" or more"), floor, `${deal.id}: ${words}`);
      assert.notMatch(words, /^over /, `${deal.id}: ${words}`);
    }
  }
});

it("the market map's equity has the status the cards give (headlineTerms: a stated total settles it), for every loop of one investor", () => {
  for (const loop of marketMap(dataset).loops) {
    const deal = dataset.deals.find((d) => d.id === loop.deal)!;
    if (deal.investors.length !== 1) continue;
    const firm = headlineTerms(deal).firm;
    if (!firm) continue;
    assert.strictEqual(loop.equityFirmUsd.lineage.status, firm.fact?.status ?? firm.lineage.status, deal.id);
    assert.strictEqual(loop.equityFirmUsd.value, firm.usd, deal.id);
  }
});

it("the market key box says its count of negative cash NPVs is over the medians, with the base case's count where it differs", () => {
  const projections = Object.fromEntries(dataset.deals.map((d) => [d.id, projectDeal(dataset, d.id, {draws: 50, tornadoFigures: []})]));
  const table = figureTable({dataset, version: "t", projections});
  const row = keyFigures(table).find((k) => k.label === "Deals with a negative cash NPV")!;
  assert.match(row.value, /^\d+ of \d+ \(medians of the draws(; \d+ with every assumption at its base value)?\)$/);
  const basis = formatFigure(table.get("market.npv-negative.basis")!);
  const priced = dataset.deals.filter((d) => !d.supersededOn && projections[d.id].recycling.npvUsd);
  const base = priced.filter((d) => (projections[d.id].recycling.baseCase?.npvUsd ?? 0) < 0).length;
  const median = priced.filter((d) => projections[d.id].recycling.npvUsd!.value < 0).length;
  assert.strictEqual(basis.includes("base value"), base !== median, basis);
  // Without draws there is no median to name.
  const noDraws = figureTable({
    dataset,
    version: "t",
    projections: Object.fromEntries(dataset.deals.map((d) => [d.id, projectDeal(dataset, d.id, {draws: 0, tornadoFigures: []})]))
  });
  assert.strictEqual(formatFigure(noDraws.get("market.npv-negative.basis")!), "");
});

it("capacityName: a part of a deal's chips is named by what it covers, never the ceiling", () => {
  assert.strictEqual(capacityName({ceiling: {bound: "about"}, covers: "Trainium"}), "the Trainium capacity");
  assert.strictEqual(capacityName({ceiling: {bound: "up-to"}}), "the ceiling");
  assert.strictEqual(capacityName({ceiling: {bound: "at-least"}}), "the stated capacity");
  assert.strictEqual(capacityName({ceiling: {bound: "up-to"}, beyondCommitment: true}), "the capacity contracted on top");
  for (const deal of dataset.deals)
    if (deal.capacity && capacityScope(deal).partial) assert.notStrictEqual(capacityName(deal.capacity), "the ceiling", deal.id);
});
