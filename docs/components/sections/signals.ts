/** Signals to watch: a status board of the article's five signals and ours, each with its dated evidence and sources. */
import {isLapsedForecast, scheduleVerdict, signalBoard} from "../../lib/core.js";
import {ChartCsv, SIGNALS, signalRows} from "../chartDownloads.js";
import {el} from "../dom.js";
import {date} from "../format.js";
import {SourceLink} from "../provenance.js";
import type {Section, SectionContext} from "./types.js";

const STATUS_WORDS: Record<string, string> = {"on-track": "on track", watch: "watch", "off-track": "off track", unknown: "no evidence yet"};

/** Returns the status pill for a signal status; `words` replaces the status's words (a checkpoint's verdict). */
export function StatusPill(status: string, words?: string): HTMLElement {
  return el("span", {class: `status-pill status-pill--${status}`}, words ?? STATUS_WORDS[status] ?? status);
}

/**
 * Returns the pill for an observation's status: a forecast says so and is never "on track" ("watch, on a forecast",
 * amber), as in the checkpoints (src/core/roadmap/checkpoints.ts).
 */
function ObservationPill(o: {status: string; basis?: "observed" | "forecast"} | undefined, status: string): HTMLElement {
  if (o?.basis !== "forecast") return StatusPill(status);
  const verdict = scheduleVerdict({status: status as Parameters<typeof scheduleVerdict>[0]["status"], basis: "forecast"});
  return StatusPill(status === "on-track" ? "watch" : status, verdict);
}

/** Returns the board: one card per signal with its current status and its evidence, newest first. */
export function SignalBoard({data, dealId, print}: SectionContext): HTMLElement {
  // A deal page's file holds its deal only, with the names of the other deals its observations name.
  const deals: Record<string, string> = {
    ...data.dealNames,
    ...Object.fromEntries(data.deals.map((d: {id: string; name: string}) => [d.id, d.name]))
  };
  const deal = dealId ? data.deals.find((d: {id: string}) => d.id === dealId) : undefined;
  if (dealId && !deal) throw new Error(`invalid deal: ${dealId}`);
  // At the data's date: a forecast whose date is past is listed as history, never as the current reading.
  const asOf: string = deal?.asOf ?? data.asOf;
  const rows = signalBoard(data.signals, {deal, asOf});
  return el(
    "div",
    {class: "signal-board"},
    !print && ChartCsv(SIGNALS, dealId ?? "all", signalRows(rows, {sources: data.sourcesById, deals}), data.version),
    rows.map((row) =>
      el(
        "section",
        {class: "card signal", id: `signal-${row.id}`},
        el("div", {class: "signal-head"}, el("h3", {}, row.label), ObservationPill(row.reading ?? undefined, row.status)),
        el("p", {class: "signal-question"}, row.question),
        row.observations.length
          ? el(
              "ol",
              {class: "evidence"},
              row.observations.map((o) =>
                el(
                  "li",
                  {},
                  el("time", {datetime: o.date}, date(o.date)),
                  " ",
                  isLapsedForecast(o, asOf)
                    ? StatusPill("unknown", `forecast for ${date(o.forecastFor!)}, now past`)
                    : ObservationPill(o, o.status),
                  " ",
                  o.text,
                  o.deal ? el("span", {class: "muted"}, ` (${deals[o.deal] ?? o.deal})`) : null,
                  SourceLink(o.source, {sources: data.sourcesById, index: data.sourceNumbers})
                )
              )
            )
          : el("p", {class: "muted"}, "No observation yet.")
      )
    )
  );
}

export const signals: Section = {
  id: "signals",
  title: "Signals to watch",
  render: (context) => SignalBoard(context)
};
