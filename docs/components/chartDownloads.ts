/**
 * The "Data (CSV)" files under the charts (capacity, commitment, comparison scatter, recycling, roadmap, options,
 * signals and methodology): for each, the rows the chart draws and its columns, each with its meaning and unit. The
 * same column lists make the files and the Data page's dictionary of chart downloads (CHART_DOWNLOADS), so the two
 * cannot drift apart. (The comparison table's file follows the table's own columns; the explorer's, its own.)
 */
import type {
  BoundedSum,
  CapacityBandYear,
  CapacityCostYear,
  ChipOptionValue,
  EquityPoint,
  FigureSpread,
  MarketLoop,
  MarketMap,
  MarketScenarioColumn,
  NetCashBand,
  NpvRow,
  OptionGridCell,
  PartyTable,
  PeerRow,
  RecyclingFlow,
  ScenarioColumn,
  SignalRow,
  TornadoRow,
  Tranche
} from "../lib/core.js";
import {EXACT_RANKS} from "../lib/core.js";
import type {ComparisonPoint} from "./charts/comparisonScatter.js";
import type {EfficiencyRow} from "./charts/roadmapEfficiency.js";
import {el} from "./dom.js";
import {type CsvColumn, csvLink} from "./downloads.js";

/** A column of a chart download: its header (unit in brackets), what it means and its unit. */
export interface ChartColumn<T> extends CsvColumn<T> {
  meaning: string;
  /** The unit, or "" for text, dates and flags. */
  unit: string;
}

/** One chart's download: its file name stem, the chart it sits under, and its columns. */
export interface ChartDownload<T> {
  id: string;
  chart: string;
  columns: ChartColumn<T>[];
}

const iso = (d: Date | string) => (typeof d === "string" ? d : d.toISOString().slice(0, 10));

export const CAPACITY_RAMP: ChartDownload<CapacityBandYear> = {
  id: "capacity",
  chart: "Capacity: GW online by year end, with its P10–P90",
  columns: [
    {header: "Year end", meaning: "Calendar year", unit: "", value: (y) => y.year},
    {header: "GW online (gw)", meaning: "Facility GW online at year end (median of the draws)", unit: "gw", value: (y) => y.gw.value},
    {header: "GW online P10 (gw)", meaning: "10th percentile of GW online over the draws", unit: "gw", value: (y) => y.gw.p10},
    {header: "GW online P90 (gw)", meaning: "90th percentile of GW online over the draws", unit: "gw", value: (y) => y.gw.p90},
    {header: "Energy in the year (TWh)", meaning: "Energy drawn in the year (median)", unit: "twh", value: (y) => y.energyTwh.value},
    {
      header: "H100e (count)",
      meaning: "H100-equivalents installed at year end (median); empty without chip figures",
      unit: "count",
      value: (y) => y.h100e?.value
    }
  ]
};

export const COMMITMENT_SPEND: ChartDownload<CapacityCostYear> = {
  id: "commitment-spend",
  chart: "Commitment: spend by year against the cost of the capacity delivered",
  columns: [
    {header: "Year", meaning: "Calendar year", unit: "", value: (d) => d.year},
    {header: "Spend (USD)", meaning: "The lab's spend that year under the profile shown", unit: "usd", value: (d) => d.spendUsd},
    {
      header: "Cost of the capacity delivered (USD)",
      meaning: "GW-years delivered that year × the contract cost per GW-year (only for deals with a delivery schedule)",
      unit: "usd",
      value: (d) => d.capacityCostUsd
    }
  ]
};

export const COMPARISON_SCATTER: ChartDownload<ComparisonPoint> = {
  id: "comparison-scatter",
  chart: "Comparison: commitment per GW against commitment per firm dollar invested",
  columns: [
    {header: "Deal", meaning: "Deal name", unit: "", value: (d) => d.name},
    {header: "Deal id", meaning: "Deal id", unit: "", value: (d) => d.id},
    {
      header: "Commitment per GW (usd-per-gw)",
      meaning: "Commitment ÷ capacity ceiling (the x axis)",
      unit: "usd-per-gw",
      value: (d) => d.usdPerGw
    },
    {header: "Commitment ÷ investment (ratio)", meaning: "Commitment ÷ firm investment (the y axis)", unit: "ratio", value: (d) => d.ratio},
    {header: "Status (weakest input)", meaning: "The weakest status among the two figures' inputs", unit: "", value: (d) => d.status}
  ]
};

/** Returns the download without the columns whose headers are given (a column the chart does not draw here). */
export function withoutColumns<T>(download: ChartDownload<T>, headers: readonly string[]): ChartDownload<T> {
  return {...download, columns: download.columns.filter((c) => !headers.includes(c.header))};
}

