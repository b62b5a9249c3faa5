/** The site's source numbering, one for the appendices, the badges and every " [n]" a sentence prints. */
import type {Dataset, Signal, Yardstick} from "../core/model.js";

/**
 * Numbers sources in order of first reference: deals (by id), then chips, assumptions, signals, yardsticks, and
 * last the companies' own figures (backlogs, margins, lease terms: s15 critic #3, their sources printed "[–]" in
 * seven appendices). Companies come last so that adding them moved no number the others already had.
 */
export function numberSources(dataset: Dataset): Record<string, number> {
  const numbers: Record<string, number> = {};
  let next = 1;
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== "object") return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    const ref = (value as {source?: unknown}).source;
    if (typeof ref === "string" && !(ref in numbers)) numbers[ref] = next++;
    for (const child of Object.values(value)) visit(child);
  };
  visit([
    dataset.deals,
    dataset.chips,
    dataset.assumptions,
    dataset.signals satisfies Signal[],
    dataset.yardsticks satisfies Yardstick[],
    dataset.companies
  ]);
  return numbers;
}
