// One figure, one spelling: every headline figure of every deal (the keys the manifest publishes) reads the same,
// value, bound word and status, through the CLI (`deals project`), the site data the pages are written from, and the
// briefings' executive summaries (placeholders). Pure functions only: no build, no browser.
import {readFile} from "node:fs/promises";
import {afterEach, assert, beforeAll, it, vi} from "vitest";
import {headlineJson, projectCommand, projectionJson} from "../../src/cli/project.js";
import type {HeadlineFigure} from "../../src/core/index.js";
import type {Dataset} from "../../src/core/model.js";
import {figureTable} from "../../src/site/figures.js";
import {resolvePlaceholders} from "../../src/site/placeholders.js";
import {ANALYSIS_DRAWS, siteData} from "../../src/site/siteData.js";
import {publishedSite} from "../publishedSite.js";
import {nameOf, PLACEHOLDERS, siteSpelling} from "./figureSpelling.js";

let dataset: Dataset;
let site: ReturnType<typeof siteData>;
let published: HeadlineFigure[];

beforeAll(async () => {
  // The published site data (every deal at ANALYSIS_DRAWS), computed once per test worker and shared with other files.
  ({dataset, site} = await publishedSite());
  assert.strictEqual(site.analysis().projections[dataset.deals[0].id].uncertainty?.draws, ANALYSIS_DRAWS);
  published = site.figures();
});

afterEach(() => {
  vi.restoreAllMocks();
});

const stated = (f: HeadlineFigure) => `"${f.key}"`;

it("every deal publishes headline figures", () => {
  for (const deal of dataset.deals) {
    const n = published.filter((f) => f.deal === deal.id).length;
    assert.isAbove(n, 0, `${deal.id}: ${n} headline figures`);
  }
});

it("deals project --json gives every published headline figure the manifest's value, bound, status and words", () => {
  let checked = 0;
  for (const deal of dataset.deals) {
    const p = site.analysis().projections[deal.id];
    const json = projectionJson(p, headlineJson(dataset, p));
    const cli = new Map(json.headlines.map((h) => [h.key, h]));
    for (const f of published.filter((x) => x.deal === deal.id)) {
      const h = cli.get(f.key);
      assert.ok(h, `${stated(f)}: published in the manifest, missing from deals project --json`);
      assert.deepStrictEqual(
        {value: h.value, bound: h.bound, status: h.status},
        {value: f.value, bound: f.bound, status: f.status},
        `${stated(f)}: deals project --json vs the manifest`
      );
      checked++;
    }
    assert.strictEqual(cli.size, published.filter((x) => x.deal === deal.id).length, `${deal.id}: the CLI publishes other keys`);
  }
  assert.isAbove(checked, dataset.deals.length);
});

it("the site data, the CLI's words and the briefings' placeholders spell each headline figure the same", async () => {
  const table = figureTable({dataset, version: "test"});
  const publicDeals = new Map(site.publicData().deals.map((d) => [d.id, d]));
  const problems: string[] = [];
  let checked = 0;
  for (const deal of dataset.deals) {
    const p = site.analysis().projections[deal.id];
    const cli = new Map(headlineJson(dataset, p).map((h) => [h.key, h]));
    for (const f of published.filter((x) => x.deal === deal.id)) {
      const name = nameOf(f);
      const words = cli.get(f.key)!;
      const onSite = siteSpelling(name, publicDeals.get(deal.id)!, p);
      if (!onSite) problems.push(`${stated(f)}: the CLI says "${words.text}" (${words.status}); the site data has no such figure`);
      else if (onSite.text !== words.text || onSite.status !== words.status)
        problems.push(`${stated(f)}: the CLI says "${words.text}" (${words.status}), the site "${onSite.text}" (${onSite.status})`);
      const placeholder = PLACEHOLDERS[name];
      if (placeholder) {
        const briefing = resolvePlaceholders(`{{deal.${placeholder}}}`, table, {file: "test.md", deal: deal.id}).replace(/\\/g, "");
        if (briefing !== words.text)
          problems.push(`${stated(f)}: the CLI says "${words.text}", the briefings' {{deal.${placeholder}}} "${briefing}"`);
      }
      checked++;
    }
  }
  assert.deepStrictEqual(problems, []);
  assert.isAbove(checked, dataset.deals.length);
});