/** A year of the net-cash chart: the flows of that year and the P10–P90 band of the cumulative line when drawn. */
export interface NetCashRow extends RecyclingFlow {
  p10: number | null;
  p90: number | null;
}

/** Returns the net-cash chart's rows: each year's flows with the band's P10 and P90 for that year (null without). */
export function netCashRows(flows: readonly RecyclingFlow[], bands: readonly NetCashBand[] | null): NetCashRow[] {
  const byYear = new Map((bands ?? []).map((b) => [b.year, b]));
  return flows.map((f) => ({...f, p10: byYear.get(f.year)?.p10 ?? null, p90: byYear.get(f.year)?.p90 ?? null}));
}

export const NET_CASH: ChartDownload<NetCashRow> = {
  id: "recycling-net-cash",
  chart: "Recycling: cumulative cash to the investor, by year",
  columns: [
    {header: "Year", meaning: "Calendar year", unit: "", value: (r) => r.year},
    {
      header: "Invested (usd)",
      meaning: "The investor's new money paid in that year (contingent at its expected value)",
      unit: "usd",
      value: (r) => r.investment
    },
    {header: "Lab's spend (usd)", meaning: "The lab's committed spend with the provider that year", unit: "usd", value: (r) => r.spend},
    {
      header: "Provider's capex (usd)",
      meaning: "Capex the provider spends that year to deliver the capacity",
      unit: "usd",
      value: (r) => r.capex
    },
    {
      header: "Provider's cash (usd)",
      meaning: "Spend − cash operating costs − capex (+ book value left, last year)",
      unit: "usd",
      value: (r) => r.providerCash
    },
    {header: "Net cash (usd)", meaning: "Provider's cash − the investor's new money that year", unit: "usd", value: (r) => r.netCash},
    {
      header: "Cumulative net cash (usd)",
      meaning: "Net cash added up to the end of the year: the line drawn",
      unit: "usd",
      value: (r) => r.cumulativeNetCash
    },
    {
      header: "Cumulative net cash P10 (usd)",
      meaning: "10th percentile of the cumulative line over the draws (the band)",
      unit: "usd",
      value: (r) => r.p10
    },
    {
      header: "Cumulative net cash P90 (usd)",
      meaning: "90th percentile of the cumulative line over the draws (the band)",
      unit: "usd",
      value: (r) => r.p90
    }
  ]
};

export const EQUITY: ChartDownload<EquityPoint> = {
  id: "recycling-equity",
  chart: "Recycling: equity, kept apart from cash",
  columns: [
    {header: "Date", meaning: "Date of the mark, round or offer", unit: "", value: (p) => p.date},
    {
      header: "Kind",
      meaning: "mark (the investor's mark of its stake), valuation (the lab's post-money) or offer (offered, not taken)",
      unit: "",
      value: (p) => p.kind
    },
    {header: "Value (usd)", meaning: "The mark, valuation or offer", unit: "usd", value: (p) => p.usd},
    {header: "Bound", meaning: "exact, about, at-least or up-to, as the source wrote it", unit: "", value: (p) => p.bound},
    {header: "Status", meaning: "confirmed, reported, estimate or assumption", unit: "", value: (p) => p.status}
  ]
};

export const PER_WATT: ChartDownload<EfficiencyRow> = {
  id: "roadmap-per-watt",
  chart: "Chip roadmap: compute per watt and per dollar, by generation",
  columns: [
    {header: "Chip", meaning: "Chip generation", unit: "", value: (r) => r.name},
    {header: "Line", meaning: "Vendor's chip line", unit: "", value: (r) => r.line},
    {header: "Available", meaning: "Availability date (ISO)", unit: "", value: (r) => iso(r.date)},
    {
      header: "BF16 per watt (TFLOP/s per W)",
      meaning: "Peak dense BF16 over IT power per chip",
      unit: "tflops-per-watt",
      value: (r) => r.perWatt
    },
    {
      header: "BF16 per dollar-hour (TFLOP/s per USD/h)",
      meaning: "Peak dense BF16 over the public rental price an hour; empty without a price",
      unit: "tflops-per-usd-hour",
      value: (r) => r.perDollar
    },
    {header: "In this deal", meaning: "true for the deal's own chips (drawn bold)", unit: "", value: (r) => r.inDeal}
  ]
};

/** A row of the roadmap timeline: a chip, its availability, and when it fills the deal's capacity. */
export interface TimelineRow {
  chip: string;
  line: string;
  available: string;
  status: string;
  /** Month (YYYY-MM) the chip fills the deal's capacity in volume; null for chips outside the deal. */
  fillsFrom: string | null;
}

