/**
 * The whole dataset as downloads: the figure table, the comparison table, the rollups and each source table, as CSV, JSON (an array of
 * rows) and Arrow IPC, written by the build at stable paths (`data/figures.csv`) and again under the data version
 * (`data/<version>/figures.csv`). The Data page reads the index (`data/downloads.json`): the files, the data
 * dictionary, the citation and the schema's changelog.
 */
import {float64, tableFromArrays, tableToIPC, utf8} from "@uwdata/flechette";
import * as aq from "arquero";
import {compareDeals, type DealComparison} from "../core/comparison/compareDeals.js";
import type {Dataset} from "../core/model.js";
import {arrowFile} from "./arrowFile.js";
import {
  COMPARISON_COLUMNS,
  type ColumnDoc,
  comparisonTable,
  FIGURE_COLUMNS,
  type FigureRow,
  figureTable,
  ROLLUP_FIGURES,
  type RollupParty,
  rollup,
  rollupColumns
} from "./dataTables.js";

/** Changes to the published tables' columns, newest first: a reader's scripts break only where this says so. */
export const SCHEMA_CHANGELOG: readonly {schema: number; date: string; change: string}[] = [
  {
    schema: 4,
    date: "2026-12-08",
    change:
      "figures.arrow: its text columns are plain UTF-8 strings instead of dictionary-encoded ones, its number columns (value, base, p10, p50, p90) float64 in every case, and the file holds one record batch per deal. The rows, columns and values are unchanged, and so are the CSV and JSON files."
  },
  {
    schema: 3,
    date: "2026-12-06",
    change:
      "Added the source tables that were missing: deals (one row per deal file, nested lists such as tranches as JSON text), signals (one row per observation, with its signal's id, label and question as signal.id, signal.label, signal.question) and yardsticks. No column of an existing table changed."
  },
  {
    schema: 2,
    date: "2026-12-06",
    change:
      "Added comparison: one row per deal with the columns of the comparison table (each figure's value, bound and status; commitment per year, per GW and per firm dollar invested derived in the table). No column of an existing table changed."
  },
  {
    schema: 1,
    date: "2026-12-06",
    change:
      "First published: figures (one row per figure of every deal), rollups by investor, lab, provider and chip vendor, and the source tables (sources, companies, chips, assumptions, scenarios)."
  }
];

/** One published table: its file name (without extension), title, columns with their meaning and unit, and rows. */
export interface DownloadTable {
  name: string;
  title: string;
  columns: ColumnDoc[];
  rows: Record<string, unknown>[];
  /**
   * The rows in parts (each deal's, in order; `rows` is their concatenation), when the table has them: its CSV and
   * JSON are then put together from each part's text, which a build can keep between builds (downloadFiles).
   */
  parts?: readonly (readonly object[])[];
  /** How many rows each part holds (a table in parts): known without reading a part. */
  partLengths?: readonly number[];
  /** How many rows the table holds, where `rows` is put together only when read (a table in parts). */
  rowCount?: number;
  /**
   * For a table in parts: the columns its Arrow file types as float64 (numbers or null); every other column is utf8
   * (text or null). Stated, not inferred from the values, so every part's record batch has the same schema whatever
   * values it holds (a part whose p10 is all null is still float64).
   */
  numberColumns?: readonly string[];
}

/**
 * Keeps a part's text (or bytes: an Arrow record batch) between builds: called with the part's kind, its input (the
 * columns and the part's rows) and the function that formats it; returns the kept text or bytes for that input (a
 * kept text as its UTF-8 bytes), or formats and keeps it. Default: format.
 */
export type PartMemo = (name: string, input: unknown, compute: () => string | Uint8Array) => string | Uint8Array;

const FORMAT: PartMemo = (_name, _input, compute) => compute();

/** Returns chunks of text and UTF-8 bytes as one text. */
function joined(chunks: readonly (string | Uint8Array)[]): string {
  return chunks.map((c) => (typeof c === "string" ? c : Buffer.from(c).toString("utf-8"))).join("");
}

