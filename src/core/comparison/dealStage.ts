/**
 * Words for a deal's stage, one spelling in every output: a deal in force is "announced", a letter of intent is
 * "letter of intent" (not binding, never "live"), a superseded deal is history dated by when it was superseded, a
 * stalled deal is "stalled". Pure.
 */
import {date as dateText} from "../format/dates.js";
import type {Deal, DealStatus} from "../model.js";

/** The noun for each stage, as a reader says it. */
export const DEAL_STAGE_WORDS: Readonly<Record<DealStatus, string>> = {
  active: "announced deal",
  loi: "letter of intent",
  stalled: "stalled deal",
  superseded: "superseded terms"
};

/** True when a deal's terms are history: superseded (a stalled deal's terms still stand, so it is not history). */
export function isHistory(deal: Pick<Deal, "status">): boolean {
  return deal.status === "superseded";
}

/**
 * Returns the deal's stage with its dates, for a card's kicker or a table cell: "announced 20 Apr 2026",
 * "letter of intent, 13 Oct 2025", "announced 22 Sep 2025 · superseded 27 Feb 2026" (the date it was superseded,
 * never the announcement's), "announced 1 Jan 2025 · stalled". A superseded deal without a dated supersession says
 * "superseded" with no date.
 *
 * @example dealStageText({status: "superseded", announced: "2025-09-22", supersededOn: {date: "2026-02-27", …}}) // "announced 22 Sep 2025 · superseded 27 Feb 2026"
 */
export function dealStageText(
  deal: Pick<Deal, "status" | "announced" | "supersededOn">,
  format: (iso: string) => string = dateText
): string {
  const announced = format(deal.announced);
  switch (deal.status) {
    case "active":
      return `announced ${announced}`;
    case "loi":
      return `letter of intent, ${announced}`;
    case "stalled":
      return `announced ${announced} · stalled`;
    case "superseded":
      return `announced ${announced} · superseded${deal.supersededOn ? ` ${format(deal.supersededOn.date)}` : ""}`;
  }
}

/**
 * Returns how a ranking names a deal's stage after the parties ("Broadcom's letter of intent with OpenAI", "Oracle's
 * deal with OpenAI"): the noun a ranking sentence uses, so an unsigned letter of intent is never called a deal.
 */
export function stageNoun(status: DealStatus): string {
  return status === "loi" ? "letter of intent" : "deal";
}
