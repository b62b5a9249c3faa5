// The briefings' page 1 on the repository's data: every deal has its own summary, none prints the generic template,
// every condition its prose relies on holds for the published figures, and a change of data that breaks a claim is
// flagged at the condition's line. The projections are computed once, as the site computes them.
import {existsSync} from "node:fs";
import {readFile} from "node:fs/promises";
import {assert, it} from "vitest";
import {figureWords, projectDeal} from "../../src/core/index.js";
import type {Dataset} from "../../src/core/model.js";
import type {Problem} from "../../src/io/problem.js";
import {readValidDataset} from "../../src/io/readDataset.js";
import {briefingCallFor} from "../../src/site/briefingSummary.js";
import {briefings} from "../../src/site/briefings.js";
import {checkReports} from "../../src/site/checkReports.js";
import {figureTable} from "../../src/site/figures.js";
import {formatFigure} from "../../src/site/placeholders.js";

const dataset = await readValidDataset("data");
/** Projections as the site computes them (its draws and seed), or at the base values alone with `draws: 0`. */
const project = (data: Dataset, draws?: number) =>
  Object.fromEntries(data.deals.map((d) => [d.id, projectDeal(data, d.id, {tornadoFigures: [], ...(draws === undefined ? {} : {draws})})]));
const projections = project(dataset);
const figures = figureTable({dataset, version: "test", projections});
const read = (file: string) => readFile(file, "utf-8");

it("every deal in the data has its own summary in reports/summaries, and none prints the generic template", async () => {
  for (const briefing of briefings(dataset.deals)) {
    if (!briefing.deal) continue;
    assert.isTrue(existsSync(`reports/summaries/${briefing.name}.md`), `${briefing.name} has no summary of its own`);
    const page = await briefingCallFor(briefing, figures, read);
    assert.isFalse(page.template, `${briefing.name} prints ${page.file}`);
    assert.strictEqual(page.file, `reports/summaries/${briefing.name}.md`);
  }
});

it("checkReports(dataset) finds no stale condition and no template in use on the repository's data", async () => {
  const warnings: Problem[] = [];
  const problems = await checkReports(dataset, {projections, warn: (p) => warnings.push(p)});
  assert.deepEqual(problems, []);
  assert.deepEqual(warnings, []);
});

it("every briefing's page 1 has one call sentence, 3–5 takeaways and key figures, with no placeholder left", async () => {
  for (const briefing of briefings(dataset.deals)) {
    const page = await briefingCallFor(briefing, figures, read);
    const call = page.callHtml.replace(/<[^>]+>/g, "").trim();
    assert.isNotEmpty(call, briefing.name);
    // One sentence: a full stop only at the end (decimal points and "vs." aside).
    assert.notMatch(call.slice(0, -1), /[a-z)]\.\s+[A-Z]/, `${briefing.name}: the call is more than one sentence: ${call}`);
    const takeaways = (page.takeawaysHtml.match(/<li>/g) ?? []).length;
    assert.isAtLeast(takeaways, 3, briefing.name);
    assert.isAtMost(takeaways, 5, briefing.name);
    assert.isAtLeast(page.keyFigures.length, 3, briefing.name);
    for (const html of [page.callHtml, page.takeawaysHtml, page.restHtml]) {
      assert.notInclude(html, "{{", briefing.name);
      assert.notInclude(html, "not disclosed%", briefing.name);
    }
  }
});

it("no page 1 puts an article before a bound word, pays a price per unit twice or calls a deal a ceiling (s18 critic read)", async () => {
  // "at the about 31% margin its cash flows imply" (three deals), "the commitment ÷ the about 22.5 GW-years" and "each
  // GW-year is paid about $13.3B per GW-year" (Oracle; Google's "each is paid … per GW-year") read as slips.
  let pages = 0;
  for (const briefing of briefings(dataset.deals)) {
    const page = await briefingCallFor(briefing, figures, read);
    const text = [page.callHtml, page.takeawaysHtml, page.restHtml]
      .join(" ")
      .replace(/<[^>]+>/g, "")
      .replace(/\s+/g, " ");
    assert.notMatch(text, /\b(?:the|a|an) (?:about|nearly|at least)\b/i, briefing.name);
    assert.notMatch(text, /\bis paid [^.;,]* per GW-year/, briefing.name);
    // A deal has a ceiling; it is not one (Broadcom's call read "Broadcom → OpenAI is the largest capacity ceiling").
    assert.notMatch(text, /→ [^,.;]*\bis the (?:largest|smallest) capacity ceiling/, briefing.name);
    pages++;
  }
  assert.strictEqual(pages, dataset.deals.length + 1);
});

