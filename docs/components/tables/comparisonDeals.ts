/** Every deal side by side on normalized metrics: a sortable table whose first column stays put on a phone. */
import type {DealComparison, Figure} from "../../lib/core.js";
import {DEAL_STAGE_WORDS, firmWord} from "../../lib/core.js";
import type {ChartColumn, ChartDownload} from "../chartDownloads.js";
import {shortChipName} from "../charts/fleetColors.js";
import {el} from "../dom.js";
import {csvLink} from "../downloads.js";
import {monthYear, pct} from "../format.js";
import {ComparisonFigure, comparisonFigureText} from "./comparisonFigure.js";

type Status = "confirmed" | "reported" | "estimate" | "assumption";
const STATUSES: Status[] = ["confirmed", "reported", "estimate", "assumption"];

interface Column {
  key: string;
  label: string;
  numeric: boolean;
  /** Sort key: a number (nulls last) or text. */
  sortValue: (row: DealComparison) => number | string | null;
  cell: (row: DealComparison) => Node | string;
  /** The column in the CSV download: what the cell shows, with the unit in the header. */
  csv: ChartColumn<DealComparison>[];
}

/** The columns of a comparison row that hold a figure (or null when the deal does not state it). */
type FigureKey = {[K in keyof DealComparison]: DealComparison[K] extends Figure | null ? K : never}[keyof DealComparison];

const figureColumn = (key: FigureKey, label: string, marks: Record<string, string> = {}): Column => ({
  key,
  label,
  numeric: true,
  sortValue: (row) => row[key]?.value ?? null,
  cell: (row) => ComparisonFigure(row[key], {mark: marks[row.id]}),
  csv: CSV[key]
});

/**
 * Returns the CSV columns of a figure column: value (its unit in the header, or a unit column when the rows'
 * units differ), bound and status, as the cell shows them.
 */
function figureCsv(key: FigureKey, label: string, meaning: string): ChartColumn<DealComparison>[] {
  return [
    {
      header: `${label} (value)`,
      meaning: `${meaning}, in the unit of the next column; empty when not stated`,
      unit: `${label} (unit)`,
      value: (row) => row[key]?.value
    },
    {
      header: `${label} (unit)`,
      meaning: "Unit of the value (usd, years, gw, usd-per-year, usd-per-gw, ratio, fraction)",
      unit: "",
      value: (row) => row[key]?.unit
    },
    {
      header: `${label} (bound)`,
      meaning: "exact, about, at-least or up-to, as the source wrote it (a ratio inverts its divisor's)",
      unit: "",
      value: (row) => row[key]?.bound
    },
    {
      header: `${label} (status)`,
      meaning: "confirmed, reported, estimate or assumption (the weakest of its inputs)",
      unit: "",
      value: (row) => row[key]?.lineage.status
    }
  ];
}

