// @vitest-environment jsdom
// /comparison's first screen (docs/components/sections/comparison.ts, issue #18): up to a dozen deals it draws every
// one; above, the deals the market details and one row summing the others, so its size does not grow with the number
// of deals, and a button draws them all. Checked on the real deals and on copies of them (40, 80 and 100 deals).
import {assert, beforeAll, it} from "vitest";
import {comparison, comparisonView, divisorNotes, othersRow} from "../../docs/components/sections/comparison.js";
import {comparisonFigureText} from "../../docs/components/tables/comparisonFigure.js";
import {type DealComparison, MARKET_TOP, marketAggregate} from "../../src/core/index.js";
import type {Analysis, PublicDataset} from "../../src/site/types.js";
import {publishedSite} from "../publishedSite.js";

let analysis: Analysis;
let data: PublicDataset;

beforeAll(async () => {
  const {site} = await publishedSite();
  analysis = site.analysis();
  data = site.publicData();
});

/**
 * Returns the real rows plus copies of them up to `n` deals, each copy with its own id and name and its commitment,
 * investment and GW scaled by `share` × (i + 1) / n: with a share of 1 the copies rank between and below the real
 * deals; with 0.1 every copy is smaller than the real deals' largest five by each measure, whatever `n`.
 */
function manyRows(n: number, share = 1): DealComparison[] {
  const real = analysis.comparison;
  const scale = <F extends {value: number} | null>(f: F, k: number): F => (f ? {...f, value: f.value * k} : f);
  const copies = Array.from({length: n - real.length}, (_, i) => {
    const row = real[i % real.length];
    const k = (share * (i + 1)) / n;
    return {
      ...row,
      id: `${row.id}-copy-${i}`,
      name: `${row.name} (copy ${i})`,
      commitmentUsd: scale(row.commitmentUsd, k),
      investmentFirmUsd: scale(row.investmentFirmUsd, k),
      gw: scale(row.gw, k)
    };
  });
  return [...real, ...copies];
}

/** Returns the data and analysis of a page with `rows` (deals copied with the rows' ids, for the footnotes). */
function page(rows: DealComparison[]): {data: PublicDataset; analysis: Analysis} {
  const deals = rows.map((r) => ({...data.deals.find((d) => r.id.startsWith(d.id))!, id: r.id, name: r.name}));
  return {data: {...data, deals}, analysis: {...analysis, comparison: rows, market: marketAggregate(rows)}};
}

it("up to a dozen deals (the real data) the table and the scatter draw every deal and no others row", () => {
  const rows = analysis.comparison;
  assert.isAtMost(rows.length, 12);
  const view = comparisonView(rows, analysis.market);
  assert.deepStrictEqual(
    view.table.map((r) => r.id),
    rows.map((r) => r.id)
  );
  assert.strictEqual(view.scatter.length, rows.length);
  assert.isNull(view.others);
  const section = comparison.render({data, analysis, width: 640}) as HTMLElement;
  assert.strictEqual(section.querySelectorAll("table.comparison-deals tbody tr").length, rows.length);
  assert.isNull(section.querySelector(".comparison-others"));
  assert.isNull(section.querySelector(".comparison-show-all"));
});

it("above a dozen deals the table draws the market's detailed deals and sums the others in one row", () => {
  const rows = manyRows(100);
  const market = marketAggregate(rows);
  const view = comparisonView(rows, market);
  assert.deepStrictEqual(
    view.table.map((r) => r.id),
    market.shown
  );
  assert.isAtMost(view.table.length, 3 * MARKET_TOP);
  // The largest commitment of all is in the table, and none left out is larger than the smallest of the top five.
  const byCommitment = [...rows]
    .filter((r) => r.status !== "superseded")
    .sort((a, b) => (b.commitmentUsd?.value ?? 0) - (a.commitmentUsd?.value ?? 0));
  for (const r of byCommitment.slice(0, MARKET_TOP)) assert.include(market.shown, r.id);
  // The others: every live deal not in the table, their commitments summed by hand.
  const left = rows.filter((r) => !market.shown.includes(r.id) && r.status !== "superseded");
  assert.strictEqual(view.others?.deals, left.length);
  const sum = left.reduce((s, r) => s + (r.commitmentUsd?.value ?? 0), 0);
  assert.approximately(view.others!.commitmentUsd.value, sum, 1e-6 * sum);
  assert.strictEqual(view.table.length + left.length + view.supersededLeftOut, rows.length);
  // The scatter: the table's deals and at most the four its sentence names.
  for (const r of view.table) assert.include(view.scatter, r);
  assert.isAtMost(view.scatter.length, view.table.length + 4);
  // The last row's text: how many deals, and their totals in the figure vocabulary.
  const row = othersRow(view.others!);
  assert.strictEqual(row.label, `The other ${left.length} live deals, together`);
  assert.match(row.cells.commitmentUsd ?? "", /\$[\d.]+[BT]$/);
});

