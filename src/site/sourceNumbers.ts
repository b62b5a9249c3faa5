/** The site's source numbering, one for the appendices, the badges and every " [n]" a sentence prints. */
import {sourceIdsIn} from "../core/methodology/dealSources.js";
import type {Dataset, Signal, Yardstick} from "../core/model.js";

/**
 * Numbers sources in order of first reference: deals (by id), then chips, assumptions, signals, yardsticks, and
 * last the companies' own figures (backlogs, margins, lease terms: s15 critic #3, their sources printed "[–]" in
 * seven appendices). Companies come last so that adding them moved no number the others already had.
 */
export function numberSources(dataset: Dataset): Record<string, number> {
  const known = NUMBERED.get(dataset);
  if (known) return known;
  const ids = sourceIdsIn([
    dataset.deals,
    dataset.chips,
    dataset.assumptions,
    dataset.signals satisfies Signal[],
    dataset.yardsticks satisfies Yardstick[],
    dataset.companies
  ]);
  const numbers = Object.fromEntries(ids.map((id, i) => [id, i + 1]));
  NUMBERED.set(dataset, numbers);
  return numbers;
}

/**
 * Each dataset's numbering, computed once: page 1's figures (callFigures' marginSourceRef) and the published dataset
 * (publicDataset) number the same data, and at 1,000 deals a walk is every deal's every object.
 */
const NUMBERED = new WeakMap<Dataset, Record<string, number>>();