/** The CSV columns of each column of the table, by its key (the file has the columns drawn, in this order). */
const CSV: Record<string, ChartColumn<DealComparison>[]> = {
  name: [
    {header: "Deal", meaning: "Deal name", unit: "", value: (row) => row.name},
    {header: "Deal id", meaning: "Deal id", unit: "", value: (row) => row.id},
    {header: "Deal status", meaning: "announced, definitive, loi (letter of intent) or superseded", unit: "", value: (row) => row.status},
    {
      header: "Superseded on",
      meaning: "Date later terms replaced the deal (ISO); empty when live",
      unit: "",
      value: (row) => row.supersededOn ?? ""
    }
  ],
  investmentFirmUsd: figureCsv("investmentFirmUsd", "$ invested, firm", "Firm investment"),
  investmentMaxUsd: figureCsv("investmentMaxUsd", "$ invested, max", "Investment if every contingent tranche is paid"),
  commitmentUsd: figureCsv("commitmentUsd", "$ committed", "The lab's compute commitment"),
  years: figureCsv("years", "Years", "Years the commitment runs"),
  usdPerYear: figureCsv(
    "usdPerYear",
    "$ a year",
    "Commitment ÷ years; with several contracts, each one's amount ÷ its own term, summed while the most run together"
  ),
  gw: figureCsv("gw", "GW", "Capacity ceiling"),
  usdPerGw: figureCsv("usdPerGw", "$ per GW", "Commitment ÷ capacity ceiling"),
  commitmentToInvestment: figureCsv(
    "commitmentToInvestment",
    "Commitment ÷ firm money invested to date by the provider's group",
    "Commitment ÷ all the firm money the provider's group has invested in the lab to date, this deal's and earlier (the same denominator for every deal)"
  ),
  hardware: [
    {header: "Chips", meaning: "Chip generations the deal names, separated by ;", unit: "", value: (row) => row.chips.join("; ")},
    {
      header: "Other hardware",
      meaning: "Other hardware the deal names, separated by ;",
      unit: "",
      value: (row) => row.otherHardware.join("; ")
    }
  ],
  governance: [
    {header: "Board seat", meaning: "true when the investor has a board seat", unit: "", value: (row) => row.boardSeat},
    ...figureCsv("stake", "Stake", "The investor's stake in the lab")
  ],
  statusMix: STATUSES.map((k) => ({
    header: `Sourced figures ${k} (count)`,
    meaning: `How many of the deal's sourced figures are ${k}`,
    unit: "count",
    value: (row: DealComparison) => row.statusMix[k]
  }))
};

/** The comparison table's download (the columns drawn, rows in the table's order), for the Data page's dictionary. */
export const COMPARISON_TABLE: ChartDownload<DealComparison> = {
  id: "comparison",
  chart: "Comparison: every deal side by side (the table)",
  columns: Object.values(CSV).flat()
};

/** Returns the status mix as a bar of four colours and the counts in words (visible, so print keeps them). */
function StatusMix(mix: Record<Status, number>): HTMLElement {
  const total = STATUSES.reduce((s, k) => s + mix[k], 0);
  const words = STATUSES.filter((k) => mix[k] > 0).map((k) => `${mix[k]} ${k}`);
  return el(
    "div",
    {class: "comparison-mix", "aria-label": `Sourced figures: ${words.join(", ")}`},
    el(
      "div",
      {class: "comparison-mix-bar", "aria-hidden": "true"},
      STATUSES.filter((k) => mix[k] > 0).map((k) => el("span", {class: `comparison-mix-${k}`, style: `flex: ${mix[k]}`}))
    ),
    el("div", {class: "comparison-mix-text"}, total ? `${pct(mix.confirmed / total)} confirmed of ${total}` : "no figures")
  );
}

/** A last row summing the deals the table leaves out: its label, and the text of the columns it fills (by key). */
export interface OthersRow {
  label: string;
  cells: Partial<Record<string, string>>;
}

/**
 * Returns the table of the deals given: $ invested (firm and maximum), $ committed, years, $ a year, GW, $ per GW,
 * commitment ÷ investment, hardware, governance and the status mix of its sourced figures. Sorted by $ committed,
 * largest first (deals without a commitment last); on screen, clicking a column heading sorts by it (again to
 * reverse). `marks` footnotes a deal's GW and $ per GW (deal id → mark); `highlight` marks one deal's row; `only`
 * keeps the deal column and the columns with these keys; `others` adds a last row, outside the sort, for the deals
 * left out (their totals). With `version` (on screen), a "Data (CSV)" link below downloads the deals' rows drawn
 * and the columns drawn (not the others row: it is a sum, not a deal).
 */
