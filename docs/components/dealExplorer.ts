/**
 * The deal explorer: every deal in one table that sorts by any column, filters by investor, lab, provider and
 * chip vendor, and searches the text of each row. Its state lives in the URL (`?q=nvidia&sort=gw&lab=OpenAI`), so
 * a link reproduces the view. Plain DOM, no library: the table draws the first EXPLORER_PAGE rows the state keeps and a
 * button draws the next ones, so the page's first screen and its DOM stay the same size at a thousand deals as at ten
 * (1,000 rows were 1.4 MB of markup and 1.4–2.0 CPU-s in jsdom, at every build's prerender of the deals index).
 */
import type {ExplorerFigure, ExplorerRow} from "../../src/site/types.js";
import type {ChartColumn, ChartDownload} from "./chartDownloads.js";
import {shortChipName} from "./charts/fleetColors.js";
import {el} from "./dom.js";
import {csvLink} from "./downloads.js";
import {type Bound, bounded, count, firmWord, gw as gwText, type Precision, pct, sig, usd} from "./format.js";

/** What the reader chose: search text, filters (exact names; "" for all), sort column and direction. */
export interface ExplorerState {
  q: string;
  investor: string;
  lab: string;
  provider: string;
  vendor: string;
  sort: string;
  desc: boolean;
}

type FigureKey = {[K in keyof ExplorerRow]: ExplorerRow[K] extends ExplorerFigure | null ? K : never}[keyof ExplorerRow];

interface Column {
  key: string;
  label: string;
  /** The unit, named in the heading and the CSV header ("" for text). */
  unit: string;
  /** What the column means, for the Data page's dictionary. */
  meaning: string;
  sortValue: (row: ExplorerRow) => number | string | null;
  /** The figure the cell shows, for figure columns. */
  figure?: FigureKey;
  text?: (row: ExplorerRow) => string;
  /**
   * The heading the table prints over `rows`, where it depends on them (default `label`, which also names the CSV's
   * stable columns): the firm investment's column says "firm or committed" when a row is a ceiling ({@link firmWord}).
   */
  heading?: (rows: readonly ExplorerRow[]) => string;
}

const FORMAT: Record<string, (x: number, precision?: Precision) => string> = {
  usd,
  gw: gwText,
  fraction: (x, p) => pct(x, p),
  h100e: count,
  years: sig
};

const figureColumn = (figure: FigureKey, label: string, unit: string, meaning: string): Column => ({
  key: figure,
  label,
  unit,
  meaning,
  figure,
  sortValue: (row) => row[figure]?.value ?? null
});
const textColumn = (key: string, label: string, meaning: string, text: (row: ExplorerRow) => string): Column => ({
  key,
  label,
  unit: "",
  meaning,
  text,
  sortValue: (row) => text(row).toLowerCase()
});

export const EXPLORER_COLUMNS: readonly Column[] = [
  textColumn("name", "Deal", "Deal name", (r) => r.name),
  textColumn("investors", "Investor", "The investors, comma-separated", (r) => r.investors.join(", ")),
  textColumn("lab", "Lab", "The AI lab", (r) => r.lab),
  textColumn("provider", "Provider", "The compute provider", (r) => r.provider),
  textColumn("chips", "Chips", "The chip generations the deal names, comma-separated", (r) => r.chips.join(", ")),
  {
    ...figureColumn("investedFirm", "Invested, firm", "USD", "Firm investment (tranches without a condition)"),
    // One rule with the market table's column and the deal cards (core firmWord, 24a2a40): "firm" and "up to" do not
    // go together, so over Microsoft + Nvidia → Anthropic's "up to $15B" the heading reads "Invested, firm or committed".
    heading: (rows) => `Invested, ${firmWord(rows.map((r) => r.investedFirm?.bound as Bound | undefined))}`
  },
  figureColumn("investedMax", "Invested, max", "USD", "Investment if every contingent tranche is paid"),
  figureColumn("commitment", "Commitment", "USD", "The lab's compute commitment to the provider"),
  figureColumn("years", "Term", "years", "Years the commitment runs"),
  figureColumn("gw", "Capacity", "GW", "Capacity as stated: a ceiling, unless it counts only part of the deal's chips"),
  figureColumn("h100e", "H100e", "H100-equivalents", "H100-equivalents at the capacity ceiling (median of the draws)"),
  figureColumn("investmentToCommitment", "Investment ÷ commitment", "fraction", "Firm investment ÷ the commitment"),
  textColumn("dealStatus", "Deal status", "The deal's stage: announced, definitive, letter of intent or superseded", (r) => r.dealStatus)
];

/** Rows the table draws at first, and more at each press of its "Show more" button. */
export const EXPLORER_PAGE = 50;

/**
 * Returns the line above the table: "10 deals", or "3 of 10 deals" when a search or filter keeps 3; when the table draws
 * fewer rows than are kept, it says so: "1,000 deals; the first 50 shown", "120 of 1,000 deals; the first 50 shown".
 */