it("the section drawn at 40 and at 80 deals has the same rows, and its button draws every deal", () => {
  const drawn = (n: number) => {
    const {data: d, analysis: a} = page(manyRows(n, 0.1));
    return comparison.render({data: d, analysis: a, width: 640}) as HTMLElement;
  };
  const [forty, eighty] = [drawn(40), drawn(80)];
  const bodyRows = (el: Element) => el.querySelectorAll("table.comparison-deals tbody tr").length;
  assert.strictEqual(bodyRows(forty), bodyRows(eighty));
  assert.isAtMost(bodyRows(forty), 3 * MARKET_TOP);
  const dots = (el: Element) => el.querySelectorAll(".comparison-scatter circle").length;
  assert.isAbove(dots(forty), 0);
  // A dot per deal of the table with both figures, and at most the four deals the sentence names besides.
  for (const el of [forty, eighty]) assert.isAtMost(dots(el), bodyRows(el) + 4);
  assert.match(forty.querySelector(".comparison-others th")?.textContent ?? "", /^The other \d+ live deals, together$/);
  // The markup grows only with the digits of the counts, not with the deals.
  assert.isBelow(Math.abs(eighty.outerHTML.length - forty.outerHTML.length), 2000);
  const notes = [...forty.querySelectorAll(".comparison-note")].map((p) => p.textContent ?? "");
  assert.isTrue(
    notes.some((t) => t.startsWith(`${bodyRows(forty)} of the 40 deals: the 5 largest by firm investment`)),
    notes.join("\n")
  );
  assert.isTrue(
    notes.some((t) => /^The chart draws \d+ of the 40 deals: the table's \d+/.test(t)),
    notes.join("\n")
  );
  const host = document.createElement("div");
  document.body.append(host);
  host.append(forty);
  (forty.querySelector(".comparison-show-all") as HTMLButtonElement).click();
  const all = host.firstElementChild!;
  assert.strictEqual(bodyRows(all), 40);
  assert.isNull(all.querySelector(".comparison-others"));
  assert.isNull(all.querySelector(".comparison-show-all"));
  // The reader goes on from the table: focus moves to it.
  assert.strictEqual(document.activeElement, all.querySelector(".comparison-scroll"));
  host.remove();
});

it("divisorNotes names each deal whose ratio divides by less than the row's firm investment, with both amounts (critic s8 M14)", () => {
  const rows = analysis.comparison;
  const notes = [...(divisorNotes(rows)?.querySelectorAll("p") ?? [])].map((p) => p.textContent ?? "");
  const differ = rows.filter(
    (r) =>
      r.commitmentToInvestment &&
      r.ratioInvestmentFirmUsd &&
      r.investmentFirmUsd &&
      r.ratioInvestmentFirmUsd.value !== r.investmentFirmUsd.value
  );
  assert.isAbove(differ.length, 0);
  assert.strictEqual(notes.length, differ.length);
  for (const [i, r] of differ.entries()) {
    assert.isTrue(notes[i].startsWith(`${r.name}: its commitment ÷ investment counts only the firm money of`), notes[i]);
    assert.include(notes[i], `, ${comparisonFigureText(r.ratioInvestmentFirmUsd!)}, of the ${comparisonFigureText(r.investmentFirmUsd!)}`);
    // The ratio the row prints is the commitment over that smaller divisor.
    assert.approximately(r.commitmentToInvestment!.value, r.commitmentUsd!.value / r.ratioInvestmentFirmUsd!.value, 1e-9);
  }
});

it("on a page whose file holds only the market's deals (topicPage.ts, above a dozen) the notes count every deal and no button promises them", () => {
  const {data: d, analysis: a} = page(manyRows(40, 0.1));
  const shown = new Set(a.market!.shown);
  // The file as topicPageFile cuts it: the shown deals' rows and deals, and how many deals the data holds.
  const cut = {
    data: {...d, deals: d.deals.filter((x) => shown.has(x.id)), dealCount: 40},
    analysis: {...a, comparison: a.comparison.filter((r) => shown.has(r.id))}
  };
  const section = comparison.render({...cut, width: 640}) as HTMLElement;
  const notes = [...section.querySelectorAll(".comparison-note")].map((p) => p.textContent ?? "");
  // The superseded copies left out are counted from the market, which counts every deal: 8 + 28 + 4 = 40.
  const superseded = a.comparison.filter((r) => r.status === "superseded" && !shown.has(r.id)).length;
  const live = a.market!.others!.deals;
  assert.strictEqual(shown.size + live + superseded, 40);
  assert.isTrue(
    notes.some((t) =>
      t.startsWith(
        `${shown.size} of the 40 deals: the 5 largest by firm investment, by dollar commitment and by GW ceiling, largest dollar commitment first (select a column heading to sort by it); the last row adds up the other ${live} live deals. ${superseded} superseded deals are left out`
      )
    ),
    notes.join("\n")
  );
  // A chart, when drawn, says it ranks the file's deals, not all 40 (here only two of them have both figures: no chart).
  for (const t of notes.filter((n) => n.startsWith("The chart draws")))
    assert.match(t, /^The chart draws \d+ of the 40 deals: .*the sentence ranks the \d+ of them with both\.$/);
  // No button (the file has no other deal to draw); the deals index has them all.
  assert.isNull(section.querySelector(".comparison-show-all"));
  const more = section.querySelector(".comparison-more");
  assert.strictEqual(
    more?.textContent,
    "Every deal has its own page with the same measures; search, filter and sort them on the deals index."
  );
  assert.strictEqual(more?.querySelector("a")?.getAttribute("href"), "./deals");
  // The sentence that ranks them says among which deals: those this file holds, of the 40.
  assert.match(section.textContent ?? "", new RegExp(`Of the \\d+ deals among the ${shown.size} largest of the 40 with both a GW figure`));
});
