import type {Dataset} from "../src/core/model.js";

/**
 * Returns the dataset with the bench's one-deal change applied: the founding deal's first commitment + 1 (in its
 * unit). The memo and kept-file tests make the same change the rebuild bench times.
 */
export function withBenchChange(dataset: Dataset, dealId = "amazon-anthropic"): Dataset {
  return {
    ...dataset,
    deals: dataset.deals.map((d) =>
      d.id === dealId
        ? {...d, commitments: d.commitments.map((c, i) => (i === 0 ? {...c, amount: {...c.amount, value: c.amount.value + 1}} : c))}
        : d
    )
  };
}