export function explorerSummary(shown: number, kept: number, total: number): string {
  const n = (x: number) => count(x, "as-written");
  const deals = kept === total ? `${n(total)} deals` : `${n(kept)} of ${n(total)} deals`;
  return shown < kept ? `${deals}; the first ${n(shown)} shown` : deals;
}

const DEFAULT: ExplorerState = {q: "", investor: "", lab: "", provider: "", vendor: "", sort: "commitment", desc: true};
const FILTERS = ["investor", "lab", "provider", "vendor"] as const;

/** Returns the state a query string asks for (unknown sort columns fall back to the default). */
export function stateFromSearch(search: string): ExplorerState {
  const p = new URLSearchParams(search);
  const sort = p.get("sort") ?? DEFAULT.sort;
  return {
    q: p.get("q") ?? "",
    investor: p.get("investor") ?? "",
    lab: p.get("lab") ?? "",
    provider: p.get("provider") ?? "",
    vendor: p.get("vendor") ?? "",
    sort: EXPLORER_COLUMNS.some((c) => c.key === sort) ? sort : DEFAULT.sort,
    desc: p.has("sort") ? p.get("dir") !== "asc" : DEFAULT.desc
  };
}

/** Returns `search` with the explorer's parameters set from `state` (defaults left out; other parameters kept). */
export function searchFromState(state: ExplorerState, search = ""): string {
  const p = new URLSearchParams(search);
  for (const k of ["q", ...FILTERS, "sort", "dir"]) p.delete(k);
  if (state.q) p.set("q", state.q);
  for (const k of FILTERS) if (state[k]) p.set(k, state[k]);
  if (state.sort !== DEFAULT.sort || state.desc !== DEFAULT.desc) {
    p.set("sort", state.sort);
    p.set("dir", state.desc ? "desc" : "asc");
  }
  const query = p.toString();
  return query ? `?${query}` : "";
}

/** Returns the text a search matches: names, parties, chips, vendors and status of a row, lower case. */
function haystack(row: ExplorerRow): string {
  return [row.name, row.id, ...row.investors, row.lab, row.provider, ...row.chips, ...row.vendors, row.dealStatus].join(" ").toLowerCase();
}

/**
 * Returns the rows the state keeps, sorted: every word of `q` must occur in the row's text; each filter must equal
 * one of the row's parties. Missing figures sort last in either direction; ties keep the given order.
 */
export function applyState(rows: readonly ExplorerRow[], state: ExplorerState): ExplorerRow[] {
  const words = state.q.toLowerCase().split(/\s+/).filter(Boolean);
  const kept = rows.filter(
    (r) =>
      words.every((w) => haystack(r).includes(w)) &&
      (!state.investor || r.investors.includes(state.investor)) &&
      (!state.lab || r.lab === state.lab) &&
      (!state.provider || r.provider === state.provider) &&
      (!state.vendor || r.vendors.includes(state.vendor))
  );
  const column = EXPLORER_COLUMNS.find((c) => c.key === state.sort) ?? EXPLORER_COLUMNS[0];
  return kept
    .map((row, i) => ({row, i, v: column.sortValue(row)}))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === null ? (b.v === null ? a.i - b.i : 1) : -1;
      const order = typeof a.v === "number" && typeof b.v === "number" ? a.v - b.v : String(a.v).localeCompare(String(b.v));
      return (state.desc ? -order : order) || a.i - b.i;
    })
    .map((d) => d.row);
}

/** Returns the CSV columns of the explorer: each text column, and each figure's value (unit in the header), bound and status. */
export function explorerCsvColumns(): ChartColumn<ExplorerRow>[] {
  return EXPLORER_COLUMNS.flatMap((c): ChartColumn<ExplorerRow>[] => {
    const f = c.figure;
    if (!f) return [{header: c.label, meaning: c.meaning, unit: "", value: (r) => c.text!(r)}];
    return [
      {
        header: `${c.label} (${c.unit})`,
        meaning: `${c.meaning}; empty when not stated`,
        unit: c.unit.toLowerCase(),
        value: (r) => r[f]?.value
      },
      {header: `${c.label} bound`, meaning: "exact, about, at-least or up-to, as the source wrote it", unit: "", value: (r) => r[f]?.bound},
      {
        header: `${c.label} status`,
        meaning: "confirmed, reported, estimate or assumption (the weakest of its inputs)",
        unit: "",
        value: (r) => r[f]?.status
      }
    ];
  });
}

/** The explorer's download (the rows the search and filters keep, in their order), for the Data page's dictionary. */
export const EXPLORER_DOWNLOAD: ChartDownload<ExplorerRow> = {
  id: "deals",
  chart: "Deal explorer (front page): the deals the search and filters keep, sorted as shown",
  columns: explorerCsvColumns()
};

