/**
 * The published tables, built with arquero (Node only: never bundled for the browser). The long figure table holds
 * every figure of every deal, one row each: the headline figures the manifest records (datasetHeadlines) and every
 * figure of the deal's base projection, found by walking the projection for figure-shaped values, so figures other
 * modules add later join the table without a change here. Rollups sum the headline figures by investor, lab,
 * provider and chip vendor. The What-changed diff is a full join of two builds' figure tables on the key.
 */
import * as aq from "arquero";
import type {CapacityBaseCase} from "../core/capacity/prepareDealCapacity.js";
import {capacityScope} from "../core/comparison/capacityScope.js";
import {compareDeals, type DealComparison} from "../core/comparison/compareDeals.js";
import {type FigureChange, type HeadlineFigure, headlineTerms, isHistory, paybackLineage} from "../core/index.js";
import {combineBounds, type Lineage, leaf, mergeLineage} from "../core/lineage.js";
import {type Bound, type Dataset, type Deal, STATUSES, type Status} from "../core/model.js";
import type {DealProjection} from "../core/project/projectDeal.js";
import {leaseTailPv, otherReturnsPv} from "./callFigures.js";

/** One row of the figure table. */
export interface FigureRow {
  /** `<deal>.<figure>`, unique: the headline key, or the deal id and the figure's path in the projection. */
  key: string;
  deal: string;
  dealName: string;
  /** The figure's name within the deal, e.g. `investment.firm` or `capacity.h100e`. */
  figure: string;
  /** "headline": recorded in the build's manifest and compared by What changed; "projection": the base projection. */
  group: "headline" | "projection";
  label: string;
  value: number;
  /**
   * The figure at every assumption's base value (no draw): the base case beside a value that is the median of the
   * draws (the cash NPVs, the operating profit, the payback year), else the value itself; null when the base case has
   * none (a base case that never pays back).
   */
  base: number | null;
  unit: string;
  bound: Bound;
  status: Status;
  /** Ids of the sources behind the figure's inputs, sorted, separated by spaces. */
  sources: string;
  /** As-of date (ISO) of the figure, or of its deal's data for a projection. */
  asOf: string;
  /** Lineage input ids (facts, `chip:…`, `assumption:…`), separated by spaces. */
  inputs: string;
  /** P10 / P50 / P90 over the Monte Carlo draws, where computed (else null). */
  p10: number | null;
  p50: number | null;
  p90: number | null;
}

/** A column of a published table: its name, what it means and its unit ("" when it has none). */
export interface ColumnDoc {
  column: string;
  meaning: string;
  unit: string;
}

/** The figure table's columns, in order: the data dictionary of `figures.csv`. */
export const FIGURE_COLUMNS: readonly ColumnDoc[] = [
  {column: "key", meaning: "Stable key of the figure: deal id and figure name", unit: ""},
  {column: "deal", meaning: "Deal id (the data file's name)", unit: ""},
  {column: "dealName", meaning: "Deal name", unit: ""},
  {column: "figure", meaning: "Figure name within the deal", unit: ""},
  {
    column: "group",
    meaning:
      "headline (compared by What changed) or projection (computed by the model from the data and the assumptions; p10, p50 and p90 give the spread of the draws)",
    unit: ""
  },
  {column: "label", meaning: "What the figure is, in words", unit: ""},
  {
    column: "value",
    meaning:
      "The figure's value (for the cash NPVs, the operating profit, the payback year and the capacity figures with a band (accelerators, servers, FLOP/s, H100-equivalents): the median of the draws)",
    unit: "given in column unit"
  },
  {
    column: "base",
    meaning:
      "The figure at every assumption's base value, no draw: equal to value except where value is the median of the draws; empty when the base case has none (it never pays back)",
    unit: "given in column unit"
  },
  {column: "unit", meaning: "Unit of value, p10, p50 and p90 (usd = US dollars, gw = gigawatts, …)", unit: ""},
  {
    column: "bound",
    meaning: "exact, about, up-to (a ceiling) or at-least (a floor), as the source wrote it or inherited from the inputs",
    unit: ""
  },
  {column: "status", meaning: "confirmed, reported, estimate or assumption: the weakest among the inputs", unit: ""},
  {column: "sources", meaning: "Ids of the sources behind the inputs, space-separated (see sources.csv)", unit: ""},
  {column: "asOf", meaning: "Date the figure is as of", unit: "ISO date"},
  {
    column: "inputs",
    meaning: "Lineage: ids of the facts, chip fields and assumptions the figure is computed from, space-separated",
    unit: ""
  },
  {
    column: "p10",
    meaning: "10th percentile over the Monte Carlo of the assumptions' ranges (empty when not computed)",
    unit: "given in column unit"
  },
  {column: "p50", meaning: "Median over the Monte Carlo (empty when not computed)", unit: "given in column unit"},
  {column: "p90", meaning: "90th percentile over the Monte Carlo (empty when not computed)", unit: "given in column unit"}
];

