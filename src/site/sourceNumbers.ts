/** The site's source numbering, one for the appendices, the badges and every " [n]" a sentence prints. */
import {sourceIdsIn} from "../core/methodology/dealSources.js";
import type {Dataset, Signal, Yardstick} from "../core/model.js";

/**
 * Numbers sources in order of first reference: deals (by id), then chips, assumptions, signals, yardsticks, and
 * last the companies' own figures (backlogs, margins, lease terms: s15 critic #3, their sources printed "[–]" in
 * seven appendices). Companies come last so that adding them moved no number the others already had.
 */
export function numberSources(dataset: Dataset): Record<string, number> {
  const ids = sourceIdsIn([
    dataset.deals,
    dataset.chips,
    dataset.assumptions,
    dataset.signals satisfies Signal[],
    dataset.yardsticks satisfies Yardstick[],
    dataset.companies
  ]);
  return Object.fromEntries(ids.map((id, i) => [id, i + 1]));
}
