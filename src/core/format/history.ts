/**
 * What a superseded deal's pages say in place of a projection (critic s8 M11): its terms are history, so the capacity
 * coming online, the fleet year by year and the delivery checkpoints are not projected. One sentence, the same in the
 * CLI, the deal page and the briefing; the conversions of the stated terms (what the letter would have meant) stay,
 * framed as such.
 */
import {monthYear} from "./dates.js";

/** What the sentence needs of a deal. */
export interface HistoryLike {
  name: string;
  status: string;
  supersededOn?: {date: string};
}

/** True for a deal whose terms were replaced: history, never projected or counted in a live total. */
export function isSuperseded(deal: Pick<HistoryLike, "status">): boolean {
  return deal.status === "superseded";
}

/**
 * Returns the one line that stands where a projection of a superseded deal would be: "`What` is not projected: <deal>'s
 * terms were superseded in <month>, so they are history, not capacity anyone is building to."
 *
 * @example notProjectedText("How the capacity would have come online", {name: "Nvidia → OpenAI", status: "superseded", supersededOn: {date: "2026-02-27"}})
 * // "How the capacity would have come online is not projected: Nvidia → OpenAI's terms were superseded in Feb 2026, so they are history, not capacity anyone is building to."
 */
export function notProjectedText(what: string, deal: HistoryLike): string {
  const when = deal.supersededOn ? ` in ${monthYear(deal.supersededOn.date)}` : "";
  return `${what} is not projected: ${deal.name}'s terms were superseded${when}, so they are history, not capacity anyone is building to.`;
}

/**
 * Returns the line that heads a superseded deal's figures: "History, not a live deal: <deal>'s terms were superseded in
 * <month>; the figures convert what they stated (what they would have meant) and count in no ranking or total."
 */
export function historyText(deal: HistoryLike): string {
  const when = deal.supersededOn ? ` in ${monthYear(deal.supersededOn.date)}` : "";
  return `History, not a live deal: ${deal.name}'s terms were superseded${when}; the figures convert what they stated (what they would have meant) and count in no ranking or total.`;
}