it("the executive summaries, as published, write each named headline figure with the CLI's words", async () => {
  const problems: string[] = [];
  let checked = 0;
  for (const briefing of (await site.briefings()).briefings) {
    // Page 1 (the call, its takeaways) and the rest of the executive summary.
    const text = [briefing.call.callHtml, briefing.call.takeawaysHtml, briefing.summaryHtml]
      .join(" ")
      .replace(/<[^>]+>/g, "")
      .replace(/&amp;/g, "&")
      .replace(/\s+/g, " ");
    const markdown = await readFile(briefing.summary, "utf-8");
    for (const [name, placeholder] of Object.entries(PLACEHOLDERS)) {
      for (const deal of dataset.deals) {
        const named =
          markdown.includes(`{{${deal.id}.${placeholder}}}`) || (briefing.deal === deal.id && markdown.includes(`{{deal.${placeholder}}}`));
        if (!named) continue;
        const f = published.find((x) => x.key === `${deal.id}.${name}`);
        if (!f) continue;
        const words = headlineJson(dataset, site.analysis().projections[deal.id]).find((h) => h.key === f.key)!;
        if (!text.includes(words.text))
          problems.push(`${stated(f)}: the CLI says "${words.text}"; briefing ${briefing.name}'s summary does not`);
        checked++;
      }
    }
  }
  assert.deepStrictEqual(problems, []);
  assert.isAbove(checked, 0);
});

it("deals project (text) prints each headline figure it lists with the manifest's words and status", async () => {
  const lines: string[] = [];
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void lines.push(args.join(" ")));
  let checked = 0;
  for (const deal of ["amazon-anthropic", "microsoft-openai"].filter((id) => dataset.deals.some((d) => d.id === id))) {
    lines.length = 0;
    assert.strictEqual(await projectCommand(deal, {}), 0);
    const output = lines.join("\n");
    for (const f of published.filter((x) => x.deal === deal && nameOf(x) !== "recycling.paybackYear")) {
      const words = headlineJson(dataset, site.analysis().projections[deal]).find((h) => h.key === f.key)!;
      assert.match(output, new RegExp(`${escapeRegExp(words.text)}\\s+${f.status}`), `${stated(f)} in deals project ${deal}`);
      checked++;
    }
  }
  assert.isAbove(checked, 0);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

it("a stated figure with four significant digits keeps them in the CLI, the site data and the briefings; a sum has three", () => {
  // The firm total of the founding deal stated as $13.125B (confirmed), and its milestone tranche as $20.4567B: the
  // stated total is written as its source wrote it, the maximum (a sum of tranches, derived) at 3 s.f.
  const edited: Dataset = structuredClone(dataset);
  const deal = edited.deals.find((d) => d.id === "amazon-anthropic")!;
  const firmTotal = deal.totals.find((t) => t.id === "firm-total")!.amount;
  firmTotal.value = 13.125;
  firmTotal.status = "confirmed";
  deal.totals = deal.totals.filter((t) => t.id === "firm-total");
  const milestones = deal.tranches.find((t) => !t.firm)!;
  milestones.amount.value = 20.4567;
  const p = siteData({dataset: edited, version: "test", previous: null, draws: {analysis: 0, bands: 0}}).analysis().projections[deal.id];
  const cli = new Map(headlineJson(edited, p).map((h) => [h.key.slice(deal.id.length + 1), h]));
  const table = figureTable({dataset: edited, version: "test"});
  const briefing = (name: string) => resolvePlaceholders(`{{deal.${name}}}`, table, {file: "test.md", deal: deal.id});
  assert.strictEqual(cli.get("investment.firm")!.text, "$13.125B");
  assert.strictEqual(siteSpelling("investment.firm", deal, p)!.text, "$13.125B");
  assert.strictEqual(briefing("terms.firm"), "$13.125B");
  // Maximum: 1.25 + 2.75 + 4 + 5 + 20.4567 = 33.4567 → "up to $33.5B" (the milestone tranche is an "up to").
  assert.strictEqual(cli.get("investment.max")!.text, "up to $33.5B");
  assert.strictEqual(siteSpelling("investment.max", deal, p)!.text, "up to $33.5B");
  assert.strictEqual(briefing("terms.max"), "up to $33.5B");
  assert.strictEqual(briefing("terms.contingent"), "up to $20.4567B");
});
