/** Signals to watch: a status board of the article's five signals and ours, each with its dated evidence and sources. */
import {countedStatus, isBeforeDeal, isLapsedForecast, SCHEDULE_SIGNAL, scheduleVerdict, signalBoard} from "../../lib/core.js";
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

/** Returns an evidence item's pill: the status it counts with, or why it does not count. */
function ItemPill(
  o: Parameters<typeof countedStatus>[0] & {basis?: "observed" | "forecast"},
  signal: string,
  asOf: string,
  known: readonly {id: string; announced: string}[]
): HTMLElement {
  const counted = countedStatus(o, signal, {asOf, deals: known});
  if (counted !== null) return ObservationPill(o, counted);
  return isLapsedForecast(o, asOf)
    ? StatusPill("unknown", `forecast for ${date(o.forecastFor!)}, now past`)
    : StatusPill("unknown", "before the deal, not counted");
}

/**
 * Returns ", announced 20 Apr 2026: dated before the deal, so its schedule checkpoint does not count it" for evidence
 * on the schedule signal dated before the deal it names; "" otherwise.
 */
function dealWhen(signal: string, o: {deal?: string; date: string}, known: readonly {id: string; announced: string}[]): string {
  if (!isBeforeDeal(o, known)) return "";
  const announced = known.find((d) => d.id === o.deal)!.announced;
  // The other signals ask about the lab, its chips or its provider, not the deal's schedule: their evidence counts
  // whatever its date, and says so (s16 critic #1c: one Semafor report "not counted" on capacity, on track on silicon).
  return signal === SCHEDULE_SIGNAL
    ? `, announced ${date(announced)}: dated before the deal, so its schedule checkpoint does not count it`
    : `, announced ${date(announced)}: dated before the deal, and counted: ${BEFORE_DEAL_COUNTS}`;
}

/**
 * Why a signal other than the schedule's counts evidence dated before the deal it names (the chain's note says it shorter,
 * docs/components/charts/roadmapChain.ts).
 */
export const BEFORE_DEAL_COUNTS = "this signal asks about the lab, its chips or its provider, which a deal's date does not bound";

/**
 * True when a later observation of the same deal (or of none, for an observation that names none) reports, not
 * forecasts, what a lapsed forecast said: dated on or after the forecast's date.
 */
function confirmedSince(
  o: {deal?: string; forecastFor?: string},
  observations: readonly {deal?: string; date: string; basis?: string}[]
): boolean {
  return observations.some((x) => x.deal === o.deal && x.basis !== "forecast" && o.forecastFor !== undefined && x.date >= o.forecastFor);
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
  // The deals' announcement dates: on the schedule signal, evidence dated before the deal it names does not count,
  // as on the deal's checkpoint (s15 critic #7). A deal page knows its own deal's date only.
  const known: {id: string; announced: string}[] = data.deals;
  const rows = signalBoard(data.signals, {deal, asOf, deals: known});
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
                  // The status it counts with, by the rule the deals' checkpoints read (countedStatus, src/core/signals.ts).
                  ItemPill(o, row.id, asOf, known),
                  " ",
                  o.text,
                  isLapsedForecast(o, asOf) && !confirmedSince(o, row.observations)
                    ? el("span", {class: "muted"}, " No later observation confirms it.")
                    : null,
                  o.deal ? el("span", {class: "muted"}, ` (${deals[o.deal] ?? o.deal}${dealWhen(row.id, o, known)})`) : null,
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
