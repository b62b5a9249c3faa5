import type {Dataset, Yardstick} from "../model.js";

/**
 * Returns the source ids referenced anywhere inside `value` (every `source` string of a nested object), in order
 * of first reference and without repeats; [] for a value that holds none.
 *
 * @example sourceIdsIn([{source: "a"}, {x: {source: "b"}}, {source: "a"}]) // ["a", "b"]
 */
export function sourceIdsIn(value: unknown): string[] {
  const ids = new Set<string>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    const ref = (node as {source?: unknown}).source;
    if (typeof ref === "string") ids.add(ref);
    for (const child of Object.values(node)) visit(child);
  };
  visit(value);
  return [...ids];
}

/**
 * Returns the ids of the sources a deal's figures rest on, in order of first reference: the deal's own facts and
 * options, then the chips it names (hardware and capacity) and any `extraChips` (e.g. the H100 reference of
 * H100-equivalents), then every assumption, then, for a deal with capacity, the yardsticks its energy is set
 * against. Chip ids not in the dataset are skipped. Throws `invalid deal: <id>` for a deal not in the dataset.
 *
 * @example dealSources(dataset, "amazon-anthropic", {extraChips: ["h100"]}) // ["anthropic-2026-04", …]
 */
export function dealSources(
  dataset: Pick<Dataset, "deals" | "chips" | "assumptions"> & {yardsticks?: readonly Yardstick[]},
  dealId: string,
  {extraChips = []}: {extraChips?: readonly string[]} = {}
): string[] {
  const deal = dataset.deals.find((d) => d.id === dealId);
  if (!deal) throw new Error(`invalid deal: ${dealId}`);
  const chipIds = new Set([...deal.hardware.chips, ...(deal.capacity?.chips ?? []), ...extraChips]);
  const chips = dataset.chips.filter((c) => chipIds.has(c.id));
  return sourceIdsIn([deal, chips, dataset.assumptions, deal.capacity ? (dataset.yardsticks ?? []) : []]);
}
