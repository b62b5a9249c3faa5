// One figure, one status: a stated total and the sum of the tranches it covers settle on the stronger evidence, and
// the headline cards (headlineTerms) and the recycling figures (dealInvestment) print the same status for it.
import {assert, beforeAll, it} from "vitest";
import {headlineTerms, termStatus, totalEvidence} from "../../../src/core/headlines.js";
import type {Dataset, Deal} from "../../../src/core/model.js";
import {dealInvestment} from "../../../src/core/recycling/dealInvestment.js";
import {readValidDataset} from "../../../src/io/readDataset.js";

const fact = (value: number, status: "confirmed" | "reported" | "estimate", bound?: "about") => ({
  value,
  unit: "usd-bn" as const,
  status,
  source: "s",
  asOf: "2026-01-01",
  ...(bound ? {bound} : {})
});
const tranche = (id: string, value: number, status: "reported" | "estimate", bound?: "about") => ({id, amount: fact(value, status, bound)});
const deal = (value: number, status: "reported" | "estimate", bound?: "about") =>
  ({totals: [{id: "total", label: "Total", amount: fact(value, status, bound), tranches: ["a", "b"]}]}) as unknown as Pick<Deal, "totals">;

it("totalEvidence(deal, tranches) keeps the stronger of a stated total and the sum of its tranches when they agree", () => {
  const reported = [tranche("a", 4, "reported"), tranche("b", 9, "reported")];
  // 4 + 9 = 13, both reported: the sum (reported) beats a stated estimate of 13.
  assert.deepInclude(totalEvidence(deal(13, "estimate"), reported), {agrees: true, stronger: "sum"});
  // A stated reported 13 against estimated tranches: the stated one wins; a tie keeps the stated one too.
  assert.deepInclude(totalEvidence(deal(13, "reported"), [tranche("a", 4, "estimate"), tranche("b", 9, "estimate")]), {
    agrees: true,
    stronger: "stated"
  });
  assert.deepInclude(totalEvidence(deal(13, "reported"), reported), {agrees: true, stronger: "stated"});
  // 4 + 9 ≠ 14, or a different bound: they do not agree, and the stated figure is shown as stated.
  assert.deepInclude(totalEvidence(deal(14, "estimate"), reported), {agrees: false, stronger: "stated"});
  assert.deepInclude(totalEvidence(deal(13, "estimate", "about"), reported), {agrees: false, stronger: "stated"});
  assert.deepInclude(totalEvidence(deal(13, "estimate"), [reported[0]]), {stated: undefined, stronger: "sum"});
});

let dataset: Dataset;
beforeAll(async () => {
  dataset = await readValidDataset("data");
});

it("every deal's firm and maximum investment read with the same value, bound and status on the cards and in the recycling figures", () => {
  let checked = 0;
  for (const d of dataset.deals) {
    const terms = headlineTerms(d);
    const investment = dealInvestment(d);
    for (const [term, figure] of [
      [terms.firm, investment.firmUsd],
      [terms.max, investment.maxUsd]
    ] as const) {
      if (!term || Math.abs(term.usd - figure.value) > 1) continue; // a stated total that disagrees is another figure
      assert.strictEqual(termStatus(term), figure.lineage.status, `${d.id} ${term.label}`);
      assert.strictEqual(term.bound, figure.bound, `${d.id} ${term.label}`);
      ++checked;
    }
  }
  assert.isAtLeast(checked, 6);
  // The founding deal's $13B: four reported tranches, so "reported" (derived) on both, not the reprint's estimate.
  const founding = dataset.deals.find((d) => d.id === "amazon-anthropic")!;
  assert.strictEqual(termStatus(headlineTerms(founding).firm!), "reported");
  assert.strictEqual(headlineTerms(founding).firm!.fact, undefined);
});