/** A rollup's columns, in order (the party column is named by the rollup). */
export function rollupColumns(party: RollupParty): ColumnDoc[] {
  const whose =
    party === "provider"
      ? " by the provider's own group (another investor's money is not the provider's)"
      : party === "vendor"
        ? " (empty: money is not a chip vendor's; see by-investor)"
        : "";
  return [
    {
      column: party,
      meaning:
        party === "investor"
          ? "The deal's investors as one group: company ids joined with + (a deal counts once)"
          : `The ${party}: company id`,
      unit: ""
    },
    {column: "name", meaning: `The ${party}'s name`, unit: ""},
    {column: "deals", meaning: "Number of deals (a superseded deal adds only the money still standing under it)", unit: "count"},
    {column: "dealIds", meaning: "The deals, space-separated", unit: ""},
    {column: "investedFirmUsd", meaning: `Sum of firm investment over the deals that state it${whose}`, unit: "USD"},
    {
      column: "investedMaxUsd",
      meaning: `Sum of investment if every condition is met (firm where there is no contingent money)${whose}`,
      unit: "USD"
    },
    {
      column: "committedUsd",
      meaning:
        party === "vendor"
          ? "Sum of compute commitments, each counted in full for every vendor of the chips its deal names"
          : "Sum of compute commitments over the deals that state one",
      unit: "USD"
    },
    {
      column: "gw",
      meaning:
        party === "vendor"
          ? "Sum of capacity ceilings (facility power), each for the vendors of the chips it covers"
          : "Sum of capacity ceilings (facility power) over the deals that state one",
      unit: "GW"
    },
    {column: "h100e", meaning: "Sum of H100-equivalents of the base projection over the deals with capacity", unit: "H100e"},
    {column: "bound", meaning: "Combined bound of the summed figures (up-to when any is a ceiling)", unit: ""}
  ];
}

export type RollupParty = "investor" | "lab" | "provider" | "vendor";

/** One row of a rollup. */
export interface RollupRow {
  party: string;
  name: string;
  deals: number;
  dealIds: string;
  investedFirmUsd: number | null;
  investedMaxUsd: number | null;
  committedUsd: number | null;
  gw: number | null;
  h100e: number | null;
  bound: Bound;
}

/** Returns true for a value shaped like a core Figure (value, unit, bound, lineage). */
function isFigure(v: unknown): v is {value: number; unit: string; bound: Bound; lineage: Lineage} {
  if (v === null || typeof v !== "object") return false;
  const f = v as Record<string, unknown>;
  const lineage = f.lineage as Record<string, unknown> | undefined;
  return (
    typeof f.value === "number" &&
    typeof f.unit === "string" &&
    typeof f.bound === "string" &&
    !!lineage &&
    Array.isArray(lineage.inputs) &&
    typeof lineage.status === "string"
  );
}

/**
 * Returns every figure in a projection with its dotted path (`capacity.h100e`, `commitment.gwYears.contract`).
 * Arrays (year-by-year series, option items) are series, not figures, and are skipped, as are the Monte Carlo and
 * tornado results.
 */
export function projectionFigures(projection: DealProjection): [string, {value: number; unit: string; bound: Bound; lineage: Lineage}][] {
  const out: [string, {value: number; unit: string; bound: Bound; lineage: Lineage}][] = [];
  const walk = (value: unknown, path: string[]) => {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return;
    if (isFigure(value)) {
      if (Number.isFinite(value.value)) out.push([path.join("."), value]);
      return;
    }
    for (const [k, child] of Object.entries(value)) walk(child, [...path, k]);
  };
  const {uncertainty: _u, tornado: _t, assumptions: _a, ...rest} = projection;
  walk(rest, []);
  return out;
}

/**
 * Returns the source id behind a lineage input id, or null when there is none: `<deal>.<path>` walks the deal (array
 * items by their `id`), `chip:<id>.<path>` a chip, `company:<id>.<path>` a company, `assumption:<id>` an assumption.
 */
export function inputSource(dataset: Dataset, input: string): string | null {
  const walk = (root: unknown, path: string[]): unknown => {
    let node = root;
    for (const part of path) {
      if (node === null || typeof node !== "object") return undefined;
      node = Array.isArray(node) ? node.find((item) => (item as {id?: unknown})?.id === part) : (node as Record<string, unknown>)[part];
    }
    return node;
  };
  // A fact's own source, or the one source of its fact-valued fields (a stated total's `amount`).
  const sourceOf = (node: unknown): string | null => {
    if (node === null || typeof node !== "object") return null;
    const s = (node as {source?: unknown}).source;
    if (typeof s === "string") return s;
    const inner = new Set(
      Object.values(node)
        .map((child) => (child as {source?: unknown} | null)?.source)
        .filter((x): x is string => typeof x === "string")
    );
    return inner.size === 1 ? [...inner][0] : null;
  };
  const byId = idIndex(dataset);
  if (input.startsWith("assumption:")) return sourceOf(byId.assumptions.get(input.slice(11)));
  if (input.startsWith("company:")) {
    const [id, ...path] = input.slice("company:".length).split(".");
    return sourceOf(walk(byId.companies.get(id), path));
  }
  if (input.startsWith("chip:")) {
    const [id, ...path] = input.slice(5).split(".");
    return sourceOf(walk(byId.chips.get(id), path));
  }
  const [deal, ...path] = input.split(".");
  return sourceOf(walk(byId.deals.get(deal), path));
}