/** Returns the timeline's rows: every chip drawn, with the month it fills the deal's capacity when it does. */
export function timelineRows(
  chips: readonly {id: string; name: string; line: string; available: {date: string; status: string}}[],
  fills: readonly {id: string; fillsFrom: string}[]
): TimelineRow[] {
  const fill = new Map(fills.map((f) => [f.id, f.fillsFrom]));
  return chips.map((c) => ({
    chip: c.name,
    line: c.line,
    available: c.available.date,
    status: c.available.status,
    fillsFrom: fill.get(c.id) ?? null
  }));
}

export const TIMELINE: ChartDownload<TimelineRow> = {
  id: "roadmap-timeline",
  chart: "Chip roadmap: availability dates and when the deal's chips fill capacity",
  columns: [
    {header: "Chip", meaning: "Chip generation", unit: "", value: (r) => r.chip},
    {header: "Line", meaning: "Vendor's chip line", unit: "", value: (r) => r.line},
    {header: "Available", meaning: "Availability date (ISO)", unit: "", value: (r) => r.available},
    {header: "Availability status", meaning: "confirmed, reported, estimate or assumption", unit: "", value: (r) => r.status},
    {
      header: "Fills capacity from",
      meaning: "Month (YYYY-MM) the chip fills the deal's capacity in volume (the bar's end); empty outside the deal",
      unit: "",
      value: (r) => r.fillsFrom
    }
  ]
};

/** A cell of the options heat map with its value per GW-year, as drawn. */
export interface OptionCellRow extends OptionGridCell {
  perGwYear: number;
}

/** Returns the heat map's cells: value per GW-year = value ÷ (GW × years of use), as OptionsHeatmap draws it. */
export function optionCellRows(option: Pick<ChipOptionValue, "grid" | "gw" | "yearsOfUse">): OptionCellRow[] {
  const perGwYear = option.gw * option.yearsOfUse || 1;
  return option.grid.map((c) => ({...c, perGwYear: c.value / perGwYear}));
}

export const OPTION_GRID: ChartDownload<OptionCellRow> = {
  id: "options-grid",
  chart: "Future-chip options: option value by volatility and years to exercise",
  columns: [
    {header: "Volatility (fraction a year)", meaning: "Volatility of the chip's value", unit: "fraction", value: (c) => c.volatility},
    {header: "Years to exercise (years)", meaning: "Time until the option is exercised", unit: "years", value: (c) => c.years},
    {header: "Option value (usd)", meaning: "Black–Scholes value of the option at that cell", unit: "usd", value: (c) => c.value},
    {
      header: "Option value per GW-year (usd per gw-year)",
      meaning: "Option value ÷ (GW × years of use): the colour drawn",
      unit: "usd-per-gw-year",
      value: (c) => c.perGwYear
    }
  ]
};

/** A row of the signal board's file: one observation of a signal (or the signal alone when it has none). */
export interface SignalObservationRow {
  signal: string;
  question: string;
  signalStatus: string;
  date: string | null;
  status: string | null;
  text: string | null;
  deal: string | null;
  source: string | null;
  url: string | null;
}

/** Returns the board's rows: each shown observation under its signal, newest first; a signal with none has one row. */
export function signalRows(
  board: readonly SignalRow[],
  {sources, deals}: {sources: Record<string, {title: string; url: string; publisher?: string}>; deals: Record<string, string>}
): SignalObservationRow[] {
  return board.flatMap((row): SignalObservationRow[] => {
    const head = {signal: row.label, question: row.question, signalStatus: row.status};
    if (!row.observations.length) return [{...head, date: null, status: null, text: null, deal: null, source: null, url: null}];
    return row.observations.map((o) => ({
      ...head,
      date: o.date,
      status: o.status,
      text: o.text,
      deal: o.deal ? (deals[o.deal] ?? o.deal) : null,
      source: sources[o.source] ? (sources[o.source].publisher ?? sources[o.source].title) : o.source,
      url: sources[o.source]?.url ?? null
    }));
  });
}

export const SIGNALS: ChartDownload<SignalObservationRow> = {
  id: "signals",
  chart: "Signals to watch: the board",
  columns: [
    {header: "Signal", meaning: "The signal", unit: "", value: (r) => r.signal},
    {header: "Question", meaning: "What the signal asks", unit: "", value: (r) => r.question},
    {
      header: "Signal status",
      meaning:
        "Status of its newest observation that counts (on-track, watch, off-track, unknown): a forecast whose date has passed does not count, nor on capacity reality evidence dated before the deal it names; a forecast is never on-track",
      unit: "",
      value: (r) => r.signalStatus
    },
    {header: "Observation date", meaning: "Date of the observation (ISO)", unit: "", value: (r) => r.date},
    {header: "Observation status", meaning: "What the observation says for the signal", unit: "", value: (r) => r.status},
    {header: "Observation", meaning: "The observation as shown", unit: "", value: (r) => r.text},
    {header: "Deal", meaning: "The deal it is about, if one", unit: "", value: (r) => r.deal},
    {header: "Source", meaning: "Publisher or title of its source", unit: "", value: (r) => r.source},
    {header: "Source URL", meaning: "Address of its source", unit: "", value: (r) => r.url}
  ]
};

