/**
 * The front page's deal explorer: one row per deal with its parties, chips and headline figures, each figure with
 * its unit, bound and status. Built from the comparison rows (compareDeals) and the figure table (dataTables.ts),
 * so the explorer shows the numbers the rest of the site shows.
 */
import type {DealComparison} from "../core/comparison/compareDeals.js";
import type {Dataset} from "../core/model.js";
import type {FigureRow} from "./dataTables.js";

/** A figure as the explorer shows it. */
export interface ExplorerFigure {
  value: number;
  unit: string;
  bound: string;
  status: string;
}

/** One deal in the explorer. */
export interface ExplorerRow {
  id: string;
  name: string;
  /** The deal's status: announced, definitive, loi… */
  dealStatus: string;
  announced: string;
  /** The date the deal's data were last checked (its asOf). */
  asOf: string;
  investors: string[];
  lab: string;
  provider: string;
  chips: string[];
  vendors: string[];
  investedFirm: ExplorerFigure | null;
  investedMax: ExplorerFigure | null;
  commitment: ExplorerFigure | null;
  years: ExplorerFigure | null;
  gw: ExplorerFigure | null;
  h100e: ExplorerFigure | null;
  investmentToCommitment: ExplorerFigure | null;
}

/** The figures (FigureRow.figure) the explorer reads of each deal: a build hands it those rows only. */
export const EXPLORER_FIGURES: ReadonlySet<string> = new Set([
  "investment.firm",
  "investment.max",
  "commitment",
  "capacity.ceiling",
  "capacity.h100e",
  "recycling.investmentToCommitmentFirm"
]);

/** Returns the explorer's rows, in the comparison's order; `figures` holds at least each deal's EXPLORER_FIGURES rows. */
export function explorerRows(dataset: Dataset, comparison: readonly DealComparison[], figures: readonly FigureRow[]): ExplorerRow[] {
  const chipById = new Map(dataset.chips.map((c) => [c.id, c]));
  const byKey = new Map(figures.map((f) => [f.key, f]));
  const fromRow = (key: string): ExplorerFigure | null => {
    const f = byKey.get(key);
    return f ? {value: f.value, unit: f.unit, bound: f.bound, status: f.status} : null;
  };
  const fromFigure = (f: DealComparison["gw"]): ExplorerFigure | null =>
    f ? {value: f.value, unit: f.unit, bound: f.bound, status: f.lineage.status} : null;
  const deals = new Map(dataset.deals.map((d) => [d.id, d]));
  return comparison.map((c) => {
    const deal = deals.get(c.id);
    const chips = deal?.hardware.chips ?? [];
    return {
      id: c.id,
      name: c.name,
      dealStatus: c.status,
      announced: c.announced,
      asOf: deal?.asOf ?? "",
      investors: c.investors.map((p) => p.name),
      lab: c.lab.name,
      provider: c.provider.name,
      chips: c.chips,
      vendors: [...new Set(chips.map((id) => chipById.get(id)?.vendor).filter((v): v is string => !!v))].sort(),
      investedFirm: fromRow(`${c.id}.investment.firm`),
      investedMax: fromRow(`${c.id}.investment.max`) ?? fromRow(`${c.id}.investment.firm`),
      commitment: fromRow(`${c.id}.commitment`),
      years: fromFigure(c.years),
      gw: fromRow(`${c.id}.capacity.ceiling`),
      h100e: fromRow(`${c.id}.capacity.h100e`),
      investmentToCommitment: fromRow(`${c.id}.recycling.investmentToCommitmentFirm`)
    };
  });
}