function figureCell(figure: ExplorerFigure | null): HTMLElement {
  if (!figure) return el("span", {class: "muted", title: "not stated"}, "–");
  // A floor rounded down, a ceiling up (bounded), so "over" and "up to" stay true.
  const text = bounded(figure.value, figure.bound as Bound, FORMAT[figure.unit] ?? sig);
  return el(
    "span",
    {class: "comparison-figure"},
    text,
    el(
      "span",
      {
        class: `badge badge--${figure.status} comparison-badge comparison-badge--${figure.status}`,
        title: `weakest status among its inputs: ${figure.status}`
      },
      figure.status
    )
  );
}

/** Returns the explorer for `rows` (data version `version`); reads and writes its state in the URL unless `url` is false. */
export function DealExplorer(rows: readonly ExplorerRow[], version: string, {url = true} = {}): HTMLElement {
  let state = url ? stateFromSearch(location.search) : {...DEFAULT};
  const options = (values: string[], all: string) => [
    el("option", {value: ""}, all),
    ...[...new Set(values)].sort((a, b) => a.localeCompare(b)).map((v) => el("option", {value: v}, v))
  ];
  const search = el("input", {
    type: "search",
    placeholder: "Search deals, companies, chips…",
    "aria-label": "Search the deals",
    value: state.q
  });
  const selects = Object.fromEntries(
    FILTERS.map((k) => {
      const values = rows.flatMap((r) => (k === "investor" ? r.investors : k === "vendor" ? r.vendors : [r[k]]));
      const label = {investor: "All investors", lab: "All labs", provider: "All providers", vendor: "All chip vendors"}[k];
      const select = el("select", {"aria-label": label}, options(values, label));
      select.value = state[k];
      return [k, select];
    })
  ) as Record<(typeof FILTERS)[number], HTMLSelectElement>;
  const summary = el("p", {class: "explorer-summary", "aria-live": "polite"});
  const download = el("span", {class: "csv-download"});
  const body = el("tbody", {});
  const headers = EXPLORER_COLUMNS.map((column) => {
    const button = el(
      "button",
      {type: "button", class: "comparison-sort"},
      column.heading ? column.heading(rows) : column.label,
      column.unit && column.figure ? el("span", {class: "unit"}, ` (${column.unit})`) : null
    );
    button.addEventListener("click", () => {
      state = {...state, desc: state.sort === column.key ? !state.desc : !!column.figure, sort: column.key};
      redraw();
    });
    return el("th", {scope: "col", class: column.figure ? "num" : undefined}, button);
  });
  // How many of the kept rows the table draws: EXPLORER_PAGE, and EXPLORER_PAGE more at each press of "Show more";
  // back to EXPLORER_PAGE when the search, a filter or the sort changes.
  let limit = EXPLORER_PAGE;
  const more = el("button", {type: "button", class: "explorer-more"});
  more.addEventListener("click", () => {
    limit += EXPLORER_PAGE;
    draw();
  });
  /** Draws the new state from its first page. */
  const redraw = () => {
    limit = EXPLORER_PAGE;
    draw();
  };
  const draw = () => {
    const kept = applyState(rows, state);
    const shown = kept.slice(0, limit);
    headers.forEach((th, i) => {
      if (EXPLORER_COLUMNS[i].key === state.sort) th.setAttribute("aria-sort", state.desc ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    });
    body.replaceChildren(
      ...shown.map((row) =>
        el(
          "tr",
          {"data-deal": row.id},
          EXPLORER_COLUMNS.map((c, i) =>
            i === 0
              ? el("th", {scope: "row"}, el("a", {href: `./deals/${row.id}`}, row.name))
              : c.key === "chips"
                ? el("td", {title: row.chips.join(", ")}, row.chips.map(shortChipName).join(", "))
                : el("td", {class: c.figure ? "num" : undefined}, c.figure ? figureCell(row[c.figure]) : c.text!(row))
          )
        )
      )
    );
    summary.textContent = explorerSummary(shown.length, kept.length, rows.length);
    const rest = kept.length - shown.length;
    more.textContent = `Show ${count(Math.min(rest, EXPLORER_PAGE), "as-written")} more (${count(rest, "as-written")} not shown)`;
    more.hidden = rest <= 0;
    // The download holds every row the state keeps, drawn or not.
    download.replaceChildren(csvLink("deals", kept, explorerCsvColumns(), version));
    if (url) history.replaceState(history.state, "", `${location.pathname}${searchFromState(state, location.search)}${location.hash}`);
  };
  search.addEventListener("input", () => {
    state = {...state, q: search.value};
    redraw();
  });
  for (const k of FILTERS)
    selects[k].addEventListener("change", () => {
      state = {...state, [k]: selects[k].value};
      redraw();
    });
  draw();
  return el(
    "div",
    {class: "explorer no-print"},
    el(
      "div",
      {class: "explorer-controls"},
      search,
      FILTERS.map((k) => selects[k])
    ),
    el("div", {class: "explorer-meta"}, summary, download),
    el(
      "div",
      {class: "comparison-scroll"},
      el("table", {class: "comparison-deals explorer-table"}, el("thead", {}, el("tr", {}, headers)), body)
    ),
    more
  );
}