/**
 * A download's content: text, bytes, or bytes in chunks, written one after the other (a table put together from kept
 * parts: copying its 83 MB at 1,000 deals into one buffer took about 0.3 CPU-s, decoding them as text more).
 */
export type DownloadContent = string | Uint8Array | readonly Uint8Array[];

/** Returns a download's content as one buffer of bytes (for a reader that wants it whole, such as a test). */
export function contentBytes(content: DownloadContent): Buffer {
  return typeof content === "string" ? Buffer.from(content) : content instanceof Uint8Array ? Buffer.from(content) : Buffer.concat(content);
}

/** Returns a kept Arrow file or record batch: the bytes themselves (a memo keeps them as they are, undecoded). */
function arrowBytes(kept: string | Uint8Array): Uint8Array {
  if (typeof kept === "string") throw new Error("download: an Arrow part came back as text, not bytes");
  return kept;
}

/** Returns chunks of text and UTF-8 bytes as chunks of UTF-8 bytes. */
function asBytes(chunks: readonly (string | Uint8Array)[]): Uint8Array[] {
  return chunks.map((c) => (typeof c === "string" ? Buffer.from(c) : c));
}

/** What the Data page shows: the data version, the tables (without rows) and the citation. */
export interface DownloadIndex {
  version: string;
  asOf: string;
  schema: number;
  tables: {name: string; title: string; rows: number; columns: ColumnDoc[]; files: {csv: string; json: string; arrow: string}}[];
  /** Copies that stay put when the data changes: `data/<version>/<name>.<ext>`. */
  versionedDir: string;
  citation: {text: string; bibtex: string};
  changelog: typeof SCHEMA_CHANGELOG;
}

/** The figure table's columns that hold numbers (FigureRow): float64 in its Arrow file, the others utf8. */
const FIGURE_NUMBER_COLUMNS = ["value", "base", "p10", "p50", "p90"] as const;

const ROLLUPS: readonly [RollupParty, string, string][] = [
  ["investor", "by-investor", "Deals by investor"],
  ["lab", "by-lab", "Deals by lab"],
  ["provider", "by-provider", "Deals by compute provider"],
  ["vendor", "by-chip-vendor", "Deals by chip vendor"]
];

/**
 * Returns a list of records flattened to one level: nested objects become dotted columns (`flops.bf16.value`),
 * arrays of plain values are joined with spaces and arrays of objects kept as JSON text. Columns in order of first
 * appearance.
 */
export function flattenRows(items: readonly object[]): {columns: string[]; rows: Record<string, unknown>[]} {
  const columns: string[] = [];
  const seen = new Set<string>();
  const rows = items.map((item) => {
    const row: Record<string, unknown> = {};
    const walk = (value: unknown, path: string) => {
      if (value !== null && typeof value === "object" && !Array.isArray(value)) {
        for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
        return;
      }
      if (!seen.has(path)) {
        seen.add(path);
        columns.push(path);
      }
      row[path] = Array.isArray(value)
        ? value.every((v) => v === null || typeof v !== "object")
          ? value.join(" ")
          : JSON.stringify(value)
        : value;
    };
    walk(item, "");
    return row;
  });
  return {columns, rows: rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? null])))};
}

/** Returns a source table's dictionary: each column is a field of the data file, named by its path. */
function fieldColumns(columns: string[], file: string): ColumnDoc[] {
  return columns.map((column) => ({
    column,
    meaning: `Field ${column} of ${file} (see schema/ for its definition)`,
    unit: column.endsWith(".value") ? `given in ${column.replace(/value$/, "unit")}` : ""
  }));
}

/**
 * Keeps a source table's flattened columns or rows between builds: called with a name, the exact input (the table's
 * name and its items) and the function that flattens them; a build's DealMemo (siteData.ts). Default: flatten.
 */