/** A bar of a tornado with the figure it moves and that figure's unit. */
export interface TornadoCsvRow extends TornadoRow {
  figure: string;
  unit: string;
}

export const TORNADO: ChartDownload<TornadoCsvRow> = {
  id: "methodology-tornado",
  chart: "Methodology: what moves each figure (tornado)",
  columns: [
    {header: "Figure", meaning: "The figure moved", unit: "", value: (r) => r.figure},
    {header: "Figure unit", meaning: "Unit of the three figure columns", unit: "", value: (r) => r.unit},
    {header: "Assumption", meaning: "The assumption moved, the others at base", unit: "", value: (r) => r.label},
    {header: "Assumption low", meaning: "The assumption's low, in its own unit", unit: "the assumption's", value: (r) => r.low},
    {header: "Assumption high", meaning: "The assumption's high, in its own unit", unit: "the assumption's", value: (r) => r.high},
    {header: "Figure at low", meaning: "The figure with the assumption at its low", unit: "Figure unit", value: (r) => r.valueAtLow},
    {header: "Figure at high", meaning: "The figure with the assumption at its high", unit: "Figure unit", value: (r) => r.valueAtHigh},
    {header: "Figure at base", meaning: "The figure with every assumption at base", unit: "Figure unit", value: (r) => r.baseValue},
    {header: "Swing", meaning: "|Figure at high − Figure at low|", unit: "Figure unit", value: (r) => r.swing}
  ]
};

/** A scenario of the research note's bull / base / bear table: its column, with the heading the table prints. */
export interface ScenarioCsvRow extends ScenarioColumn {
  title: string;
}

/** Returns the scenario table's rows: one per scenario column, titled as the table heads it ("Base case" for base). */
export function scenarioRows(columns: readonly ScenarioColumn[]): ScenarioCsvRow[] {
  return columns.map((c) => ({...c, title: c.scenario === "base" ? "Base case" : c.label}));
}

export const SCENARIO_TABLE: ChartDownload<ScenarioCsvRow> = {
  id: "scenarios",
  chart: "Risks, scenarios and peers: bull, base and bear (one row per scenario column)",
  columns: [
    {header: "Scenario", meaning: "The scenario, as the table heads its column", unit: "", value: (c) => c.title},
    {header: "Scenario id", meaning: "The scenario's id in the data", unit: "", value: (c) => c.scenario},
    {
      header: "Cash NPV of the new money (usd)",
      meaning: "The provider's cash NPV of the deal's new money at the scenario's values (no draw), discounted to 1 January 2026",
      unit: "usd",
      value: (c) => c.npvUsd
    },
    {
      header: "NPV with the value at term end (usd)",
      meaning:
        "The same cash NPV plus the present value of the capacity's book value at term end (not cash); empty in the column for the lab filling the ceiling unless it equals the base case",
      unit: "usd",
      value: (c) => c.npvWithResidualUsd
    },
    {
      header: "Pays back in (year)",
      meaning: "First year the cumulative cash on the new money turns positive for good; empty when it never does",
      unit: "year",
      value: (c) => c.paybackYear
    },
    {
      header: "Never pays back within the deal",
      meaning: "true when the new money is never paid back within the deal (before its spend ends); empty without an NPV",
      unit: "",
      value: (c) => (c.npvUsd === null ? null : c.paybackYear === null)
    },
    {
      header: "GW-years the commitment buys (gw-years)",
      meaning: "The commitment ÷ the scenario's contract revenue per GW-year",
      unit: "gw-years",
      value: (c) => c.gwYears
    },
    {
      header: "H100-equivalents at the ceiling, 8-bit (count)",
      meaning: "H100-equivalents on the 8-bit basis at the capacity ceiling",
      unit: "count",
      value: (c) => c.h100eFp8
    },
    {
      header: "Assumptions set",
      meaning: "The assumptions the scenario moves from base: label = value (base value), in the assumption's unit",
      unit: "",
      value: (c) => c.overrides.map((o) => `${o.label} = ${o.value} (base ${o.base}; ${o.unit})`).join("; ")
    },
    {header: "Delivery ramp", meaning: "The delivery ramp's shape under the scenario", unit: "", value: (c) => c.ramp}
  ]
};

