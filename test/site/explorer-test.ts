import {assert, beforeAll, it} from "vitest";
import {applyState, EXPLORER_COLUMNS, explorerCsvColumns, searchFromState, stateFromSearch} from "../../docs/components/dealExplorer.js";
import {toCsv} from "../../docs/components/downloads.js";
import type {Dataset} from "../../src/core/model.js";
import {readValidDataset} from "../../src/io/readDataset.js";
import type {ExplorerRow} from "../../src/site/explorer.js";
import {type SiteData, siteData} from "../../src/site/siteData.js";

let dataset: Dataset;
let site: SiteData;
let rows: ExplorerRow[];
beforeAll(async () => {
  dataset = await readValidDataset("data");
  site = siteData({dataset, version: "abc", previous: null, draws: {analysis: 100, bands: 10}});
  rows = site.explorer().rows;
});

it("explorerRows(…) has every deal once, with the figure table's values", () => {
  assert.deepStrictEqual(rows.map((r) => r.id).sort(), dataset.deals.map((d) => d.id).sort());
  const figures = new Map(site.figureRows().map((f) => [f.key, f]));
  for (const r of rows) {
    assert.strictEqual(r.commitment?.value, figures.get(`${r.id}.commitment`)?.value);
    assert.strictEqual(r.gw?.value, figures.get(`${r.id}.capacity.ceiling`)?.value);
    assert.strictEqual(r.h100e?.value, figures.get(`${r.id}.capacity.h100e`)?.value);
    assert.strictEqual(r.investmentToCommitment?.value, figures.get(`${r.id}.recycling.investmentToCommitmentFirm`)?.value);
  }
});

it("applyState(rows, state) searches every word, filters by party and sorts with missing figures last", () => {
  const all = stateFromSearch("");
  assert.strictEqual(applyState(rows, all).length, rows.length);
  const byCommitment = applyState(rows, all).map((r) => r.commitment?.value ?? null);
  const stated = byCommitment.filter((v) => v !== null) as number[];
  assert.deepStrictEqual(
    stated,
    [...stated].sort((a, b) => b - a)
  );
  assert.deepStrictEqual(
    byCommitment.slice(stated.length),
    byCommitment.filter((v) => v === null)
  );
  const lab = rows[0].lab;
  assert(applyState(rows, {...all, lab}).every((r) => r.lab === lab));
  assert.deepStrictEqual(
    applyState(rows, {...all, q: `${rows[0].lab.toUpperCase()} ${rows[0].provider}`})
      .map((r) => r.id)
      .sort(),
    rows
      .filter((r) => r.lab === rows[0].lab && r.provider === rows[0].provider)
      .map((r) => r.id)
      .sort()
  );
  assert.deepStrictEqual(applyState(rows, {...all, q: "no such deal anywhere"}), []);
});

it("applyState(rows, state) stays in order at 100 deals", () => {
  const many = Array.from({length: 100}, (_, i) => ({...rows[i % rows.length], id: `d${i}`, name: `Deal ${i}`}));
  const sorted = applyState(many, {...stateFromSearch(""), sort: "name", desc: false});
  assert.strictEqual(sorted.length, 100);
  assert.deepStrictEqual(
    sorted.map((r) => r.name),
    many.map((r) => r.name).sort((a, b) => a.localeCompare(b))
  );
});

it("stateFromSearch(searchFromState(state)) gives the state back, and defaults leave the address clean", () => {
  const state = {q: "nvidia gb200", investor: "Microsoft", lab: "", provider: "", vendor: "NVIDIA", sort: "gw", desc: false};
  const search = searchFromState(state, "?scenario=slip");
  assert.include(search, "scenario=slip");
  assert.deepStrictEqual(stateFromSearch(search), state);
  assert.strictEqual(searchFromState(stateFromSearch("")), "");
  assert.strictEqual(stateFromSearch("?sort=nonsense").sort, "commitment");
});

it("explorerCsvColumns() puts the unit in each figure's header and gives the drawn rows' values", () => {
  const csv = toCsv(rows, explorerCsvColumns(), "abc").trimEnd().split("\n");
  const figureColumns = EXPLORER_COLUMNS.filter((c) => c.figure);
  for (const c of figureColumns) assert.include(csv[0], `${c.label} (${c.unit})`);
  assert.strictEqual(csv.length, rows.length + 1);
});