/** A dataset's deals, companies, chips and assumptions by id (the first of each id, as `find` gave). */
interface IdIndex {
  deals: Map<string, Dataset["deals"][number]>;
  companies: Map<string, Dataset["companies"][number]>;
  chips: Map<string, Dataset["chips"][number]>;
  assumptions: Map<string, Dataset["assumptions"][number]>;
}

/**
 * Returns `dataset`'s {@link IdIndex}, built once per dataset: inputSource looked each input's deal or company up by
 * scanning the list, once per input of every figure row, which grew with the square of the number of deals (figureRows
 * took 10 s at 1,000 deals, 0.3 s at 100). The core is pure, so a dataset's lists do not change while it is indexed.
 */
function idIndex(dataset: Dataset): IdIndex {
  let index = idIndexes.get(dataset);
  if (!index) {
    const byId = <T extends {id: string}>(items: readonly T[]) => {
      const map = new Map<string, T>();
      for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
      return map;
    };
    index = {
      deals: byId(dataset.deals),
      companies: byId(dataset.companies),
      chips: byId(dataset.chips),
      assumptions: byId(dataset.assumptions)
    };
    idIndexes.set(dataset, index);
  }
  return index;
}
const idIndexes = new WeakMap<Dataset, IdIndex>();

/** Returns the lineage of a deal's money headline figure from its terms (the manifest records no lineage). */
function headlineLineage(deal: Deal, figure: string): Lineage | null {
  const terms = headlineTerms(deal);
  const byName: Record<string, Lineage | undefined> = {
    "investment.firm": terms.firm?.lineage,
    "investment.max": terms.max?.lineage,
    commitment: terms.committed?.lineage,
    "capacity.ceiling": deal.capacity ? {inputs: [`${deal.id}.capacity.ceiling`], status: deal.capacity.ceiling.status} : undefined
  };
  return byName[figure] ?? null;
}

const spaced = (ids: Iterable<string>) => [...new Set(ids)].sort().join(" ");

/**
 * Returns the figure table of a dataset as rows, sorted by key: the headline figures, then every projection figure
 * whose key is not a headline's. A Monte Carlo spread (projection.uncertainty) goes to the figure of the same name,
 * else to the headline of that name, else to the only projection figure under that name; one that matches none is
 * left out.
 */