/** The scenario file's columns for a table: the figure columns whose row the table leaves out (no scenario has it) dropped. */
export function scenarioDownload(columns: readonly ScenarioColumn[]): ChartDownload<ScenarioCsvRow> {
  const drop: string[] = [];
  if (!columns.some((c) => c.npvUsd !== null))
    drop.push("Cash NPV of the new money (usd)", "Pays back in (year)", "Never pays back within the deal");
  if (!columns.some((c) => c.npvWithResidualUsd !== null)) drop.push("NPV with the value at term end (usd)");
  if (!columns.some((c) => c.gwYears !== null)) drop.push("GW-years the commitment buys (gw-years)");
  if (!columns.some((c) => c.h100eFp8 !== null)) drop.push("H100-equivalents at the ceiling, 8-bit (count)");
  return withoutColumns(SCENARIO_TABLE, drop);
}

/** A row of the peer box's file: a ratio the box shows, with the bound of the deal's value. */
export interface PeerCsvRow extends PeerRow {
  bound: string;
}

/**
 * Returns the peer box's rows as drawn: the ratios the deal has a value on, each with the bound the box prints (the
 * bound of the comparison figure it comes from; "exact" for the NPV, a median of draws).
 */
export function peerRows(rows: readonly PeerRow[], comparison: object | undefined): PeerCsvRow[] {
  return rows
    .filter((r) => r.value !== null)
    .map((r) => {
      const figure = (comparison as Record<string, unknown> | undefined)?.[r.id];
      const bound = figure && typeof figure === "object" && "bound" in figure ? String((figure as {bound: string}).bound) : "exact";
      return {...r, bound};
    });
}

export const PEER_BOX: ChartDownload<PeerCsvRow> = {
  id: "peers",
  chart: "Risks, scenarios and peers: the deal against its peers (one row per ratio shown)",
  columns: [
    {header: "Ratio", meaning: "The ratio compared", unit: "", value: (r) => r.label},
    {header: "Ratio id", meaning: "The ratio's id", unit: "", value: (r) => r.id},
    {header: "Unit", meaning: "Unit of This deal (usd, usd-per-year, usd-per-gw, ratio)", unit: "", value: (r) => r.unit},
    {header: "This deal (in Unit)", meaning: "The deal's value on the ratio", unit: "Unit", value: (r) => r.value},
    {header: "Bound", meaning: "exact, about, at-least or up-to, from the figures the value comes from", unit: "", value: (r) => r.bound},
    {
      header: "Rank",
      meaning: `Rank among the live deals with a value, 1 = the largest; empty when not ranked, or when more than ${EXACT_RANKS} deals are ranked (then see Standing)`,
      unit: "",
      value: (r) => r.rank
    },
    {
      header: "Of (count)",
      meaning: `How many live deals have a value; empty when more than ${EXACT_RANKS} do`,
      unit: "count",
      value: (r) => r.of
    },
    {
      header: "Standing",
      meaning:
        'What the box prints: the rank ("2nd of 3"), or a band ("top 10%", "top quarter", "top half", "bottom half"…); empty when not ranked',
      unit: "",
      value: (r) => r.standing
    },
    {header: "Largest", meaning: "The live deal with the largest value", unit: "", value: (r) => r.leader?.name},
    {header: "Largest id", meaning: "Its deal id", unit: "", value: (r) => r.leader?.id}
  ]
};

/** A row of a market-totals table: a party (or the parties left out, together) and its deals' totals. */
export interface PartyCsvRow {
  party: string;
  id: string | null;
  parties: number;
  deals: number;
  /** Superseded deals whose standing money the investment sums (their terms are not summed). */
  stakes: number;
  investmentFirmUsd: BoundedSum;
  commitmentUsd: BoundedSum;
  gw: BoundedSum;
  /** The part of `gw` that counts only some of a deal's chips. */
  gwPartial?: BoundedSum;
}

/** Returns a market-totals table's rows as drawn: each party, then one row for the others when some are left out. */
export function partyRows(table: PartyTable, others: string): PartyCsvRow[] {
  return [
    ...table.rows.map((r) => ({...r, party: r.name, id: r.id, parties: 1})),
    ...(table.others ? [{...table.others, party: others, id: null}] : [])
  ];
}

// A sum of nothing is drawn "none": its value and bound are left empty.
const summed = (s: BoundedSum) => (s.count ? s.value : null);
const sumBound = (s: BoundedSum) => (s.count ? s.bound : null);

