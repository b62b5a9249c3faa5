/** Download links: a published file in each format, and a "Data (CSV)" link for the rows a chart or table draws. */
import {el} from "./dom.js";

/** Returns links to a table's files, one per format: `{csv: "data/figures.csv", …}` → "CSV · JSON · Arrow". */
export function downloadLinks(files: Record<string, string>): HTMLSpanElement {
  const labels: Record<string, string> = {csv: "CSV", json: "JSON", arrow: "Arrow"};
  const links = Object.entries(files).flatMap(([format, path], i) => [
    i ? " · " : "",
    el("a", {href: path, download: path.split("/").at(-1)}, labels[format] ?? format)
  ]);
  return el("span", {class: "download-links"}, ...links);
}

/** A column of a CSV download: the row field and the header, with its unit ("Commitment (USD)"). */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | null | undefined;
}

/** Returns one CSV field: quoted when it holds a comma, quote or line break (RFC 4180); empty for null. */
function field(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined || (typeof value === "number" && !Number.isFinite(value))) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Returns CSV text of `rows` with `columns`, and a last comment-free column `dataVersion` holding the data version
 * on every row, so a file that travels alone still says which data it holds.
 *
 * @example toCsv([{gw: 5}], [{header: "GW", value: (d) => d.gw}], "abc") // "GW,dataVersion\n5,abc\n"
 */
export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[], version: string): string {
  const lines = [[...columns.map((c) => field(c.header)), "dataVersion"].join(",")];
  for (const row of rows) lines.push([...columns.map((c) => field(c.value(row))), field(version)].join(","));
  return `${lines.join("\n")}\n`;
}

/**
 * Returns a "Data (CSV)" link that downloads exactly `rows` and `columns` (see toCsv) as `<name>-<version>.csv`.
 * The file is made in the page from the data the chart drew (a Blob URL), so it cannot differ from it.
 */
export function csvLink<T>(name: string, rows: readonly T[], columns: readonly CsvColumn<T>[], version: string): HTMLAnchorElement {
  const a = el("a", {class: "csv-link", download: `${name}-${version}.csv`}, "Data (CSV)");
  // el() keeps only site and http(s) URLs; a Blob URL of our own CSV text is set here directly.
  a.href = URL.createObjectURL(new Blob([toCsv(rows, columns, version)], {type: "text/csv"}));
  return a;
}
