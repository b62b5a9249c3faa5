// Shared by the consistency tests: where each published headline figure (the manifest's keys) shows in each output,
// and the words it must read as there (src/core/format).
import type {DealProjection, HeadlineFigure} from "../../src/core/index.js";
import {derivedText, figureWords, headlineTerms, moneyTermText} from "../../src/core/index.js";
import type {Deal} from "../../src/core/model.js";

/** The key's name after `<deal>.`: "investment.firm", "recycling.npv", … */
export const nameOf = (f: Pick<HeadlineFigure, "key" | "deal">): string => f.key.slice(f.deal.length + 1);

/** The placeholder an executive summary names a headline figure with (only stated figures have one). */
export const PLACEHOLDERS: Record<string, string> = {
  "investment.firm": "terms.firm",
  "investment.max": "terms.max",
  commitment: "commitment.total",
  "capacity.ceiling": "capacity.ceiling"
};

/** One spelling: the words, bound and status a figure is shown with in one output. */
export interface Spelling {
  text: string;
  status: string;
}

/** Returns how the pages' components write a headline figure from the published deal and projection (null: not shown). */
export function siteSpelling(name: string, deal: Deal, p: DealProjection): Spelling | null {
  const terms = headlineTerms(deal);
  const term = (t: ReturnType<typeof headlineTerms>["firm"]) =>
    t ? {text: moneyTermText(t), status: t.fact?.status ?? t.lineage.status} : null;
  const derived = (f: {value: number; unit: string; bound: HeadlineFigure["bound"]; lineage: {status: string}} | null | undefined) =>
    f ? {text: derivedText(f), status: f.lineage.status} : null;
  switch (name) {
    case "investment.firm":
      return term(terms.firm);
    case "investment.max":
      return term(terms.max);
    case "commitment":
      return term(terms.committed);
    case "capacity.ceiling": {
      const c = deal.capacity?.ceiling;
      return c ? {text: figureWords(c), status: c.status} : null;
    }
    case "commitment.gwYears":
      return derived(p.commitment?.gwYears.contract);
    case "recycling.investmentToCommitmentFirm":
      return derived(p.recycling.investmentToCommitmentFirm);
    case "recycling.npv":
      return derived(p.recycling.npvUsd);
    case "recycling.paybackYear":
      // A model output like the NPV it is read from: "about", with the NPV's status.
      return p.recycling.paybackYear === null
        ? null
        : {
            text: derivedText({value: p.recycling.paybackYear, unit: "year", bound: "about"}),
            status: p.recycling.npvUsd?.lineage.status ?? "assumption"
          };
    default:
      throw new Error(`invalid headline figure: ${name} (add it to siteSpelling)`);
  }
}
