import {type Dataset, STATUSES, type Status} from "./model.js";

/**
 * Returns how many sourced figures (numeric, yes/no, text and date facts, assumptions and yardsticks) the dataset
 * holds for each status.
 */
export function countFactsByStatus(dataset: Dataset): Record<Status, number> {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== "object") return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    const node = value as {status?: unknown; source?: unknown};
    if (typeof node.status === "string" && typeof node.source === "string" && node.status in counts) ++counts[node.status as Status];
    for (const child of Object.values(value)) visit(child);
  };
  visit([dataset.deals, dataset.chips, dataset.assumptions, dataset.yardsticks]);
  return counts;
}
