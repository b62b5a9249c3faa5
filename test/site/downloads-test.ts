import {Type, tableFromIPC} from "@uwdata/flechette";
import * as aq from "arquero";
import {assert, beforeAll, it} from "vitest";
import {compareDeals} from "../../src/core/index.js";
import type {Dataset} from "../../src/core/model.js";
import {readValidDataset} from "../../src/io/readDataset.js";
import {figureTable, type RollupParty, rollup} from "../../src/site/dataTables.js";
import {
  citation,
  type DownloadTable,
  downloadFiles,
  downloadIndex,
  flattenRows,
  tableArrow,
  tableCsv,
  tableJson
} from "../../src/site/downloads.js";
import {siteData} from "../../src/site/siteData.js";
import {parseCsv} from "../csv.js";

let tables: DownloadTable[];
let dataset: Dataset;
beforeAll(async () => {
  dataset = await readValidDataset("data");
  tables = siteData({dataset, version: "abc", previous: null, draws: {analysis: 200, bands: 10}}).downloads();
});

it("the rollup tables equal rollups of the whole figure table (they are built from its five rollup figures only, issue #18)", () => {
  const figures = aq.from(tables.find((t) => t.name === "figures")!.rows);
  const whole = figureTable(figures.objects() as Parameters<typeof figureTable>[0]);
  const comparison = compareDeals(dataset);
  for (const [party, name] of [
    ["investor", "by-investor"],
    ["lab", "by-lab"],
    ["provider", "by-provider"],
    ["vendor", "by-chip-vendor"]
  ] as const) {
    const expected = rollup(dataset, whole, party as RollupParty, comparison).map(({party: id, ...rest}) => ({[party]: id, ...rest}));
    const table = tables.find((t) => t.name === name)!;
    assert.isAbove(table.rows.length, 0, name);
    assert.deepStrictEqual(table.rows, expected, name);
  }
});

/** The text a CSV cell holds for a value: empty for null, numbers as JavaScript prints them. */
const cell = (v: unknown) => (v === null || v === undefined ? "" : String(v));

it("tableCsv(table) parses, has the dictionary's columns as its header and the site data's values in each cell", () => {
  assert(tables.length >= 10, tables.map((t) => t.name).join());
  for (const t of tables) {
    const [header, ...body] = parseCsv(tableCsv(t));
    assert.deepStrictEqual(
      header,
      t.columns.map((c) => c.column),
      t.name
    );
    assert.strictEqual(body.length, t.rows.length, t.name);
    body.forEach((line, i) => {
      assert.strictEqual(line.length, header.length, `${t.name} row ${i}`);
      header.forEach((column, j) => {
        const value = t.rows[i][column];
        if (typeof value === "number") assert.strictEqual(Number(line[j]), value, `${t.name} ${column} row ${i}`);
        else assert.strictEqual(line[j], cell(value), `${t.name} ${column} row ${i}`);
      });
    });
  }
});

it("tableCsv(figures) holds each figure of the site data exactly", () => {
  const figures = tables.find((t) => t.name === "figures")!;
  const [header, ...body] = parseCsv(tableCsv(figures));
  const at = (row: string[], column: string) => row[header.indexOf(column)];
  const firm = body.find((r) => at(r, "key") === "amazon-anthropic.investment.firm")!;
  const expected = figures.rows.find((r) => r.key === "amazon-anthropic.investment.firm")!;
  assert.strictEqual(Number(at(firm, "value")), expected.value);
  assert.strictEqual(at(firm, "unit"), "usd");
  assert.strictEqual(at(firm, "status"), expected.status);
});

it("tableJson(table) is an array of rows with exactly the dictionary's columns", () => {
  for (const t of tables) {
    const rows = JSON.parse(tableJson(t)) as Record<string, unknown>[];
    assert.strictEqual(rows.length, t.rows.length);
    rows.forEach((r, i) => {
      assert.deepStrictEqual(
        Object.keys(r),
        t.columns.map((c) => c.column)
      );
      for (const c of t.columns) assert.deepStrictEqual(r[c.column], t.rows[i][c.column] ?? null, `${t.name} ${c.column}`);
    });
  }
});

it("tableArrow(table) reads back with the dictionary's columns and the same values", () => {
  for (const t of tables) {
    const back = aq.fromArrow(tableArrow(t));
    assert.deepStrictEqual(
      back.columnNames(),
      t.columns.map((c) => c.column),
      t.name
    );
    assert.strictEqual(back.numRows(), t.rows.length);
    const objects = back.objects() as Record<string, unknown>[];
    objects.forEach((r, i) => {
      for (const c of t.columns) assert.deepStrictEqual(r[c.column] ?? null, t.rows[i][c.column] ?? null, `${t.name} ${c.column} row ${i}`);
    });
  }
});