export type RowsMemo = <T>(name: string, input: unknown, compute: () => T) => T;

/**
 * The figure table in parts, as a build keeps it: each deal's rows (in key order, concatenated they are the table),
 * how many rows each part holds, and the rows the rollups read (ROLLUP_FIGURES), so that neither the table's size nor
 * the rollups need a part read (a kept part is read only when its text is formatted again, see keptJson).
 */
export interface FigureParts {
  parts: readonly (readonly FigureRow[])[];
  lengths: readonly number[];
  rollupRows: readonly FigureRow[];
}

/**
 * Returns every published table, figures first: `figures` is the figure table's rows, or its parts (FigureParts),
 * whose texts a build keeps (see DownloadTable.parts). `comparison` is compareDeals(dataset), when the caller has it
 * already (at 1,000 deals each call is about 0.5 CPU-s).
 */
export function downloadTables(
  dataset: Dataset,
  figures: readonly FigureRow[] | FigureParts,
  comparison: readonly DealComparison[] = compareDeals(dataset),
  memo: RowsMemo = (_name, _input, compute) => compute()
): DownloadTable[] {
  const inParts = "parts" in figures ? figures : null;
  // The rollups read five figures of each deal: a table of those rows (5,000 of 57,809 at 1,000 deals) is built
  // instead of one of every row, which took about 0.4 CPU-s at every build there.
  const table = figureTable((inParts ? inParts.rollupRows : (figures as readonly FigureRow[])).filter((r) => ROLLUP_FIGURES.has(r.figure)));
  const head = {name: "figures", title: "Every figure of every deal", columns: [...FIGURE_COLUMNS]};
  const tables: DownloadTable[] = [
    inParts
      ? {
          ...head,
          // Put together when read (a test reads them; the build writes the parts' kept texts).
          get rows() {
            return inParts.parts.flat().map((r) => ({...r}));
          },
          rowCount: inParts.lengths.reduce((sum, n) => sum + n, 0),
          parts: inParts.parts,
          partLengths: inParts.lengths,
          numberColumns: FIGURE_NUMBER_COLUMNS
        }
      : {...head, rows: (figures as readonly FigureRow[]).map((r) => ({...r}))},
    {
      name: "comparison",
      title: "The deals compared",
      columns: [...COMPARISON_COLUMNS],
      rows: comparisonTable(comparison).objects() as Record<string, unknown>[]
    }
  ];
  for (const [party, name, title] of ROLLUPS) {
    const rows = rollup(dataset, table, party, comparison).map(({party: id, ...rest}) => ({[party]: id, ...rest}));
    tables.push({name, title, columns: rollupColumns(party), rows});
  }
  // Every data file has its table: the deals, each signal's observations (one row each) and the yardsticks too.
  const observations = dataset.signals.flatMap((s) =>
    s.observations.map((o) => ({signal: {id: s.id, label: s.label, question: s.question}, ...o}))
  );
  for (const [name, title, items, file] of [
    ["deals", "Deals (the deal files)", dataset.deals, "data/deals/<id>.yaml"],
    ["signals", "Signals: every observation", observations, "data/signals.yaml"],
    ["yardsticks", "Yardsticks", dataset.yardsticks ?? [], "data/yardsticks.yaml"],
    ["sources", "Sources", dataset.sources, "the deal files"],
    ["companies", "Companies", dataset.companies, "data/companies.yaml"],
    ["chips", "Chips", dataset.chips, "data/chips.yaml"],
    ["assumptions", "Assumptions", dataset.assumptions, "data/assumptions.yaml"],
    ["scenarios", "Scenarios", dataset.scenarios, "data/scenarios.yaml"]
  ] as const) {
    // Kept by the items (a build's memo hands kept rows on unread: their files are kept by them, downloadFiles).
    const columns = memo("site:download-columns", [name, items], () => flattenRows(items).columns);
    const rows = memo("site:download-rows", [name, items], () => flattenRows(items).rows);
    tables.push({name, title, columns: fieldColumns(columns, file), rows, rowCount: items.length});
  }
  return tables;
}

