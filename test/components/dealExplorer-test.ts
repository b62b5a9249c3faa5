// @vitest-environment jsdom
// The deals index's explorer at many deals (issue #18): the table draws the first EXPLORER_PAGE rows the search and
// filters keep and a button draws the next ones, so the page stays the same size at 1,000 deals; the line above the
// table says how many are shown, and the CSV download holds every kept row, drawn or not.
import {afterAll, assert, beforeAll, it} from "vitest";
import {DealExplorer, EXPLORER_PAGE, explorerSummary} from "../../docs/components/dealExplorer.js";
import type {ExplorerRow} from "../../src/site/types.js";
import {publishedSite} from "../publishedSite.js";

let rows: ExplorerRow[];
/** The CSV texts the explorer's download links were made from (a Blob URL each), newest last. */
const csvs: Blob[] = [];
const createObjectURL = URL.createObjectURL;

beforeAll(async () => {
  const {site} = await publishedSite();
  rows = site.explorer().rows;
  URL.createObjectURL = (blob: Blob) => {
    csvs.push(blob);
    return `blob:csv-${csvs.length}`;
  };
});

afterAll(() => {
  URL.createObjectURL = createObjectURL;
});

/** `n` copies of the real deals' rows, each its own deal. */
const copies = (n: number): ExplorerRow[] =>
  Array.from({length: n}, (_, i) => ({...rows[i % rows.length], id: `d${i}`, name: `Deal ${i}`}));

const drawn = (explorer: HTMLElement) => explorer.querySelectorAll("tbody tr").length;
const summary = (explorer: HTMLElement) => explorer.querySelector(".explorer-summary")?.textContent;
const more = (explorer: HTMLElement) => explorer.querySelector<HTMLButtonElement>("button.explorer-more")!;

it("explorerSummary(shown, kept, total) counts the deals, those a search keeps and those drawn", () => {
  assert.strictEqual(explorerSummary(10, 10, 10), "10 deals");
  assert.strictEqual(explorerSummary(3, 3, 10), "3 of 10 deals");
  assert.strictEqual(explorerSummary(50, 1000, 1000), "1,000 deals; the first 50 shown");
  assert.strictEqual(explorerSummary(50, 120, 1000), "120 of 1,000 deals; the first 50 shown");
});

it("DealExplorer draws every deal of the real data, with no button", () => {
  assert.isBelow(rows.length, EXPLORER_PAGE, "the real data fits on one page of the explorer");
  const explorer = DealExplorer(rows, "v1", {url: false});
  assert.strictEqual(drawn(explorer), rows.length);
  assert.strictEqual(summary(explorer), `${rows.length} deals`);
  assert.isTrue(more(explorer).hidden);
});

it("DealExplorer at 120 deals draws 50 rows, 50 more at each press, and every kept row in its CSV", async () => {
  const many = copies(120);
  const explorer = DealExplorer(many, "v1", {url: false});
  assert.strictEqual(drawn(explorer), EXPLORER_PAGE);
  assert.strictEqual(summary(explorer), "120 deals; the first 50 shown");
  assert.strictEqual(more(explorer).textContent, "Show 50 more (70 not shown)");
  assert.isFalse(more(explorer).hidden);
  // The download is every kept row (a header line and 120 rows), not the 50 drawn.
  assert.strictEqual((await csvs.at(-1)!.text()).trimEnd().split("\n").length, 121);
  more(explorer).click();
  assert.strictEqual(drawn(explorer), 100);
  assert.strictEqual(more(explorer).textContent, "Show 20 more (20 not shown)");
  more(explorer).click();
  assert.strictEqual(drawn(explorer), 120);
  assert.strictEqual(summary(explorer), "120 deals");
  assert.isTrue(more(explorer).hidden);
  // A new search starts again from the first page of what it keeps.
  const search = explorer.querySelector<HTMLInputElement>("input[type=search]")!;
  search.value = "deal";
  search.dispatchEvent(new Event("input"));
  assert.strictEqual(drawn(explorer), EXPLORER_PAGE);
  search.value = "deal 11";
  search.dispatchEvent(new Event("input"));
  // "Deal 11" and "Deal 110"–"Deal 119" (every word must occur in the row's text).
  assert.strictEqual(drawn(explorer), 11);
  assert.strictEqual(summary(explorer), "11 of 120 deals");
  assert.isTrue(more(explorer).hidden);
});

it("the firm investment's heading follows firmWord, as the market table's column does: 'firm or committed' over an 'up to' row", () => {
  // s16 closing: "Invested, firm" headed a column holding Microsoft + Nvidia → Anthropic's "up to $15B" (a ceiling is
  // committed, not firm; core firmWord, 24a2a40).
  const heading = (r: readonly ExplorerRow[]) =>
    [...DealExplorer(r, "v1", {url: false}).querySelectorAll("thead th")]
      .map((th) => th.textContent ?? "")
      .find((t) => t.startsWith("Invested, f") || t.startsWith("Invested, c"));
  const ceiling = rows.filter((r) => r.investedFirm?.bound === "up-to");
  assert.isAtLeast(ceiling.length, 1, "Microsoft + Nvidia → Anthropic's up to $15B");
  const explorer = DealExplorer(rows, "v1", {url: false});
  const cell = [...explorer.querySelectorAll("tbody tr")].find((tr) => tr.textContent?.includes(ceiling[0].name));
  assert.include(cell?.textContent ?? "", "up to $15B");
  assert.strictEqual(heading(rows), "Invested, firm or committed (USD)");
  assert.strictEqual(heading(rows.filter((r) => r.investedFirm?.bound !== "up-to")), "Invested, firm (USD)");
  assert.strictEqual(heading(ceiling), "Invested, committed (USD)");
});