export function figureRows(
  dataset: Dataset,
  headlines: readonly HeadlineFigure[],
  projections: Record<string, DealProjection>
): FigureRow[] {
  const rows = new Map<string, FigureRow>();
  const deals = new Map(dataset.deals.map((d) => [d.id, d]));
  const sourcesOf = (inputs: readonly string[]) => spaced(inputs.map((i) => inputSource(dataset, i)).filter((s): s is string => !!s));
  for (const h of headlines) {
    const deal = deals.get(h.deal);
    const figure = h.key.slice(h.deal.length + 1);
    let lineage = deal ? headlineLineage(deal, figure) : null;
    const projection = projections[h.deal];
    // The payback year is a plain number in the projection, read from the NPV's cash flows: it has the NPV's lineage.
    if (!lineage && projection && figure === "recycling.paybackYear") lineage = paybackLineage(projection.recycling);
    if (!lineage && projection) {
      // A headline taken from the projection: the projection figure named like it (`recycling.npv` → `recycling.npvUsd`,
      // `commitment.gwYears.contract`) with the same value and unit.
      const same = projectionFigures(projection).find(([path, f]) => path.startsWith(figure) && f.value === h.value && f.unit === h.unit);
      lineage = same?.[1].lineage ?? null;
    }
    const inputs = lineage?.inputs ?? [];
    rows.set(h.key, {
      key: h.key,
      deal: h.deal,
      dealName: h.dealName,
      figure,
      group: "headline",
      label: h.label,
      value: h.value,
      base: projection ? baseValue(projection, figure, h.value) : h.value,
      unit: h.unit,
      bound: h.bound,
      status: h.status,
      sources: sourcesOf(inputs),
      asOf: h.asOf,
      inputs: spaced(inputs),
      p10: null,
      p50: null,
      p90: null
    });
  }
  for (const deal of dataset.deals) {
    const projection = projections[deal.id];
    if (!projection) continue;
    const own: FigureRow[] = [];
    for (const [path, f] of projectionFigures(projection)) {
      const key = `${deal.id}.${path}`;
      if (rows.has(key)) continue;
      const row: FigureRow = {
        key,
        deal: deal.id,
        dealName: deal.name,
        figure: path,
        group: "projection",
        label: FIGURE_LABELS[path] ?? path,
        value: f.value,
        base: baseValue(projection, path, f.value),
        unit: f.unit,
        bound: f.bound,
        status: f.lineage.status,
        sources: sourcesOf(f.lineage.inputs),
        asOf: projection.asOf,
        inputs: spaced(f.lineage.inputs),
        p10: null,
        p50: null,
        p90: null
      };
      rows.set(key, row);
      own.push(row);
    }
    for (const [name, spread] of Object.entries(projection.uncertainty?.figures ?? {})) {
      const under = own.filter((r) => r.figure.startsWith(`${name}.`));
      const target = rows.get(`${deal.id}.${name}`) ?? (under.length === 1 ? under[0] : undefined);
      if (!target) continue;
      const finite = (x: number) => (Number.isFinite(x) ? x : null);
      Object.assign(target, {p10: finite(spread.p10), p50: finite(spread.p50), p90: finite(spread.p90)});
    }
    // Figures the sentences cite beside the cash figures, with the facts they read: a lessee's rent owed after the term
    // (its filed lease term, the rent assumption, the discount rate) and each return outside the commitment (its cap as
    // the data states it, and what it is worth if the cap is reached).
    for (const row of citedFigureRows(dataset, deal, projection)) {
      const lineage = row.lineage;
      rows.set(`${deal.id}.${row.figure}`, {
        key: `${deal.id}.${row.figure}`,
        deal: deal.id,
        dealName: deal.name,
        figure: row.figure,
        group: "projection",
        label: row.label,
        value: row.value,
        base: row.value,
        unit: "usd",
        bound: row.bound,
        status: lineage.status,
        sources: sourcesOf(lineage.inputs),
        asOf: projection.asOf,
        inputs: spaced(lineage.inputs),
        p10: null,
        p50: null,
        p90: null
      });
    }
    // How the cash NPV's draws fall: the share above zero and the share that pay back, from the same draws as its band.
    const r = projection.recycling;
    const draws = projection.uncertainty?.draws;
    const npvRow = rows.get(`${deal.id}.recycling.npvUsd`) ?? rows.get(`${deal.id}.recycling.npv`);
    const shares: [string, number | undefined][] = [
      ["recycling.npvPositiveShare", r.npvPositiveShare],
      [
        "recycling.paybackShare",
        // A count of draws over the draws (1 − the never share leaves a binary rounding tail: 0.06399999999999995).
        r.paybackNeverShare === undefined || !draws ? undefined : Math.round((1 - r.paybackNeverShare) * draws) / draws
      ]
    ];
    for (const [path, value] of shares) {
      if (!npvRow || value === undefined || !r.npvUsd) continue;
      const key = `${deal.id}.${path}`;
      rows.set(key, {
        ...npvRow,
        key,
        figure: path,
        group: "projection",
        label: FIGURE_LABELS[path],
        value,
        base: null,
        unit: "fraction",
        bound: "exact",
        p10: null,
        p50: null,
        p90: null
      });
    }
  }
  return [...rows.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * The figures the briefings' sentences cite that are not projection figures themselves, at the base projection: a
 * lessee's rent still owed after the term (`recycling.leaseTailPvUsd`), and each return outside the commitment, its
 * cap (`otherReturns.<id>.cap`, the data's fact) and its value if the cap is reached (`otherReturns.<id>.pvUsd`).
 */
export function citedFigureRows(
  dataset: Pick<Dataset, "assumptions">,
  deal: Deal,
  projection: DealProjection
): {figure: string; label: string; value: number; bound: Bound; lineage: Lineage}[] {
  const r = projection.recycling;
  const rate = leaf("assumption:discount-rate", dataset.assumptions.find((a) => a.id === "discount-rate")?.status ?? "assumption");
  const out: {figure: string; label: string; value: number; bound: Bound; lineage: Lineage}[] = [];
  const tail = leaseTailPv(projection);
  // The tail reads what the leased capacity reads (the commitment, the price, the rent, the lease term) and the rate.
  if (tail !== null && r.leasedFacilityUsd)
    out.push({
      figure: "recycling.leaseTailPvUsd",
      label: FIGURE_LABELS["recycling.leaseTailPvUsd"],
      value: tail,
      bound: "about",
      lineage: mergeLineage(r.leasedFacilityUsd.lineage, rate)
    });
  for (const x of otherReturnsPv(deal, projection.assumptions["discount-rate"], r.valuationYear)) {
    const item = deal.otherReturns?.find((o) => o.label === x.label);
    if (!item) continue;
    const fact = leaf(`${deal.id}.otherReturns.${item.id}.amount`, item.amount.status);
    out.push(
      {
        figure: `otherReturns.${item.id}.cap`,
        label: `${item.label}: its total, capped (not in any cash figure)`,
        value: x.capUsd,
        bound: x.capBound,
        lineage: fact
      },
      {
        figure: `otherReturns.${item.id}.pvUsd`,
        label: `${item.label}: worth today if its cap is reached, paid evenly to ${x.until} (not in any cash figure)`,
        value: x.pvUsd,
        bound: "about",
        lineage: mergeLineage(fact, rate)
      }
    );
  }
  return out;
}

/**
 * What each projection figure is, in words, for figures.csv's `label` column (the figure's path stays in `figure`):
 * a figure a later module adds without a label here keeps its path.
 */
export const FIGURE_LABELS: Readonly<Record<string, string>> = {
  "recycling.leaseTailPvUsd": "rent the provider still owes on its data-centre leases after the term, discounted",
  "capacity.accelerators": "accelerators at the capacity ceiling",
  "capacity.buildings": "data-centre buildings at the capacity ceiling",
  "capacity.energyTwhPerYear": "electricity a year at the capacity ceiling",
  "capacity.flopsBf16": "compute at the capacity ceiling, dense BF16",
  "capacity.flopsFp8": "compute at the capacity ceiling, 8-bit",
  "capacity.gw": "facility power at the capacity ceiling",
  "capacity.h100e": "H100-equivalents at the capacity ceiling, dense BF16 basis",
  "capacity.h100eFp8": "H100-equivalents at the capacity ceiling, Epoch AI's 8-bit basis",
  "capacity.itMw": "IT power at the capacity ceiling",
  "capacity.servers": "servers at the capacity ceiling",
  "commitment.ceilingGw": "capacity ceiling the commitment is compared with",
  "commitment.ceilingGwYears": "GW-years the ceiling supplies over the term",
  "commitment.costPerGwYear.buildUp": "cost of a GW-year, built up from capex and running costs",
  "commitment.costPerGwYear.contract": "market price of a GW-year",
  "commitment.coverage": "GW-years the commitment buys at the market price ÷ the ceiling's over the term",
  "commitment.gwYears.buildUp": "GW-years the commitment buys at the built-up cost",
  "commitment.gwYears.contract": "GW-years the commitment buys at the market price",
  "commitment.totalUsd": "compute commitment",
  "commitment.years": "term of the commitment",
  "options.value": "value of the options on future generations (Black–Scholes), per GW-year",
  "options.valueMonteCarlo": "value of the options on future generations (Monte Carlo), per GW-year",
  "recycling.accountingNpvUsd": "accounting NPV of the new money (operating profit, no capex; not cash)",
  "recycling.capexUsd": "provider's capex to deliver the capacity",
  "recycling.ceilingFilled.npvUsd": "provider's cash NPV if the lab pays for all the capacity delivered",
  "recycling.commitmentUsd": "compute commitment the cash figures are computed on",
  "recycling.deliveredGwYears": "GW-years the capacity supplies on schedule over the term",
  "recycling.equityGainUsd": "investor's equity gain on paper (latest mark − firm cash paid in; not cash)",
  "recycling.investmentExpectedUsd": "investment expected (each contingent tranche at the editors' assumed chance of being paid)",
  "recycling.investmentFirmUsd": "investment, firm, by the provider's group",
  "recycling.investmentMaxUsd": "investment if every tranche is paid, by the provider's group",
  "recycling.investmentToCommitmentMax": "investment ÷ commitment, every tranche",
  "recycling.investmentToCommitmentNew": "new firm money ÷ commitment",
  "recycling.investmentToCommitmentNewAtCost": "new firm money at its cost to the investor ÷ commitment",
  "recycling.investmentToCommitmentNewMax": "new money, every tranche, ÷ commitment",
  "recycling.leasedFacilityUsd": "build cost of the data centres the provider leases (not its capex)",
  "recycling.newMoneyExpectedUsd": "new money in this deal, expected",
  "recycling.newMoneyMaxUsd": "new money in this deal if every tranche is paid",
  "recycling.npvUsd": "provider's cash NPV, net of new money",
  "recycling.npvPositiveShare": "share of the draws in which the provider's cash NPV is above zero",
  "recycling.paybackShare": "share of the draws in which the provider's cumulative cash turns positive within the deal",
  "recycling.npvWithResidualUsd": "provider's cash NPV with the capacity's book value at term end",
  "recycling.npvAtHeldMarginUsd": "provider's cash NPV with its margin held at its guided or reported value (a sensitivity)",
  "recycling.operatingProfitUsd": "provider's operating profit over the term",
  "recycling.otherInvestorsFirmUsd": "firm investment by investors outside the provider's group (not in the cash figures)",
  "recycling.pricePerGwYearUsd": "price per GW-year the cash figures are paid",
  "recycling.providerCashUsd": "provider's cash over the term after capex, not discounted",
  "recycling.rebateExpectedUsd": "provider's rebate in kind to the lab (its own stock), expected",
  "recycling.relationship.npvUsd": "cash NPV of the whole relationship (every tranche to date)",
  "recycling.residualPvUsd": "book value of the capacity at term end, discounted (not cash)",
  "recycling.residualUsd": "book value of the capacity at term end (not cash)",
  "recycling.revenuePerDollarInvested": "committed spend per firm dollar invested",
  "recycling.revenueUsd": "lab's spend with the provider the cash figures use",
  "recycling.totalReturnUsd": "total return with the stake's latest mark (not all cash)"
};

/**
 * The base case's value of a figure whose projection value is the median of the draws (recycling.baseCase), else
 * the value itself: `figure` is a projection path (`recycling.npvUsd`) or a headline name (`recycling.npv`).
 */
function baseValue(projection: DealProjection, figure: string, value: number): number | null {
  // A banded capacity figure's value is the median of its draws; its value at the base values is kept beside it.
  const capacityBase = figure.startsWith("capacity.")
    ? projection.capacity?.base?.[figure.slice("capacity.".length) as keyof CapacityBaseCase]
    : undefined;
  if (capacityBase !== undefined) return capacityBase;
  const b = projection.recycling?.baseCase;
  if (!b) return value;
  const byFigure: Record<string, number | null | undefined> = {
    "recycling.npv": b.npvUsd,
    "recycling.npvUsd": b.npvUsd,
    "recycling.npvWithResidualUsd": b.npvWithResidualUsd,
    "recycling.npvAtHeldMarginUsd": b.npvAtHeldMarginUsd,
    "recycling.operatingProfitUsd": b.operatingProfitUsd,
    "recycling.relationship.npvUsd": b.relationshipNpvUsd,
    "recycling.totalReturnUsd": b.totalReturnUsd,
    "recycling.paybackYear": b.paybackYear
  };
  if (figure === "recycling.ceilingFilled.npvUsd") return projection.recycling.ceilingFilled?.baseNpvUsd ?? value;
  if (!(figure in byFigure)) return value;
  const base = byFigure[figure];
  return base === undefined ? value : base;
}

/** Returns the figure table as an arquero table, columns in FIGURE_COLUMNS order. */
export function figureTable(rows: readonly FigureRow[]): aq.ColumnTable {
  return aq.from(rows as FigureRow[]).select(FIGURE_COLUMNS.map((c) => c.column));
}

/** Returns the value of figure `name` of each deal from the figure table: deal id → value (absent when the deal has none). */
function figureValues(figures: aq.ColumnTable, name: string): Map<string, {value: number; bound: Bound}> {
  // One pass over the columns: an arquero filter and its row objects for each of the 20 names a download asks for
  // were 0.3 CPU-s at 1,000 deals (57,809 rows).
  const [figure, deal, value, bound] = (["figure", "deal", "value", "bound"] as const).map((c) => figures.array(c) as unknown[]);
  const out = new Map<string, {value: number; bound: Bound}>();
  for (let i = 0; i < figure.length; i++)
    if (figure[i] === name) out.set(deal[i] as string, {value: value[i] as number, bound: bound[i] as Bound});
  return out;
}

/** The figures a rollup reads from the figure table (see rollup): a table of these rows alone rolls up the same. */
export const ROLLUP_FIGURES: ReadonlySet<string> = new Set([
  "investment.firm",
  "investment.max",
  "commitment",
  "capacity.ceiling",
  "capacity.h100e"
]);

/**
 * Returns a rollup of the deals by `party` as rows sorted by party id: for each, the deals and the sums of firm and
 * maximum investment, commitment, capacity ceiling and H100e over the deals that state each (null when none does).
 * Rows follow the market briefing's tables, so a download and the briefing give one total:
 * - investor: a deal's investors are one group (Microsoft + Nvidia → Anthropic is one "microsoft+nvidia" row), so no
 *   deal counts twice and the investor rows add up to the market's totals;
 * - provider: a provider is credited only with its own group's money (Microsoft's, not Nvidia's), as on the
 *   briefing's provider table: another investor's cheque is not the provider's investment;
 * - vendor: money is not a chip vendor's (the investment columns are empty); the commitment counts in full for each
 *   vendor of the chips the deal names, and the GW and H100e only for the vendors of the chips the capacity figure
 *   covers (Amazon → OpenAI's about 2 GW is Trainium, not Nvidia), so vendor rows do not add up to the market total.
 * A superseded deal adds only the money still standing under it (firm, not lapsed), never its commitment, capacity
 * or H100e. `comparison` is compareDeals(dataset), when the caller has it already.
 */
export function rollup(
  dataset: Dataset,
  figures: aq.ColumnTable,
  party: RollupParty,
  comparison: readonly DealComparison[] = compareDeals(dataset)
): RollupRow[] {
  const measures = {
    investedFirmUsd: figureValues(figures, "investment.firm"),
    // Without contingent money there is no maximum headline: the maximum is the firm investment.
    investedMaxUsd: figureValues(figures, "investment.max"),
    committedUsd: figureValues(figures, "commitment"),
    gw: figureValues(figures, "capacity.ceiling"),
    h100e: figureValues(figures, "capacity.h100e")
  };
  const vendors = new Map(dataset.chips.map((c) => [c.id, c.vendor]));
  const vendorsOf = (chips: readonly string[]) => [...new Set(chips.map((c) => vendors.get(c)).filter((v): v is string => !!v))];
  const compared = new Map(comparison.map((r) => [r.id, r]));
  const partiesOf = (deal: Deal): string[] => {
    if (party === "investor") return [deal.investors.join("+")];
    if (party === "lab") return [deal.lab];
    if (party === "provider") return [deal.provider];
    return vendorsOf(deal.hardware.chips);
  };
  // The vendors whose chips the capacity figure counts: the capacity's own chips when it names them, else every chip.
  const capacityVendors = (deal: Deal) => {
    const {covered} = capacityScope(deal);
    return new Set(vendorsOf(covered.length ? covered : deal.hardware.chips));
  };
  const asMeasure = (f: {value: number; bound: Bound} | null | undefined) => (f ? {value: f.value, bound: f.bound} : undefined);
  const long = dataset.deals.flatMap((deal) => {
    const covered = party === "vendor" ? capacityVendors(deal) : null;
    return partiesOf(deal).map((p) => {
      // A superseded deal's terms are history (its letter's GW, commitment and projected chips): only the money that
      // still stands under it (its firm tranches not lapsed: Nvidia's $30B in OpenAI) counts, as in the market totals.
      const live = !isHistory(deal);
      const own = compared.get(deal.id);
      const money =
        party === "vendor"
          ? {firm: undefined, max: undefined}
          : party === "provider"
            ? {firm: asMeasure(own?.ratioInvestmentFirmUsd), max: asMeasure(own?.ratioInvestmentMaxUsd)}
            : {firm: measures.investedFirmUsd.get(deal.id), max: measures.investedMaxUsd.get(deal.id)};
      const firm = money.firm;
      const max = live ? (money.max ?? firm) : firm;
      const counts = !covered || covered.has(p);
      const terms = (m: Map<string, {value: number; bound: Bound}>) => (live ? m.get(deal.id) : undefined);
      const capacity = (m: Map<string, {value: number; bound: Bound}>) => (counts ? terms(m) : undefined);
      const parts = [firm, max, terms(measures.committedUsd), capacity(measures.gw), capacity(measures.h100e)];
      return {
        party: p,
        deal: deal.id,
        investedFirmUsd: firm?.value ?? null,
        investedMaxUsd: max?.value ?? null,
        committedUsd: terms(measures.committedUsd)?.value ?? null,
        gw: capacity(measures.gw)?.value ?? null,
        h100e: capacity(measures.h100e)?.value ?? null,
        bounds: parts.map((x) => x?.bound ?? "exact").join(" ")
      };
    });
  });
  if (!long.length) return [];
  const grouped = aq
    .from(long)
    .groupby("party")
    .rollup({
      deals: aq.op.count(),
      dealIds: aq.op.array_agg("deal"),
      investedFirmUsd: aq.op.array_agg("investedFirmUsd"),
      investedMaxUsd: aq.op.array_agg("investedMaxUsd"),
      committedUsd: aq.op.array_agg("committedUsd"),
      gw: aq.op.array_agg("gw"),
      h100e: aq.op.array_agg("h100e"),
      bounds: aq.op.array_agg("bounds")
    })
    .orderby("party");
  const names = new Map(dataset.companies.map((c) => [c.id, c.name]));
  const nameOf = (id: string) =>
    id
      .split("+")
      .map((p) => names.get(p) ?? p)
      .join(" + ");
  const total = (values: (number | null)[]) => {
    const stated = values.filter((v): v is number => v !== null);
    return stated.length ? stated.reduce((s, v) => s + v, 0) : null;
  };
  return (grouped.objects() as Record<string, unknown>[]).map((r) => ({
    party: r.party as string,
    name: nameOf(r.party as string),
    deals: r.deals as number,
    dealIds: [...(r.dealIds as string[])].sort().join(" "),
    investedFirmUsd: total(r.investedFirmUsd as (number | null)[]),
    investedMaxUsd: total(r.investedMaxUsd as (number | null)[]),
    committedUsd: total(r.committedUsd as (number | null)[]),
    gw: total(r.gw as (number | null)[]),
    h100e: total(r.h100e as (number | null)[]),
    bound: combineBounds((r.bounds as string[]).flatMap((b) => b.split(" ")) as Bound[])
  }));
}

/**
 * Returns the figures that differ between two builds' headline figures, as diffFigures (src/core/changes.ts) does,
 * computed as a full outer join of the two figure tables on the key: a row only after is "added", only before
 * "removed", and in both "changed" when value (beyond 9 significant digits), bound, status or unit differ.
 * Sorted by deal, then key.
 */
export function diffFigureTables(before: readonly HeadlineFigure[], after: readonly HeadlineFigure[]): FigureChange[] {
  const table = (figures: readonly HeadlineFigure[], tag: string) =>
    aq.table({
      key: figures.map((f) => f.key),
      [`i_${tag}`]: figures.map((_, i) => i)
    });
  const joined = table(before, "b").join_full(table(after, "a"), "key").orderby("key");
  const changes: FigureChange[] = [];
  const same = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
  for (const row of joined.objects() as {key: string; i_b?: number; i_a?: number}[]) {
    const o = row.i_b === undefined || row.i_b === null ? null : before[row.i_b];
    const f = row.i_a === undefined || row.i_a === null ? null : after[row.i_a];
    if (f && !o) changes.push({key: f.key, deal: f.deal, dealName: f.dealName, label: f.label, kind: "added", before: null, after: f});
    else if (o && !f)
      changes.push({key: o.key, deal: o.deal, dealName: o.dealName, label: o.label, kind: "removed", before: o, after: null});
    else if (o && f && (!same(o.value, f.value) || o.bound !== f.bound || o.status !== f.status || o.unit !== f.unit))
      changes.push({key: f.key, deal: f.deal, dealName: f.dealName, label: f.label, kind: "changed", before: o, after: f});
  }
  return changes.sort((a, b) => (a.deal < b.deal ? -1 : a.deal > b.deal ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The comparison table's figures: each published as value, unit, bound and status columns. */
const COMPARISON_FIGURES = [
  ["investmentFirmUsd", "Firm investment", "usd"],
  ["investmentMaxUsd", "Investment if every condition is met", "usd"],
  ["ratioInvestmentFirmUsd", "Firm investment by the investors in the provider's own group (the ratio's divisor)", "usd"],
  ["commitmentUsd", "Compute commitment", "usd"],
  ["years", "Term of the commitment", "years"],
  ["gw", "Capacity ceiling (facility power)", "gw"],
  [
    "usdPerYear",
    "Commitment per year: commitmentUsd ÷ years; with several contracts, each one's amount ÷ its own term, summed while the most run together (the peak rate, from the core)",
    "usd-per-year"
  ],
  ["usdPerGw", "Commitment per GW: commitmentUsd ÷ gw", "usd-per-gw"],
  [
    "commitmentToInvestment",
    "Commitment per firm dollar invested by the provider's own group: commitmentUsd ÷ ratioInvestmentFirmUsd",
    "ratio"
  ],
  ["stake", "Investor's stake in the lab", "fraction"]
] as const;

/** The ratios the comparison table derives (arquero) from its own columns: [column, numerator, denominator]. */
// "$ a year" is not among them: with several contracts it is their run rate, not commitmentUsd ÷ years (runRate.ts).
const COMPARISON_RATIOS = [
  ["usdPerGw", "commitmentUsd", "gw"],
  ["commitmentToInvestment", "commitmentUsd", "ratioInvestmentFirmUsd"]
] as const;

/** The comparison table's columns, in order: the data dictionary of `comparison.csv`. */
export const COMPARISON_COLUMNS: readonly ColumnDoc[] = [
  {column: "deal", meaning: "Deal id (the data file's name)", unit: ""},
  {column: "name", meaning: "Deal name", unit: ""},
  {column: "investors", meaning: "The investors, joined with +", unit: ""},
  {column: "lab", meaning: "The AI lab", unit: ""},
  {column: "provider", meaning: "The compute provider", unit: ""},
  {column: "status", meaning: "Deal status (active, superseded, …)", unit: ""},
  {column: "announced", meaning: "Date announced", unit: "ISO date"},
  {column: "chips", meaning: "Chips the deal names, separated by semicolons", unit: ""},
  ...COMPARISON_FIGURES.flatMap(([name, meaning, unit]) => [
    {
      column: name,
      meaning: `${meaning}${COMPARISON_RATIOS.some(([r]) => r === name) ? " (derived in this table from the columns named; empty when either is missing, the divisor is 0, or the GW figure counts only part of the hardware the commitment pays for)" : ""}`,
      unit
    },
    {column: `${name}Bound`, meaning: `Bound of ${name}: exact, about, up-to or at-least (a ratio inverts its divisor's bound)`, unit: ""},
    {column: `${name}Status`, meaning: `Status of ${name}: the weakest among its inputs`, unit: ""}
  ]),
  {column: "boardSeat", meaning: "Whether the investor has a board seat", unit: ""},
  {column: "boardSeatStatus", meaning: "Status of the board seat fact", unit: ""},
  ...STATUSES.map((status) => ({
    column: `facts${status[0].toUpperCase()}${status.slice(1)}`,
    meaning: `Sourced facts of the deal with status ${status}`,
    unit: "count"
  }))
];

/**
 * Returns the comparison table, built with arquero: one row per deal in the dataset's order, with the columns of
 * COMPARISON_COLUMNS. The base figures come from the core's rows (`compareDeals`, which also carries each figure's
 * lineage for the site); the three ratios are derived here, in arquero, from the table's own columns, so the
 * published file is arithmetic on what it shows. Their bound and status are the core's (a ratio inverts its
 * divisor's bound, which is provenance, not arithmetic).
 */
export function comparisonTable(comparisons: readonly DealComparison[]): aq.ColumnTable {
  const figure = (name: string, f: {value: number; bound: Bound; lineage: Lineage} | null) => ({
    [`${name}Bound`]: f?.bound ?? null,
    [`${name}Status`]: f?.lineage.status ?? null
  });
  const base = aq.from(
    comparisons.map((c) => ({
      deal: c.id,
      name: c.name,
      investors: c.investors.map((p) => p.name).join(" + "),
      lab: c.lab.name,
      provider: c.provider.name,
      status: c.status,
      announced: c.announced,
      chips: c.chips.join("; "),
      ...Object.fromEntries(
        COMPARISON_FIGURES.flatMap(([name]) => {
          const f = c[name] as {value: number; bound: Bound; lineage: Lineage} | null;
          const isRatio = COMPARISON_RATIOS.some(([r]) => r === name);
          return Object.entries({...(isRatio ? {} : {[name]: f?.value ?? null}), ...figure(name, f)});
        })
      ),
      boardSeat: c.boardSeat,
      boardSeatStatus: c.boardSeatStatus,
      ...Object.fromEntries(STATUSES.map((s) => [`facts${s[0].toUpperCase()}${s.slice(1)}`, c.statusMix[s]]))
    }))
  );
  // numerator ÷ divisor where both are present, the divisor is positive and the core gives the ratio (it gives none
  // for a GW figure that counts part of the hardware the commitment pays for); null otherwise.
  const ratio = (name: string, num: string, den: string) =>
    `d => d.${name}Bound == null || d.${num} == null || d.${den} == null || !(d.${den} > 0) ? null : d.${num} / d.${den}`;
  const derived = base.derive(Object.fromEntries(COMPARISON_RATIOS.map(([name, num, den]) => [name, ratio(name, num, den)])));
  return derived.select(COMPARISON_COLUMNS.map((c) => c.column));
}
