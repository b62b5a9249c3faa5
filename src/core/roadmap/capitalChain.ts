/** The chain "capital → cloud commitment → chip platform → checkpoints" of one deal, as four steps from the data. */
import {headlineTerms, type MoneyTerm} from "../headlines.js";
import type {ChipLine, Dataset} from "../model.js";
import {signalBoard} from "../signals.js";
import {
  type Checkpoint,
  type CheckpointOptions,
  dealCheckpoints,
  type SignalReading,
  signalReading,
  worstSignalStatus
} from "./checkpoints.js";

export interface CapitalChain {
  deal: string;
  /** Step 1, equity: the investor's firm money and the money that depends on conditions. */
  equity: {firm: MoneyTerm | null; contingent: MoneyTerm | null};
  /** Step 2, reserved consumption: what the lab commits to spend on the provider, and over how many years. */
  consumption: {committed: MoneyTerm | null; years: number | null};
  /** Step 3, the platform bet: the deal's chips and lines, and whether that silicon ships in volume. */
  platform: {chips: {id: string; name: string; line: ChipLine}[]; lines: ChipLine[]; signal: SignalReading};
  /** Step 4, checkpoints: capacity on schedule, performance per dollar, roadmap alignment (see dealCheckpoints). */
  checkpoints: Checkpoint[];
  /** The worst checkpoint status: the chain is as strong as its weakest checked link. */
  status: Checkpoint["status"];
}

/**
 * Returns the deal's chain of capital, cloud commitment and chip platform in four steps: equity (firm and
 * contingent money, from headlineTerms), reserved consumption (the compute committed, and the longest term),
 * the platform bet (the deal's hardware chips with their lines, and the `silicon-follow-through` signal) and the
 * checkpoints with their statuses (see {@link dealCheckpoints}); `status` is the worst checkpoint status
 * ("unknown" only when none has a reading). Throws `invalid deal: <id>` or `invalid chip: <id>`.
 *
 * @example capitalChain(dataset, "amazon-anthropic").consumption.committed!.usd // 100e9 (over $100B)
 */
export function capitalChain(
  dataset: Pick<Dataset, "deals" | "chips" | "signals">,
  dealId: string,
  options: CheckpointOptions = {}
): CapitalChain {
  const deal = dataset.deals.find((d) => d.id === dealId);
  if (!deal) throw new Error(`invalid deal: ${dealId}`);
  const terms = headlineTerms(deal);
  const chips = deal.hardware.chips.map((id) => {
    const chip = dataset.chips.find((c) => c.id === id);
    if (!chip) throw new Error(`invalid chip: ${id}`);
    return {id, name: chip.name, line: chip.line};
  });
  const checkpoints = dealCheckpoints(dataset, dealId, options);
  const years = deal.commitments.length ? Math.max(...deal.commitments.map((c) => c.years.value)) : null;
  return {
    deal: deal.id,
    equity: {firm: terms.firm, contingent: terms.contingent},
    consumption: {committed: terms.committed, years},
    platform: {
      chips,
      lines: [...new Set(chips.map((c) => c.line))],
      signal: signalReading(signalBoard(dataset.signals, {deal, asOf: options.asOf ?? deal.asOf}), "silicon-follow-through")
    },
    checkpoints,
    status: worstSignalStatus(checkpoints.map((c) => c.status))
  };
}