it("no deal's page 1 prints an investor's sentence without investment, or a payback claim beside a negative NPV", async () => {
  for (const briefing of briefings(dataset.deals)) {
    if (!briefing.deal) continue;
    const r = projections[briefing.deal].recycling;
    const page = await briefingCallFor(briefing, figures, read);
    const text = [page.callHtml, page.takeawaysHtml].join(" ");
    if (r.newMoneyExpectedUsd.value === 0) assert.notMatch(text, /new money of|netting/i, briefing.name);
    if (r.npvUsd && r.npvUsd.value < 0) assert.notMatch(text, /pays (the new money )?back within|comes out ahead/i, briefing.name);
    if (r.npvUsd && r.npvUsd.value > 0) assert.notMatch(text, /does not (earn|come) back/i, briefing.name);
  }
});

it("every deal's page 1 gives the operating profit the flows imply (a base-case figure) in a sentence that says so, beside median headlines (critic s14 #11)", async () => {
  let seen = 0;
  for (const briefing of briefings(dataset.deals)) {
    if (!briefing.deal) continue;
    const op = figures.get(`${briefing.deal}.econ.operating-profit-implied`);
    if (op?.kind !== "number") continue;
    const page = await briefingCallFor(briefing, figures, read);
    const text = page.takeawaysHtml.replace(/<[^>]+>/g, "").replace(/\s+/g, " ");
    const at = text.indexOf(formatFigure(op).replace(/\s*\(.*$/, ""));
    if (at < 0) continue;
    seen++;
    // The sentence that holds it (from the last full stop before it) names the base values before the figure.
    const sentence = text.slice(text.lastIndexOf(". ", at) + 1, at);
    assert.match(sentence, /base value/, `${briefing.name}: ${sentence}`);
  }
  assert.isAtLeast(seen, 7);
});

it("when the data changes, a claim that no longer holds is flagged stale at file:line, and a call written to turn turns", async () => {
  // The contract price raised to $15B per GW-year: Microsoft + Nvidia → Anthropic's cash NPV turns positive, which its
  // call states is below zero (a {{#holds}}), and Microsoft → OpenAI's turns positive, which its call follows ({{#if}}).
  const changed: Dataset = {
    ...dataset,
    assumptions: dataset.assumptions.map((a) => (a.id === "revenue-per-gw-year" ? {...a, base: 15, high: 15.01, low: 14.99} : a)),
    // The scenarios' overrides must lie inside the changed range: the price is left at base in them.
    scenarios: dataset.scenarios.map((s) => {
      const {"revenue-per-gw-year": _, ...overrides} = s.overrides;
      return {...s, overrides};
    })
  };
  // At the base values alone (no draws): the range is too narrow to matter, and the test stays fast.
  const changedProjections = project(changed, 0);
  const problems = await checkReports(changed, {projections: changedProjections});
  const stale = problems.filter((p) => p.field === "stale" && p.file === "reports/summaries/deal-microsoft-nvidia-anthropic.md");
  assert.strictEqual(stale.length, 1, JSON.stringify(problems));
  assert.strictEqual(stale[0].line, 1);
  assert.strictEqual(stale[0].col, 1);
  assert.match(
    stale[0].message,
    /relies on "deal\.recycling\.npv < 0", which no longer holds: microsoft-nvidia-anthropic\.recycling\.npv \(about \$[\d.]+[BM]\) is not < 0/
  );
  assert.match(stale[0].message, /meanwhile the briefing prints reports\/summaries\/deal\.md/);
  const table = figureTable({dataset: changed, version: "test", projections: changedProjections});
  const pageOf = (deal: string) => briefingCallFor(briefings(changed.deals).find((b) => b.deal === deal)!, table, read);
  // The stale summary is not printed: the template is.
  const stalePage = await pageOf("microsoft-nvidia-anthropic");
  assert.isTrue(stalePage.template);
  // Microsoft → OpenAI's own summary turns with its NPV's sign, and is not stale.
  assert.isEmpty(problems.filter((p) => p.file === "reports/summaries/deal-microsoft-openai.md"));
  const turned = await pageOf("microsoft-openai");
  assert.isFalse(turned.template);
  assert.match(turned.callHtml, /comes out ahead in cash/);
  assert.notMatch(turned.callHtml, /does not earn back/);
});

it("checkReports(dataset) locates a stale condition in the market summary and says when a new deal prints the template", async () => {
  const market = "Call.\n\n- a\n- b\n- c\n{{#holds market.npv-deals > 100}}\n";
  const warnings: Problem[] = [];
  const problems = await checkReports(dataset, {
    projections,
    read: async (file) =>
      file.endsWith("market.md")
        ? market
        : file.endsWith("amd-openai.md")
          ? Promise.reject(Object.assign(new Error("x"), {code: "ENOENT"}))
          : read(file),
    warn: (p) => warnings.push(p)
  });
  const stale = problems.find((p) => p.file === "reports/summaries/market.md");
  assert.strictEqual(stale?.line, 6);
  assert.strictEqual(stale?.col, 1);
  assert.strictEqual(stale?.field, "stale");
  // A deal without its own file: briefings() picks the template when the file is absent on disk, so simulate a new deal.
  const added: Dataset = {...dataset, deals: [...dataset.deals, {...dataset.deals[0], id: "newco-lab", name: "Newco → Lab"}]};
  const more: Problem[] = [];
  await checkReports(added, {projections: {...projections, "newco-lab": projections[dataset.deals[0].id]}, warn: (p) => more.push(p)});
  assert.deepEqual(
    more.map((w) => w.message),
    ["deal-newco-lab has no summary of its own and prints this generic template; write reports/summaries/deal-newco-lab.md"]
  );
  assert.isEmpty(warnings);
});

it("one truth on page 1 (critic s8 H1, H5): the NPV says it is the median, a sign the base case flips is printed beside it, the payback near even odds is a share, and the coverage is the card's", async () => {
  const formatted = (name: string) => formatFigure(figures.get(name) ?? {kind: "missing"});
  for (const briefing of briefings(dataset.deals)) {
    if (!briefing.deal) continue;
    const r = projections[briefing.deal].recycling;
    const page = await briefingCallFor(briefing, figures, read);
    const call = page.callHtml.replace(/<[^>]+>/g, "");
    const takeaways = page.takeawaysHtml.replace(/<[^>]+>/g, "");
    const row = (label: string) => page.keyFigures.find((k) => k.label.startsWith(label))?.value;
    // The key box's coverage is the commitment card's and the CLI's figure (commitment.coverage), not a second ratio.
    if (projections[briefing.deal].commitment?.coverage)
      assert.strictEqual(row("GW-years bought at the market price"), formatted(`${briefing.deal}.econ.coverage`), briefing.name);
    else assert.isUndefined(row("GW-years bought at the market price"), briefing.name);
    if (!r.npvUsd || !r.baseCase) continue;
    assert.match(row("Provider's cash NPV") ?? "", /\(median of the draws\)$/, briefing.name);
    assert.include(call, "the median of its draws", briefing.name);
    // Where the median and the base case lie on opposite sides of zero, the call prints both.
    const about = (v: number) => figureWords({value: v, unit: "usd", bound: "about", derived: true});
    const pairs: [number | null | undefined, number | null | undefined][] = [
      [r.npvUsd.value, r.baseCase.npvUsd],
      [r.npvWithResidualUsd?.value, r.baseCase.npvWithResidualUsd]
    ];
    for (const [median, base] of pairs)
      if (median != null && base != null && Math.sign(median) !== Math.sign(base)) {
        assert.include(call, about(median), briefing.name);
        assert.include(call, about(base), briefing.name);
        assert.include(call, "with every assumption at its base value", briefing.name);
      }
    // Near even odds neither "no payback" nor a payback year is the word: the share is.
    const never = r.paybackNeverShare ?? 0;
    if (never >= 0.4 && never <= 0.6) {
      assert.include(takeaways, "Payback at about even odds.", briefing.name);
      assert.notMatch(takeaways, /No payback within the deal|Payback only|Payback, undiscounted/, briefing.name);
      assert.match(row("Payback year") ?? "", /^about even odds: within the deal in \d+% of the draws$/, briefing.name);
    } else {
      assert.notInclude(takeaways, "even odds", briefing.name);
      assert.notMatch(row("Payback year") ?? "", /even odds/, briefing.name);
    }
  }
});

it("the market call's count of deals above zero with the term-end value names its basis, and the base case's count where it differs (critic s8 H1)", async () => {
  const market = briefings(dataset.deals).find((b) => !b.deal)!;
  // The count sits in the call or, on the market's short call (critic s8 H4), in the takeaway on the term-end value.
  const page = await briefingCallFor(market, figures, read);
  const call = `${page.callHtml} ${page.takeawaysHtml}`.replace(/<[^>]+>/g, "").replace(/\s+/g, " ");
  const live = dataset.deals.filter((d) => !d.supersededOn && projections[d.id].recycling.npvUsd);
  const above = (pick: (d: (typeof live)[number]) => number | null | undefined) => live.filter((d) => (pick(d) ?? 0) > 0).length;
  const median = above((d) => projections[d.id].recycling.npvWithResidualUsd?.value);
  const base = above((d) => projections[d.id].recycling.baseCase?.npvWithResidualUsd);
  assert.match(call, new RegExp(`\\b${median} of (?:them|the ${live.length})\\b`));
  assert.include(call, "in the median draw");
  if (base !== median) assert.include(call, `in the median draw, ${base} with every assumption at its base value`);
});

/** Returns the first stretch of `text` in parentheses inside parentheses ("(about $43.9B (Oracle → OpenAI (Stargate)))"), or null. */
function nestedParenthesis(text: string): string | null {
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "(") {
      if (depth === 0) start = i;
      depth++;
      if (depth > 1) return text.slice(start, text.indexOf(")", i) + 2);
    } else if (text[i] === ")") depth = Math.max(0, depth - 1);
  }
  return null;
}

