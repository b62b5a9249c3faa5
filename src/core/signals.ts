import type {Deal, Observation, Signal, SignalStatus} from "./model.js";

/** What an observation is matched against: a deal's id, parties and chips. */
export type SignalSubject = Pick<Deal, "id" | "investors" | "lab" | "provider"> & {
  hardware: {chips: readonly string[]};
  capacity?: {chips: readonly string[]} | null;
};

/**
 * Returns true if the observation concerns the deal: it names the deal (`deal`), or `about` names one of the
 * deal's parties (investor, lab, provider) or chips. An observation that names neither concerns no deal.
 *
 * @example concerns({…, about: ["anthropic"]}, amazonAnthropic) // true: Anthropic is the lab
 */
export function concerns(o: Pick<Observation, "deal" | "about">, deal: SignalSubject): boolean {
  if (o.deal === deal.id) return true;
  if (!o.about?.length) return false;
  const own = new Set([deal.id, ...deal.investors, deal.lab, deal.provider, ...deal.hardware.chips, ...(deal.capacity?.chips ?? [])]);
  return o.about.some((id) => own.has(id));
}

/**
 * Returns true if the observation is a forecast whose date is before `asOf`: what it forecast has either happened or
 * not by the data's date, so it is history, not an open forecast (s14 critic #13: Epoch AI's forecast of 1 GW in
 * January 2026 still read as the open evidence in data as of 30 Jun 2026).
 *
 * @example isLapsedForecast({basis: "forecast", forecastFor: "2026-01-31"}, "2026-06-30") // true
 */
export function isLapsedForecast(o: Pick<Observation, "basis" | "forecastFor">, asOf: string | undefined): boolean {
  return asOf !== undefined && o.basis === "forecast" && o.forecastFor !== undefined && o.forecastFor < asOf;
}

/** The signal a deal's schedule checkpoint reads ("Do reserved commitments become delivered clusters on schedule?"). */
export const SCHEDULE_SIGNAL = "capacity-reality";

/**
 * Returns true if the observation names a deal (`deal`) that is in `deals` and is dated before that deal was
 * announced: evidence on capacity built before the deal, which the deal's schedule checkpoint does not count (s14
 * critic #13). The market board applies the same rule (s15 critic #7: Project Rainier, live in Oct 2025, read "on
 * track" for the Amazon → Anthropic deal of Apr 2026 there and "no evidence yet" on the deal's checkpoint).
 *
 * @example isBeforeDeal({deal: "amazon-anthropic", date: "2025-10-29"}, [{id: "amazon-anthropic", announced: "2026-04-20"}]) // true
 */
export function isBeforeDeal(o: Pick<Observation, "deal" | "date">, deals: readonly Pick<Deal, "id" | "announced">[]): boolean {
  const deal = o.deal ? deals.find((d) => d.id === o.deal) : undefined;
  return deal !== undefined && o.date < deal.announced;
}

/** The deals {@link countedStatus} knows the announcement dates of. */
export type KnownDeals = readonly Pick<Deal, "id" | "announced">[];

/**
 * Returns the status an observation counts with on `signal`, or null when it does not count: the one rule a signal
 * board's item, its card head and a deal's checkpoint all read (s16 critic #1a: Oracle's Abilene report read WATCH on
 * the market's board and "no evidence yet" on the deal's checkpoint).
 * - A forecast whose date is before `asOf` is history: null ({@link isLapsedForecast}).
 * - On the schedule signal, evidence dated before the deal it names is about capacity built before it: null
 *   ({@link isBeforeDeal}). The other signals ask about a lab, its chips or its provider, which a deal's date does not
 *   bound, so their evidence counts whatever its date.
 * - A forecast is never "on-track": an on-track forecast counts as "watch".
 * - Anything else counts with its own status.
 *
 * @example countedStatus({status: "on-track", basis: "forecast", date: "2025-11-04"}, "capacity-reality") // "watch"
 */
export function countedStatus(
  o: Pick<Observation, "status" | "basis" | "forecastFor" | "deal" | "date">,
  signal: string,
  {asOf, deals}: {asOf?: string; deals?: KnownDeals} = {}
): SignalStatus | null {
  if (isLapsedForecast(o, asOf)) return null;
  if (signal === SCHEDULE_SIGNAL && deals && isBeforeDeal(o, deals)) return null;
  return o.basis === "forecast" && o.status === "on-track" ? "watch" : o.status;
}

/** One row of the signals status board. */
export interface SignalRow {
  id: string;
  label: string;
  question: string;
  /**
   * The status the newest observation that counts counts with ({@link countedStatus}: not a lapsed forecast, not on
   * the schedule signal dated before the deal it names, a forecast never "on-track"); "unknown" without any.
   */
  status: SignalStatus;
  /** Date of that observation, ISO; null without any. */
  latest: string | null;
  /** The observation the status is read from: the newest that is not a lapsed forecast; null without one. */
  reading: Observation | null;
  /** Observations, newest first. */
  observations: Observation[];
  /** How many observations have each status. */
  tally: Record<SignalStatus, number>;
}

/**
 * Returns the status board: one row per signal in the data's order, its current status being that of its newest
 * observation (ties on a date go to the later one in the file), observations sorted newest first. With `asOf` (the
 * data's date), a forecast whose date is before it is history: listed, but never the status ({@link isLapsedForecast}).
 * With `deals` (their ids and announcement dates), the same holds on the schedule signal for evidence dated before the
 * deal it names ({@link isBeforeDeal}). Optionally only
 * the observations that concern one deal (see {@link concerns}): the same rule for the site's deal pages, the
 * briefings and the CLI, so a checkpoint reads the same everywhere.
 *
 * @example signalBoard(signals)[0].status // "on-track"
 */
export function signalBoard(
  signals: readonly Signal[],
  {deal, asOf, deals}: {deal?: SignalSubject; asOf?: string; deals?: KnownDeals} = {}
): SignalRow[] {
  return signals.map((signal) => {
    const observations = signal.observations
      .map((o, i) => ({o, i}))
      .filter(({o}) => !deal || concerns(o, deal))
      .sort((a, b) => (a.o.date < b.o.date ? 1 : a.o.date > b.o.date ? -1 : b.i - a.i))
      .map(({o}) => o);
    const tally: Record<SignalStatus, number> = {"on-track": 0, watch: 0, "off-track": 0, unknown: 0};
    for (const o of observations) ++tally[o.status];
    // A forecast whose date has passed is history: listed, never the current reading.
    // On the schedule signal, evidence dated before the deal it names is about what came before the deal: listed,
    // never the current reading (the checkpoint's rule, src/core/roadmap/checkpoints.ts).
    const current = observations.filter((o) => countedStatus(o, signal.id, {asOf, deals}) !== null);
    return {
      id: signal.id,
      label: signal.label,
      question: signal.question,
      status: current[0] ? countedStatus(current[0], signal.id, {asOf, deals})! : "unknown",
      latest: current[0]?.date ?? null,
      reading: current[0] ?? null,
      observations,
      tally
    };
  });
}