export function ComparisonDealsTable(
  rows: readonly DealComparison[],
  {
    marks = {},
    highlight,
    print = false,
    only,
    version,
    others
  }: {
    marks?: Record<string, string>;
    highlight?: string;
    print?: boolean;
    only?: readonly string[];
    version?: string;
    others?: OthersRow | null;
  } = {}
): HTMLElement {
  const all: Column[] = [
    {
      key: "name",
      label: "Deal",
      numeric: false,
      sortValue: (row) => row.name,
      cell: (row) =>
        el(
          "span",
          {},
          el("span", {class: "comparison-deal-name"}, row.name),
          el("span", {class: "comparison-deal-status"}, stageCell(row))
        ),
      csv: CSV.name
    },
    figureColumn("investmentFirmUsd", `$ invested, ${firmWord(rows.map((r) => r.investmentFirmUsd.bound))}`),
    figureColumn("investmentMaxUsd", "$ invested, max"),
    figureColumn("commitmentUsd", "$ committed"),
    figureColumn("years", "Years"),
    figureColumn("usdPerYear", "$ a year"),
    figureColumn("gw", "GW", marks),
    figureColumn("usdPerGw", "$ per GW", marks),
    {
      ...figureColumn("commitmentToInvestment", "Commitment ÷ firm money invested to date by the provider's group"),
      // Where the provider's group put in less than the row's firm investment (Microsoft's up to $5B of Microsoft +
      // Nvidia's up to $15B), the cell names the divisor, so $30B ÷ $15B = 2× is not read for the 6× (critic s8 M14).
      cell: (row) => {
        const figure = ComparisonFigure(row.commitmentToInvestment);
        // Money all invested before the deal (Microsoft's 2019–23 money in Microsoft → OpenAI) is said so in the cell,
        // as the call leaves the deal out of its ranking (critic s14 #4).
        if (row.commitmentToInvestment && row.ratioMoneyBeforeDeal)
          return el("span", {}, figure, el("span", {class: "comparison-divisor"}, " (all invested before this deal)"));
        const own = row.ratioInvestmentFirmUsd;
        if (!row.commitmentToInvestment || !own || !row.investmentFirmUsd || own.value === row.investmentFirmUsd.value) return figure;
        const names = row.ratioInvestors.map((p) => p.name).join(" and ");
        return el("span", {}, figure, el("span", {class: "comparison-divisor"}, ` of ${names}'s ${comparisonFigureText(own)}`));
      }
    },
    {
      key: "hardware",
      label: "Hardware",
      numeric: false,
      sortValue: (row) => [...row.chips, ...row.otherHardware].join(", "),
      cell: (row) =>
        el(
          "div",
          {class: "comparison-hardware"},
          // Short names ("GB200", not "GB200 (Blackwell GPU in NVL72)") keep a deal with many chips to a line or two.
          row.chips.length
            ? el("div", {title: row.chips.join(", ")}, row.chips.map(shortChipName).join(", "))
            : row.otherHardware.length
              ? null
              : el("div", {class: "muted"}, "Chips not specified"),
          // Chips named without sourced specifications (AMD's MI450) are the hardware, not "not specified" (critic s9 M5).
          row.otherHardware.length ? el("div", {class: "comparison-hardware-other"}, row.otherHardware.join(" · ")) : null
        ),
      csv: CSV.hardware
    },
    {
      key: "governance",
      label: "Governance",
      numeric: false,
      sortValue: (row) => row.stake?.value ?? -1,
      cell: (row) =>
        el(
          "span",
          {},
          row.boardSeat ? "Board seat" : "No board seat",
          row.stake ? el("span", {}, "; stake ", ComparisonFigure(row.stake)) : null
        ),
      csv: CSV.governance
    },
    {
      key: "statusMix",
      label: "Status mix",
      numeric: true,
      sortValue: (row) => {
        const total = STATUSES.reduce((s, k) => s + row.statusMix[k], 0);
        return total ? row.statusMix.confirmed / total : null;
      },
      cell: (row) => StatusMix(row.statusMix),
      csv: CSV.statusMix
    }
  ];
  // The deal column always leads; `only` picks the others (print splits the table in two to fit the page).
  const columns = only ? all.filter((c, i) => i === 0 || only.includes(c.key)) : all;
  let sortKey = "commitmentUsd";
  let descending = true;
  const body = el("tbody", {});
  const headers = columns.map((column) => {
    const th = el("th", {scope: "col", class: column.numeric ? "num" : undefined});
    if (print) th.append(column.label);
    else {
      const button = el("button", {type: "button", class: "comparison-sort"}, column.label);
      button.addEventListener("click", () => {
        descending = sortKey === column.key ? !descending : column.numeric;
        sortKey = column.key;
        draw();
      });
      th.append(button);
    }
    return th;
  });
  const draw = () => {
    const column = all.find((c) => c.key === sortKey)!;
    const sorted = [...rows].sort((a, b) => historyLast(a, b) || compare(column.sortValue(a), column.sortValue(b), descending));
    headers.forEach((th, i) => {
      if (columns[i].key === sortKey) th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    });
    body.replaceChildren(
      ...sorted.map((row) =>
        el(
          "tr",
          {
            class:
              [row.id === highlight ? "comparison-highlight" : "", row.status === "superseded" ? "comparison-history" : ""]
                .join(" ")
                .trim() || undefined,
            "data-deal": row.id
          },
          columns.map((column, i) =>
            i === 0 ? el("th", {scope: "row"}, column.cell(row)) : el("td", {class: column.numeric ? "num" : undefined}, column.cell(row))
          )
        )
      )
    );
  };
  draw();
  // A visible cue on screens narrower than the table (docs/style.css): the first column stays while the rest scroll.
  const cue = el("p", {class: "scroll-cue no-print", "aria-hidden": "true"}, `Scroll sideways for all ${columns.length} columns →`);
  const table = el(
    "div",
    {class: "comparison-table-wrap"},
    cue,
    el(
      "div",
      {class: "comparison-scroll", tabindex: 0, role: "region", "aria-label": "Deals compared (scrolls sideways)"},
      el(
        "table",
        {class: "comparison-deals"},
        el("thead", {}, el("tr", {}, headers)),
        body,
        others
          ? el(
              "tfoot",
              {},
              el(
                "tr",
                {class: "comparison-others"},
                columns.map((column, i) =>
                  i === 0
                    ? el("th", {scope: "row"}, others.label)
                    : el("td", {class: column.numeric ? "num" : undefined}, others.cells[column.key] ?? "")
                )
              )
            )
          : null
      )
    )
  );
  // On screen, with the data version: the rows and columns drawn, as CSV (in the table's order when the page opened).
  if (print || version === undefined) return table;
  const column = all.find((c) => c.key === sortKey)!;
  const sorted = [...rows].sort((a, b) => historyLast(a, b) || compare(column.sortValue(a), column.sortValue(b), descending));
  return el(
    "div",
    {},
    table,
    el(
      "p",
      {class: "csv-download"},
      csvLink(
        "comparison",
        sorted,
        columns.flatMap((c) => c.csv),
        version
      )
    )
  );
}

// A deal's stage in its row: "letter of intent", "announced deal", "superseded Feb 2026 (history, in no ranking)".
export function stageCell(row: Pick<DealComparison, "status" | "supersededOn">): string {
  if (row.status !== "superseded") return DEAL_STAGE_WORDS[row.status];
  return `superseded${row.supersededOn ? ` ${monthYear(row.supersededOn)}` : ""} (history, in no ranking)`;
}

// Superseded terms are history: their rows come last in every sort, so no ranking counts them.
export function historyLast(a: Pick<DealComparison, "status">, b: Pick<DealComparison, "status">): number {
  return Number(a.status === "superseded") - Number(b.status === "superseded");
}

// Numbers before text before nulls; nulls always last, whatever the direction.
function compare(a: number | string | null, b: number | string | null, descending: boolean): number {
  if (a === null || b === null) return a === null ? (b === null ? 0 : 1) : -1;
  const order = typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b));
  return descending ? -order : order;
}