/**
 * Returns rows as an arquero table with exactly the dictionary's columns, in order. Takes the columns and rows, not a
 * DownloadTable: a copy of a table in parts (`{...t, rows}`) read its `rows` getter, which puts every part's rows
 * together (57,809 copied rows at 1,000 deals) to format the header.
 */
function asArquero(columns: readonly ColumnDoc[], rows: readonly Record<string, unknown>[]): aq.ColumnTable {
  return aq.table(Object.fromEntries(columns.map(({column: n}) => [n, rows.map((r) => r[n] ?? null)])));
}

/** Returns a table's parts that hold rows, told by partLengths where given (a kept part is then not read to count it). */
function nonEmptyParts(parts: NonNullable<DownloadTable["parts"]>, t: DownloadTable): NonNullable<DownloadTable["parts"]> {
  return parts.filter((part, i) => (t.partLengths?.[i] ?? part.length) > 0);
}

/**
 * Returns a table as CSV (RFC 4180 quoting, empty for missing values; arquero's toCSV). A table in parts is its header
 * line and each part's lines (arquero formats each value on its own, so the parts' lines are the whole table's),
 * each part's text from `keep`.
 */
export function tableCsv(t: DownloadTable, keep: PartMemo = FORMAT): string {
  return joined(csvChunks(t, keep));
}

/** Returns tableCsv's text in chunks: the header and each part's kept text or bytes (the whole text for a table without parts). */
function csvChunks(t: DownloadTable, keep: PartMemo): (string | Uint8Array)[] {
  if (!t.parts) return [aq.toCSV(asArquero(t.columns, t.rows))];
  const header = aq.toCSV(asArquero(t.columns, []));
  const names = t.columns.map((c) => c.column);
  return [header, ...t.parts.map((part) => keep("download-csv-part", [names, part], () => partCsv(t, part)))];
}

/** Returns a part of a table's rows as CSV lines, without the header. */
function partCsv(t: DownloadTable, part: readonly object[]): string {
  return aq.toCSV(asArquero(t.columns, part as Record<string, unknown>[]), {header: false});
}

/**
 * Returns a table as JSON: an array of rows with the dictionary's columns. A table in parts is each part's rows,
 * comma-separated, inside one array (the same text as the whole table's), each part's text from `keep`.
 */
export function tableJson(t: DownloadTable, keep: PartMemo = FORMAT): string {
  return joined(jsonChunks(t, keep));
}

/** Returns tableJson's text in chunks: the brackets, each part's kept text or bytes and the commas between them. */
function jsonChunks(t: DownloadTable, keep: PartMemo): (string | Uint8Array)[] {
  const names = t.columns.map((c) => c.column);
  const rowsJson = (rows: readonly object[]) =>
    rows.map((r) => JSON.stringify(Object.fromEntries(names.map((n) => [n, (r as Record<string, unknown>)[n] ?? null])))).join(",");
  if (!t.parts) return [`[${rowsJson(t.rows)}]\n`];
  const parts = nonEmptyParts(t.parts, t);
  return [
    "[",
    ...parts.flatMap((part, i) => [...(i > 0 ? [","] : []), keep("download-json-part", [names, part], () => rowsJson(part))]),
    "]\n"
  ];
}

/**
 * Returns a table as an Arrow IPC file. A table in parts is one record batch per part, its columns utf8 or float64
 * (DownloadTable.numberColumns), each part's batch kept by `keep` (its bytes; kept as base64 text until s19, decoded
 * at every build: 0.3 CPU-s at 1,000 deals) and put together without decoding
 * or encoding a value again (arrowFile.ts): at 1,000 deals encoding the 57,809 rows of the figure table, dictionary by dictionary, was about 2.5
 * CPU-s of every build.
 */