it("page 1 puts no deal name in parentheses (s14 critic #20: 'the best Oracle → OpenAI (Stargate) (about $18B)', '$43.9B (Oracle → OpenAI (Stargate))')", async () => {
  // The name of a deal that holds a parenthesis, and the rows that put such names next to a figure.
  assert.isTrue(dataset.deals.some((d) => d.name.includes("(")));
  for (const briefing of briefings(dataset.deals)) {
    const page = await briefingCallFor(briefing, figures, read);
    for (const html of [page.callHtml, page.takeawaysHtml]) {
      const text = html.replace(/<[^>]+>/g, "");
      for (const deal of dataset.deals) {
        const at = text.indexOf(deal.name);
        if (at < 0) continue;
        assert.notMatch(
          text.slice(at + deal.name.length, at + deal.name.length + 2),
          /^ \(/,
          `${briefing.name}: "${deal.name} (" in: ${text.slice(at, at + 80)}`
        );
        assert.notMatch(text.slice(Math.max(0, at - 1), at), /\(/, `${briefing.name}: "(${deal.name}" in: ${text.slice(at - 40, at + 60)}`);
      }
      assert.isNull(nestedParenthesis(text), briefing.name);
    }
  }
});

/** Every word of the names in the data (companies, deals, chips): a profile phrase opening on one is a name. */
const names = new Set(
  [...dataset.companies.map((c) => c.name), ...dataset.deals.map((d) => d.name), ...dataset.chips.map((c) => c.name)].flatMap((n) =>
    n.split(/[\s→(),']+/)
  )
);

it("page 1 never pastes a deal's profile text after a colon, where its capital letter reads wrong (s14 critic #20: 'for TPU capacity: Well over 1 GW')", async () => {
  for (const briefing of briefings(dataset.deals)) {
    if (!briefing.deal) continue;
    const deal = dataset.deals.find((d) => d.id === briefing.deal)!;
    const page = await briefingCallFor(briefing, figures, read);
    const text = [page.callHtml, page.takeawaysHtml, page.restHtml]
      .join(" ")
      .replace(/<[^>]+>/g, "")
      .replace(/\s+/g, " ");
    for (const phrase of Object.values(deal.profile)) {
      // A phrase that opens on a name ("OpenAI's own accelerator", "Nvidia GPUs") keeps its capital anywhere.
      const first = typeof phrase === "string" ? phrase.split(/[\s',]/)[0] : "";
      if (!/^[A-Z][a-z]/.test(first) || names.has(first)) continue;
      // A one-word label that opens its sentence ("Governance: Minority, non-voting…") is a field, not prose.
      assert.notMatch(
        text,
        new RegExp(`(?<!(^|\\. )[A-Z][a-z]+): ${phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`),
        `${briefing.name}: "${phrase}" follows a colon`
      );
    }
  }
});
