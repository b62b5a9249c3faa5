import type {Observation, Signal, SignalStatus} from "./model.js";

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
 * the observations about one deal (and those about no deal in particular).
 *
 * @example signalBoard(signals)[0].status // "on-track"
 */
export function signalBoard(signals: readonly Signal[], {deal}: {deal?: string} = {}): SignalRow[] {
  return signals.map((signal) => {
    const observations = signal.observations
      .map((o, i) => ({o, i}))
      .filter(({o}) => !deal || !o.deal || o.deal === deal)
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