export const MARKET_TOTALS: ChartDownload<PartyCsvRow> = {
  id: "market-totals",
  chart: "The market in totals: by investor, by lab and by provider (one file per table)",
  columns: [
    {
      header: "Party",
      meaning: "The investor group, lab or provider; the last row sums the parties left out",
      unit: "",
      value: (r) => r.party
    },
    {
      header: "Party id",
      meaning: "Its id (investor groups join their ids with +); empty for the others' row",
      unit: "",
      value: (r) => r.id
    },
    {header: "Parties (count)", meaning: "Parties the row sums (1, or how many are left out)", unit: "count", value: (r) => r.parties},
    {header: "Deals (count)", meaning: "Live deals the row sums", unit: "count", value: (r) => r.deals},
    {
      header: "Stakes (count)",
      meaning: "Superseded deals whose money still stands (firm, not lapsed): counted in the firm investment only",
      unit: "count",
      value: (r) => r.stakes
    },
    {
      header: "Firm investment (usd)",
      meaning: "Sum of the deals' firm investment; empty for none",
      unit: "usd",
      value: (r) => summed(r.investmentFirmUsd)
    },
    {
      header: "Firm investment bound",
      meaning: "Bound of the sum, from its parts' bounds",
      unit: "",
      value: (r) => sumBound(r.investmentFirmUsd)
    },
    {
      header: "Dollar commitments (usd)",
      meaning: "Sum of the deals' dollar compute commitments; empty for none",
      unit: "usd",
      value: (r) => summed(r.commitmentUsd)
    },
    {header: "Dollar commitments bound", meaning: "Bound of the sum", unit: "", value: (r) => sumBound(r.commitmentUsd)},
    {header: "GW ceilings (gw)", meaning: "Sum of the deals' capacity ceilings; empty for none", unit: "gw", value: (r) => summed(r.gw)},
    {header: "GW ceilings bound", meaning: "Bound of the sum", unit: "", value: (r) => sumBound(r.gw)},
    {
      header: "GW partial (gw)",
      meaning: "Part of the GW sum from figures that count only some of a deal's chips (no ceiling); empty for none",
      unit: "gw",
      value: (r) => (r.gwPartial?.count ? summed(r.gwPartial) : null)
    }
  ]
};

export const NPV_TABLE: ChartDownload<NpvRow> = {
  id: "market-npv",
  chart:
    "What the deals return in cash: each live deal's cash NPV, best median first (above a dozen priced deals, the best and worst five; the table's line summing up the deals in between is not in the file)",
  columns: [
    {header: "Deal", meaning: "Deal name", unit: "", value: (r) => r.name},
    {header: "Deal id", meaning: "Deal id", unit: "", value: (r) => r.id},
    {header: "Rank", meaning: "Rank by median cash NPV among the live deals with one, 1 = the highest", unit: "", value: (r) => r.rank},
    {
      header: "Cash NPV, median (usd)",
      meaning: "Median over the draws of the provider's cash NPV of the deal's new money, discounted to 1 January 2026",
      unit: "usd",
      value: (r) => r.npvUsd
    },
    {header: "Cash NPV P10 (usd)", meaning: "10th percentile of the same draws", unit: "usd", value: (r) => r.p10},
    {header: "Cash NPV P90 (usd)", meaning: "90th percentile of the same draws", unit: "usd", value: (r) => r.p90},
    {
      header: "Pays back, median (year)",
      meaning: "Median payback year, the draws that never pay back ranked last; empty when the median draw never pays back",
      unit: "year",
      value: (r) => r.paybackYear
    },
    {
      header: "Draws that never pay back (fraction)",
      meaning: "Share of the draws in which the new money never pays back within the deal (before that draw's spend ends)",
      unit: "fraction",
      value: (r) => r.neverShare
    },
    {header: "Discount rate (fraction)", meaning: "The discount rate of the NPV", unit: "fraction", value: (r) => r.discountRate}
  ]
};

/** A column of the market's scenario table, with the heading the table prints ("Base case" for base). */
export interface MarketScenarioCsvRow extends MarketScenarioColumn {
  title: string;
}

/** Returns the market scenario table's rows: one per scenario column, titled as the table heads it. */
export function marketScenarioRows(columns: readonly MarketScenarioColumn[]): MarketScenarioCsvRow[] {
  return columns.map((c) => ({
    ...c,
    title: c.scenario === "base" ? "Base case" : c.scenario === "ceiling-filled" ? "If each lab uses all its capacity" : c.label
  }));
}