export function tableArrow(t: DownloadTable, keep: PartMemo = FORMAT): Uint8Array {
  if (!t.parts) return aq.toArrowIPC(asArquero(t.columns, t.rows), {format: "file"});
  const names = t.columns.map((c) => c.column);
  const numbers = new Set(t.numberColumns ?? []);
  const types = Object.fromEntries(names.map((n) => [n, numbers.has(n) ? float64() : utf8()]));
  const batch = (rows: readonly object[]) =>
    tableFromArrays(
      names.map((n): [string, unknown[]] => [n, rows.map((r) => (r as Record<string, unknown>)[n] ?? null)]),
      {types}
    );
  const streams = nonEmptyParts(t.parts, t).map((part) =>
    arrowBytes(
      keep("download-arrow-part-bytes", [names, [...numbers], part], () => tableToIPC(batch(part), {format: "stream"}) ?? new Uint8Array())
    )
  );
  const empty = batch([]);
  return streams.length ? arrowFile(empty.schema, streams) : (tableToIPC(empty, {format: "file"}) ?? new Uint8Array());
}

/** Returns the citation of a data version, as plain text and as BibTeX. */
export function citation(version: string, asOf: string): {text: string; bibtex: string} {
  const [year, month] = asOf.split("-");
  const text = `compute-deals (${year}). AI compute deals: figures, sources and projections. Data version ${version}, as of ${asOf}.`;
  const bibtex = [
    `@misc{compute-deals-${version},`,
    "  author = {{compute-deals}},",
    "  title = {AI compute deals: figures, sources and projections},",
    `  year = {${year}},`,
    `  month = {${Number(month)}},`,
    `  note = {Data version ${version}, as of ${asOf}},`,
    "}"
  ].join("\n");
  return {text, bibtex};
}

/** Returns the Data page's index of the downloads. */
export function downloadIndex(tables: readonly DownloadTable[], version: string, asOf: string): DownloadIndex {
  return {
    version,
    asOf,
    schema: SCHEMA_CHANGELOG[0].schema,
    tables: tables.map((t) => ({
      name: t.name,
      title: t.title,
      rows: t.rowCount ?? t.rows.length,
      columns: t.columns,
      files: {csv: `data/${t.name}.csv`, json: `data/${t.name}.json`, arrow: `data/${t.name}.arrow`}
    })),
    versionedDir: `data/${version}`,
    citation: citation(version, asOf),
    changelog: SCHEMA_CHANGELOG
  };
}

/**
 * Returns every download file: path in the site (`data/figures.csv`, `data/<version>/figures.csv`…) → content. The
 * CSV and JSON of a table in parts are put together from each part's text, which `keep` keeps (default: formatted).
 */
export function downloadFiles(tables: readonly DownloadTable[], version: string, keep: PartMemo = FORMAT): Map<string, DownloadContent> {
  const files = new Map<string, DownloadContent>();
  for (const t of tables) {
    const names = t.columns.map((c) => c.column);
    // A table in parts is written as bytes put together from its parts' (kept parts are never decoded); a whole table's
    // files are kept by its rows (at 1,000 deals the deals' and the 13,000 sources' were formatted at every build).
    const whole = (ext: string, format: () => string | Uint8Array) => keep(`download-${ext}`, [t.name, names, t.rows], format);
    const contents: [string, DownloadContent][] = t.parts
      ? [
          ["csv", asBytes(csvChunks(t, keep))],
          ["json", asBytes(jsonChunks(t, keep))],
          ["arrow", tableArrow(t, keep)]
        ]
      : [
          ["csv", whole("csv", () => joined(csvChunks(t, FORMAT)))],
          ["json", whole("json", () => joined(jsonChunks(t, FORMAT)))],
          ["arrow", arrowBytes(whole("arrow-bytes", () => tableArrow(t)))]
        ];
    for (const [ext, content] of contents) {
      files.set(`data/${t.name}.${ext}`, content);
      files.set(`data/${version}/${t.name}.${ext}`, content);
    }
  }
  return files;
}