it("tableArrow(figures) is one record batch per deal, its columns plain utf8 or float64 as the table states them (the same schema in every batch)", () => {
  const figures = tables.find((t) => t.name === "figures")!;
  assert.isDefined(figures.parts, "the figure table is in parts");
  const back = tableFromIPC(tableArrow(figures));
  assert.strictEqual(back.children[0].data.length, figures.parts!.filter((p) => p.length > 0).length);
  const numbers = new Set(figures.numberColumns);
  assert.includeMembers([...numbers], ["value", "p10"]);
  for (const field of back.schema.fields)
    assert.strictEqual(field.type.typeId, numbers.has(field.name) ? Type.Float : Type.Utf8, field.name);
});

it("downloadFiles(tables, version) writes each table as CSV, JSON and Arrow at a stable path and under the version", () => {
  const files = downloadFiles(tables, "abc");
  for (const t of tables) {
    for (const ext of ["csv", "json", "arrow"]) {
      assert(files.has(`data/${t.name}.${ext}`), `data/${t.name}.${ext}`);
      assert.deepStrictEqual(files.get(`data/abc/${t.name}.${ext}`), files.get(`data/${t.name}.${ext}`));
    }
  }
  assert.strictEqual(files.size, tables.length * 6);
});

it("downloadFiles(tables) formats a table in parts from its parts alone, never putting its rows together (issue #18)", () => {
  // The figure table's `rows` joins every deal's rows (57,809 copied rows at 1,000 deals): the header was formatted
  // from a copy of the table, which read it.
  const figures = tables.find((t) => t.name === "figures")!;
  let read = 0;
  const parts: DownloadTable = {
    name: figures.name,
    title: figures.title,
    columns: figures.columns,
    get rows() {
      read++;
      return figures.rows;
    },
    parts: figures.parts,
    partLengths: figures.partLengths,
    rowCount: figures.rowCount,
    numberColumns: figures.numberColumns
  };
  const files = downloadFiles([parts], "abc");
  assert.strictEqual(read, 0, "the rows were put together");
  assert.strictEqual(
    files.get("data/figures.csv") && Buffer.concat(files.get("data/figures.csv") as Uint8Array[]).toString(),
    tableCsv(figures)
  );
});

it("downloadIndex(tables, version, asOf) lists every table with its dictionary and a citation naming the version and date", () => {
  const index = downloadIndex(tables, "abc", "2026-05-01");
  assert.deepStrictEqual(
    index.tables.map((t) => [t.name, t.rows, t.columns.length]),
    tables.map((t) => [t.name, t.rows.length, t.columns.length])
  );
  assert.strictEqual(index.tables[0].files.csv, "data/figures.csv");
  assert.match(index.citation.text, /Data version abc, as of 2026-05-01\./);
  assert.match(index.citation.bibtex, /^@misc\{compute-deals-abc,[\s\S]*year = \{2026\},[\s\S]*month = \{5\},/);
});

it("citation(version, asOf) gives plain text and BibTeX", () => {
  const {text, bibtex} = citation("f00", "2025-12-31");
  assert.strictEqual(text, "compute-deals (2025). AI compute deals: figures, sources and projections. Data version f00, as of 2025-12-31.");
  assert.include(bibtex, "note = {Data version f00, as of 2025-12-31},");
});

it("flattenRows(items) flattens nested fields to dotted columns and joins lists", () => {
  const {columns, rows} = flattenRows([
    {id: "a", flops: {bf16: {value: 1, unit: "pflops"}}, tags: ["x", "y"]},
    {id: "b", more: [{k: 1}]}
  ]);
  assert.deepStrictEqual(columns, ["id", "flops.bf16.value", "flops.bf16.unit", "tags", "more"]);
  assert.deepStrictEqual(rows[0], {id: "a", "flops.bf16.value": 1, "flops.bf16.unit": "pflops", tags: "x y", more: null});
  assert.deepStrictEqual(rows[1], {id: "b", "flops.bf16.value": null, "flops.bf16.unit": null, tags: null, more: '[{"k":1}]'});
});

it("every data file has its source table: deals (one row per deal), signals (one row per observation), yardsticks and the rest", async () => {
  const dataset = await readValidDataset("data");
  const byName = new Map(tables.map((t) => [t.name, t]));
  for (const name of ["deals", "signals", "yardsticks", "sources", "companies", "chips", "assumptions", "scenarios"])
    assert(byName.has(name), name);
  assert.deepStrictEqual(
    byName.get("deals")!.rows.map((r) => r.id),
    dataset.deals.map((d) => d.id)
  );
  const signals = byName.get("signals")!;
  assert.strictEqual(
    signals.rows.length,
    dataset.signals.reduce((n, s) => n + s.observations.length, 0)
  );
  assert.includeMembers(
    signals.columns.map((c) => c.column),
    ["signal.id", "signal.label", "date", "status", "text", "source"]
  );
  assert.strictEqual(byName.get("yardsticks")!.rows.length, dataset.yardsticks?.length ?? 0);
});