export const MARKET_SCENARIOS: ChartDownload<MarketScenarioCsvRow> = {
  id: "market-scenarios",
  chart: "What the deals return in cash: bull, base and bear, all live deals added up (one row per scenario column)",
  columns: [
    {header: "Scenario", meaning: "The scenario, as the table heads its column", unit: "", value: (c) => c.title},
    {header: "Scenario id", meaning: "The scenario's id in the data", unit: "", value: (c) => c.scenario},
    {
      header: "Cash NPV of the new money, added up (usd)",
      meaning:
        "Sum over the live deals with a dollar commitment of the provider's cash NPV of the deal's new money at the scenario's values (no draw), discounted to 1 January 2026",
      unit: "usd",
      value: (c) => c.npvUsd
    },
    {header: "Deals priced (count)", meaning: "Live deals with a cash NPV under the scenario", unit: "count", value: (c) => c.priced},
    {
      header: "Deals above zero (count)",
      meaning: "Of the deals priced, those with a cash NPV above zero",
      unit: "count",
      value: (c) => c.positive
    },
    {
      header: "NPV with the value at term end, added up (usd)",
      meaning:
        "Sum over the priced deals of the cash NPV plus the present value of the capacity's book value at term end (not cash); empty when a deal lacks that reading under the scenario",
      unit: "usd",
      value: (c) => c.npvWithResidualUsd
    },
    {
      header: "Deals above zero with the value at term end (count)",
      meaning: "Of the deals priced, those whose NPV with the value at term end is above zero; empty as the sum",
      unit: "count",
      value: (c) => c.positiveWithResidual
    },
    {
      header: "Deals that pay back (count)",
      meaning:
        "Of the deals priced, those whose cumulative cash on the new money turns positive for good within the deal (before its spend ends)",
      unit: "count",
      value: (c) => c.paysBack
    },
    {header: "Highest cash NPV, deal id", meaning: "The priced deal with the highest cash NPV", unit: "", value: (c) => c.best?.id},
    {header: "Highest cash NPV (usd)", meaning: "Its cash NPV", unit: "usd", value: (c) => c.best?.npvUsd},
    {header: "Lowest cash NPV, deal id", meaning: "The priced deal with the lowest cash NPV", unit: "", value: (c) => c.worst?.id},
    {header: "Lowest cash NPV (usd)", meaning: "Its cash NPV", unit: "usd", value: (c) => c.worst?.npvUsd},
    {
      header: "GW-years the commitments buy, added up (gw-years)",
      meaning: "Sum over the live deals of their commitment ÷ the scenario's contract revenue per GW-year",
      unit: "gw-years",
      value: (c) => c.gwYears
    },
    {header: "Deals with GW-years (count)", meaning: "Live deals in the GW-years sum", unit: "count", value: (c) => c.gwYearsDeals},
    {
      header: "H100-equivalents at the ceilings, 8-bit, added up (count)",
      meaning: "Sum over the live deals with chip counts of the H100-equivalents (8-bit basis) at the capacity ceiling",
      unit: "count",
      value: (c) => c.h100eFp8
    },
    {
      header: "Deals with H100-equivalents (count)",
      meaning: "Live deals in the H100-equivalents sum",
      unit: "count",
      value: (c) => c.h100eDeals
    },
    {
      header: "Deals counted with their base case (count)",
      meaning: "In the column for a lab filling the ceiling: priced deals with no such reading of their own, counted with their base case",
      unit: "count",
      value: (c) => c.asBase
    },
    {
      header: "Assumptions set",
      meaning: "The assumptions the scenario moves from base in any live deal: label = value (base value), in the assumption's unit",
      unit: "",
      value: (c) => c.overrides.map((o) => `${o.label} = ${o.value} (base ${o.base}; ${o.unit})`).join("; ")
    },
    {header: "Delivery ramp", meaning: "The delivery ramp's shape under the scenario", unit: "", value: (c) => c.ramp}
  ]
};

export const TRANCHES: ChartDownload<Tranche> = {
  id: "tranches",
  chart: "The deal at a glance: investment tranches (and rebates in kind), as the deal file states them",
  columns: [
    {header: "Date", meaning: "Date paid or announced (ISO)", unit: "", value: (t) => t.date},
    {header: "Tranche", meaning: "The tranche as the table names it", unit: "", value: (t) => t.label},
    {header: "Tranche id", meaning: "Its id in the deal file", unit: "", value: (t) => t.id},
    {header: "Investor id", meaning: "The investing company's id", unit: "", value: (t) => t.investor},
    {header: "Amount", meaning: "The amount, in the unit of the next column", unit: "Amount unit", value: (t) => t.amount.value},
    {header: "Amount unit", meaning: "usd-bn, usd-m or usd, as the deal file states it", unit: "", value: (t) => t.amount.unit},
    {
      header: "Bound",
      meaning: "exact, about, at-least or up-to, as the source wrote it",
      unit: "",
      value: (t) => t.amount.bound ?? "exact"
    },
    {header: "Status", meaning: "confirmed, reported, estimate or assumption", unit: "", value: (t) => t.amount.status},
    {header: "Source id", meaning: "The source the amount comes from (sources table)", unit: "", value: (t) => t.amount.source},
    {header: "Firm", meaning: "true for firm money, false for money contingent on a condition", unit: "", value: (t) => t.firm},
    {header: "Condition", meaning: "What contingent money depends on", unit: "", value: (t) => t.condition},
    {header: "Instrument", meaning: "Form of the money: equity, notes, warrants, credits…", unit: "", value: (t) => t.instrument}
  ]
};

/** A row of the methodology's P10 / P50 / P90 table: a figure drawn in the Monte Carlo, in words and unit. */
export interface SpreadRow extends FigureSpread {
  key: string;
  label: string;
  unit: string;
}

