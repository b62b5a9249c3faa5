/** A reader's changelog: when a deal's data were last checked and which of its headline figures moved in the last data change. */
import type {ChangesFile} from "../../src/site/types.js";
import {changeLine} from "./changeLine.js";
import {el} from "./dom.js";
import {date} from "./format.js";

/** Returns the changes of one deal (What changed, src/core/changes.ts), in the file's order. */
export function dealChanges(changes: ChangesFile, dealId: string): ChangesFile["changes"] {
  return changes.changes.filter((c) => c.deal === dealId);
}

/** Returns the sentence that says what moved for a deal, against which data version. */
export function dealChangeSummary(changes: ChangesFile, dealId: string, asOf: string): string {
  const mine = dealChanges(changes, dealId);
  const checked = `Data last checked ${date(asOf)}.`;
  if (!changes.previous) return `${checked} This is the first build of these data, so nothing has moved yet.`;
  const since = `data version ${changes.previous.dataVersion} (as of ${date(changes.previous.asOf)})`;
  if (!mine.length) return `${checked} No headline figure moved since ${since}.`;
  return `${checked} ${mine.length} headline figure${mine.length === 1 ? "" : "s"} moved since ${since}, in data version ${changes.version}:`;
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
