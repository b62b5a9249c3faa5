/** A reader's changelog: when a deal's data were last checked and which of its headline figures moved in the last data change. */
import type {ChangesFile} from "../../src/site/types.js";
import {changeLine} from "./changeLine.js";
import {el} from "./dom.js";
import {date} from "./format.js";

/** Returns the changes of one deal (What changed, src/core/changes.ts), in the file's order. */
export function dealChanges(changes: ChangesFile, dealId: string): ChangesFile["changes"] {
  return changes.changes.filter((c) => c.deal === dealId);
}

/**
 * Returns the sentence that says what moved for a deal since the last edition of the figures (named by the date its
 * data were as of, as the What changed page and the briefings do: a reader knows an edition by its date, not by
 * the data's version hash).
 */
export function dealChangeSummary(changes: ChangesFile, dealId: string, asOf: string): string {
  const mine = dealChanges(changes, dealId);
  const checked = `Data last checked ${date(asOf)}.`;
  if (!changes.previous) return `${checked} This is the first edition of these figures, so nothing has moved yet.`;
  const since = `the last edition (its data as of ${date(changes.previous.asOf)})`;
  if (!mine.length) return `${checked} No headline figure moved since ${since}.`;
  return `${checked} ${mine.length} headline figure${mine.length === 1 ? "" : "s"} moved since ${since}:`;
}

/** Returns the deal page's changelog block: the summary sentence and one line per figure that moved. */
export function DealChangelog(changes: ChangesFile, dealId: string, asOf: string): HTMLElement {
  const mine = dealChanges(changes, dealId);
  return el(
    "section",
    {class: "deal-changelog"},
    el("h2", {}, "Changelog"),
    el("p", {}, dealChangeSummary(changes, dealId, asOf)),
    mine.length
      ? el(
          "ul",
          {},
          mine.map((c) => el("li", {class: `change change--${c.kind}`}, changeLine(c)))
        )
      : null,
    el("p", {class: "muted"}, el("a", {href: "../changes"}, "Every change →"))
  );
}
