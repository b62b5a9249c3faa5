import {factGw} from "./capacity/convert.js";
import {headlineTerms} from "./headlines.js";
import type {Figure} from "./lineage.js";
import type {Bound, Dataset, Status} from "./model.js";
import {type DealProjection, projectDeal} from "./project/projectDeal.js";
import {paybackEven} from "./recycling/netCashLine.js";

/** One headline figure as recorded in a build's manifest, comparable across builds. */
export interface HeadlineFigure {
  /** Stable key: `<deal>.<name>`, e.g. `amazon-anthropic.investment.firm`. */
  key: string;
  deal: string;
  dealName: string;
  /** What the figure is, in words: "investment (firm)". */
  label: string;
  value: number;
  unit: string;
  bound: Bound;
  status: Status;
  /** True when the figure is computed (a sum, a ratio, a projection), not stated by a source (see figurePrecision); absent in older manifests. */
  derived?: boolean;
  /** As-of date of the newest input, ISO. */
  asOf: string;
}

/** A figure that moved between two builds. */
export interface FigureChange {
  key: string;
  deal: string;
  dealName: string;
  label: string;
  kind: "changed" | "added" | "removed";
  before: HeadlineFigure | null;
  after: HeadlineFigure | null;
}

/**
 * Returns the headline figures of every deal: investment (firm, maximum), commitment, capacity ceiling, and from the
 * base projections GW-years bought, investment ÷ commitment, NPV and payback year. Money in US dollars. Sorted by key.
 */
export function headlineFigures(dataset: Dataset, projections: Record<string, DealProjection>): HeadlineFigure[] {
  const out: HeadlineFigure[] = [];
  for (const deal of dataset.deals) {
    const add = (
      name: string,
      label: string,
      value: number | null | undefined,
      unit: string,
      bound: Bound,
      status: Status,
      asOf: string,
      derived = true
    ) => {
      if (value === null || value === undefined || !Number.isFinite(value)) return;
      out.push({key: `${deal.id}.${name}`, deal: deal.id, dealName: deal.name, label, value, unit, bound, status, derived, asOf});
    };
    const fromFigure = (name: string, label: string, f: Figure | null | undefined) =>
      f && add(name, label, f.value, f.unit, f.bound, f.lineage.status, deal.asOf);
    const terms = headlineTerms(deal);
    for (const [name, label, term] of [
      ["investment.firm", "investment (firm)", terms.firm],
      ["investment.max", "investment (maximum)", terms.max]
    ] as const) {
      if (term)
        add(name, label, term.usd, "usd", term.bound, term.fact?.status ?? term.lineage.status, term.fact?.asOf ?? deal.asOf, !term.fact);
    }
    if (terms.committed) {
      const c = terms.committed;
      add(
        "commitment",
        "compute commitment",
        c.usd,
        "usd",
        c.bound,
        c.fact?.status ?? c.lineage.status,
        c.fact?.asOf ?? deal.asOf,
        !c.fact
      );
    }
    if (deal.capacity) {
      const ceiling = deal.capacity.ceiling;
      add("capacity.ceiling", "capacity", factGw(ceiling), "gw", ceiling.bound ?? "exact", ceiling.status, ceiling.asOf, false);
    }
    const p = projections[deal.id];
    if (p) {
      fromFigure("commitment.gwYears", "GW-years the commitment buys", p.commitment?.gwYears.contract);
      fromFigure("recycling.investmentToCommitmentFirm", "investment ÷ commitment (firm)", p.recycling.investmentToCommitmentFirm);
      fromFigure("recycling.npv", "provider's cash NPV", p.recycling.npvUsd);
      // The payback year comes from the NPV's cash flows: the NPV's status, and "about" like every model output.
      // Near even odds no payback year stands (paybackEven: page 1, the figures and the market's table say the share
      // instead), so the changelog does not report one either (critic s9 M1).
      if (p.recycling.paybackYear !== null && !(p.recycling.baseCase && paybackEven(p.recycling.paybackNeverShare)))
        add(
          "recycling.paybackYear",
          "payback year",
          p.recycling.paybackYear,
          "year",
          "about",
          p.recycling.npvUsd?.lineage.status ?? "assumption",
          deal.asOf
        );
    }
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * Returns the figures that differ between a previous build and this one: a changed value, bound or status, a
 * figure that appeared, or one that disappeared. Values equal to 9 significant digits count as unchanged, so float
 * noise never reports a change. Sorted by deal, then key.
 */
export function diffFigures(before: readonly HeadlineFigure[], after: readonly HeadlineFigure[]): FigureChange[] {
  const old = new Map(before.map((f) => [f.key, f]));
  const now = new Map(after.map((f) => [f.key, f]));
  const same = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
  const changes: FigureChange[] = [];
  for (const [key, f] of now) {
    const o = old.get(key);
    if (!o) changes.push({key, deal: f.deal, dealName: f.dealName, label: f.label, kind: "added", before: null, after: f});
    else if (!same(o.value, f.value) || o.bound !== f.bound || o.status !== f.status || o.unit !== f.unit) {
      changes.push({key, deal: f.deal, dealName: f.dealName, label: f.label, kind: "changed", before: o, after: f});
    }
  }
  for (const [key, o] of old) {
    if (!now.has(key)) changes.push({key, deal: o.deal, dealName: o.dealName, label: o.label, kind: "removed", before: o, after: null});
  }
  return changes.sort((a, b) => (a.deal < b.deal ? -1 : a.deal > b.deal ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Returns the headline figures of every deal under the base scenario (projections without Monte Carlo). */
export function datasetHeadlines(dataset: Dataset): HeadlineFigure[] {
  const projections = Object.fromEntries(dataset.deals.map((d) => [d.id, projectDeal(dataset, d.id, {draws: 0, tornadoFigures: []})]));
  return headlineFigures(dataset, projections);
}

/** A build's figures as its manifest records them, with the build they were compared with. */
export interface FiguresRecord {
  dataVersion: string;
  asOf: string;
  figures: HeadlineFigure[];
  /** The build this one was compared with (absent or null on a first build). */
  baseline?: {dataVersion: string; asOf: string; figures: HeadlineFigure[]} | null;
}

/** What a build reports as changed, and the build it compares with. */
export interface ChangesSince {
  /** The build compared with: the previous one, or the one before it when the previous build moved no figure. */
  baseline: {dataVersion: string; asOf: string; figures: HeadlineFigure[]} | null;
  changes: FigureChange[];
}

/**
 * Returns the changes to publish for a build with `current` figures after the build recorded in `previous`. When
 * the previous build moved no figure (a rebuild for code, text or a note), its comparison is carried forward, so a
 * rebuild does not erase what the last data change moved and the same inputs always give the same report.
 *
 * `diff` compares two lists of figures (default diffFigures; the build passes the same comparison done as a join of
 * two figure tables, src/site/dataTables.ts).
 *
 * @example changesSince(null, now) // {baseline: null, changes: []}: a first build has nothing to compare with
 */
export function changesSince(previous: FiguresRecord | null, current: FiguresRecord, diff: typeof diffFigures = diffFigures): ChangesSince {
  if (!previous) return {baseline: null, changes: []};
  const moved = diff(previous.figures, current.figures);
  if (moved.length === 0 && previous.baseline)
    return {baseline: previous.baseline, changes: diff(previous.baseline.figures, current.figures)};
  return {baseline: {dataVersion: previous.dataVersion, asOf: previous.asOf, figures: previous.figures}, changes: moved};
}