export const SPREAD: ChartDownload<SpreadRow> = {
  id: "methodology-spread",
  chart: "Methodology: P10, P50 and P90 of each figure drawn in the Monte Carlo",
  columns: [
    {header: "Figure", meaning: "The figure, in words", unit: "", value: (r) => r.label},
    {header: "Figure key", meaning: "Its key", unit: "", value: (r) => r.key},
    {header: "Unit", meaning: "Unit of P10, P50 and P90", unit: "", value: (r) => r.unit},
    {header: "P10", meaning: "10th percentile over the draws where the figure exists", unit: "Unit", value: (r) => r.p10},
    {
      header: "P50",
      meaning: "Median; empty when the median draw has no value (a payback that never comes)",
      unit: "Unit",
      value: (r) => r.p50
    },
    {header: "P90", meaning: "90th percentile; empty as P50", unit: "Unit", value: (r) => r.p90},
    {
      header: "Draws without it (fraction)",
      meaning: "Share of the draws in which the figure does not exist",
      unit: "fraction",
      value: (r) => r.undefinedShare
    }
  ]
};

/** A row of the market map's loop table: a loop with its company, lab and deal named. */
export interface LoopRow extends MarketLoop {
  companyName: string;
  labName: string;
  dealName: string;
}

/** Returns the loop table's rows, in the map's order, with the names the table prints. */
export function loopRows(map: Pick<MarketMap, "loops" | "nodes">, deals: readonly {id: string; name: string}[]): LoopRow[] {
  const node = new Map(map.nodes.map((n) => [n.id, n.name]));
  const deal = new Map(deals.map((d) => [d.id, d.name]));
  return map.loops.map((l) => ({
    ...l,
    companyName: node.get(l.company) ?? l.company,
    labName: node.get(l.lab) ?? l.lab,
    dealName: deal.get(l.deal) ?? l.deal
  }));
}

export const MARKET_LOOPS: ChartDownload<LoopRow> = {
  id: "market-loops",
  chart: "The market map: the loops, deal by deal (money that comes back to the company that invested in the lab)",
  columns: [
    {
      header: "Company",
      meaning: "The investor the money comes back to (subsidiaries rolled into parents)",
      unit: "",
      value: (r) => r.companyName
    },
    {header: "Lab", meaning: "The lab it invested in", unit: "", value: (r) => r.labName},
    {header: "Deal", meaning: "The deal", unit: "", value: (r) => r.dealName},
    {header: "Deal id", meaning: "Its id", unit: "", value: (r) => r.deal},
    {
      header: "Comes back through",
      meaning: "provider (the company's cloud or compute) and/or chips (the company's chips), separated by ;",
      unit: "",
      value: (r) => r.via.join("; ")
    },
    {
      header: "Equity, firm (usd)",
      meaning: "The company's firm equity in the lab in this deal",
      unit: "usd",
      value: (r) => r.equityFirmUsd.value
    },
    {header: "Equity, firm bound", meaning: "Bound of the firm equity", unit: "", value: (r) => r.equityFirmUsd.bound},
    {header: "Equity, max (usd)", meaning: "Every tranche at face value", unit: "usd", value: (r) => r.equityMaxUsd.value},
    {header: "Equity, max bound", meaning: "Bound of the maximum", unit: "", value: (r) => r.equityMaxUsd.bound},
    {
      header: "Compute commitment (usd)",
      meaning: "The commitment that comes back as cloud revenue; empty without a dollar figure or when the return is only chips",
      unit: "usd",
      value: (r) => r.commitmentUsd?.value
    },
    {header: "Compute commitment bound", meaning: "Bound of the commitment", unit: "", value: (r) => r.commitmentUsd?.bound}
  ]
};

/** Every chart download, for the Data page's dictionary. */
export const CHART_DOWNLOADS: readonly ChartDownload<never>[] = [
  CAPACITY_RAMP,
  COMMITMENT_SPEND,
  COMPARISON_SCATTER,
  NET_CASH,
  EQUITY,
  PER_WATT,
  TIMELINE,
  OPTION_GRID,
  SIGNALS,
  TORNADO,
  SCENARIO_TABLE,
  PEER_BOX,
  MARKET_TOTALS,
  NPV_TABLE,
  MARKET_SCENARIOS,
  TRANCHES,
  SPREAD,
  MARKET_LOOPS
].map((d) => d as unknown as ChartDownload<never>);

/**
 * Returns the "Data (CSV)" paragraph under a chart: `<download id>-<name>-<version>.csv` with exactly `rows` and the
 * download's columns. `name` tells deals (and figures) apart.
 */
export function ChartCsv<T>(download: ChartDownload<T>, name: string, rows: readonly T[], version: string): HTMLElement {
  return el("p", {class: "csv-download"}, csvLink(name ? `${download.id}-${name}` : download.id, rows, download.columns, version));
}
