/**
 * The call: one sentence that takes a position, the key figures behind it and 3–5 takeaways, on page 1 of a
 * briefing and at the top of its site page. The text is the briefing's executive summary (reports/summaries), its
 * figures bound to the data and its conditions checked (src/site/briefingSummary.ts); the key figures are computed.
 */
import {el, trustedHtml} from "../dom.js";
import type {BriefingIndex, BriefingSpec} from "./types.js";

/** Returns the call block of a briefing: the call, the key-figures box, the takeaways; null when it has no call. */
export function CallBlock(briefing: Pick<BriefingSpec, "call"> | null | undefined): HTMLElement | null {
  const call = briefing?.call;
  if (!call?.callHtml) return null;
  return el(
    "section",
    {class: "call", "aria-label": "The call"},
    trustedHtml(call.callHtml, "call-sentence"),
    call.keyFigures.length
      ? el(
          "dl",
          {class: "key-figures", "aria-label": "Key figures"},
          call.keyFigures.map((f) =>
            el(
              "div",
              {class: f.notes?.length ? "key-figure key-figure--noted" : "key-figure"},
              el("dt", {}, f.label),
              el("dd", {}, f.value, f.status ? el("span", {class: "key-figure-status"}, ` ${f.status}`) : null),
              // What qualifies the figure, each on its own line in small type (the editors' chance on contingent money).
              (f.notes ?? []).map((note) => el("dd", {class: "key-figure-note"}, note))
            )
          )
        )
      : null,
    call.takeawaysHtml ? trustedHtml(call.takeawaysHtml, "call-takeaways") : null
  );
}

/** Returns the call block of the site page at `path` ("/" or "/deals/<id>"), or null when the page has no briefing. */
export function PageCall(index: BriefingIndex, path: string): HTMLElement | null {
  return CallBlock(index.briefings.find((b) => b.name === index.pages[path]));
}
