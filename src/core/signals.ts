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

/** One row of the signals status board. */
export interface SignalRow {
  id: string;
  label: string;
  question: string;
  /** Status of the newest observation ("unknown" without any). */
  status: SignalStatus;
  /** Date of the newest observation, ISO; null without any. */
  latest: string | null;
  /** Observations, newest first. */
  observations: Observation[];
  /** How many observations have each status. */
  tally: Record<SignalStatus, number>;
}

/**
 * Returns the status board: one row per signal in the data's order, its current status being that of its newest
 * observation (ties on a date go to the later one in the file), observations sorted newest first. Optionally only
 * the observations that concern one deal (see {@link concerns}): the same rule for the site's deal pages, the
 * briefings and the CLI, so a checkpoint reads the same everywhere.
 *
 * @example signalBoard(signals)[0].status // "on-track"
 */
export function signalBoard(signals: readonly Signal[], {deal}: {deal?: SignalSubject} = {}): SignalRow[] {
  return signals.map((signal) => {
    const observations = signal.observations
      .map((o, i) => ({o, i}))
      .filter(({o}) => !deal || concerns(o, deal))
      .sort((a, b) => (a.o.date < b.o.date ? 1 : a.o.date > b.o.date ? -1 : b.i - a.i))
      .map(({o}) => o);
    const tally: Record<SignalStatus, number> = {"on-track": 0, watch: 0, "off-track": 0, unknown: 0};
    for (const o of observations) ++tally[o.status];
    return {
      id: signal.id,
      label: signal.label,
      question: signal.question,
      status: observations[0]?.status ?? "unknown",
      latest: observations[0]?.date ?? null,
      observations,
      tally
    };
  });
}
