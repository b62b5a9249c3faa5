import {dealCommitmentTotals} from "../commitment/dealCommitmentTotals.js";
import {factProvenance, provenanceOf, quotientProvenance, withValue} from "../commitment/provenance.js";
import {toUsd} from "../headlines.js";
import type {Figure} from "../lineage.js";
import type {Dataset} from "../model.js";

/** A provider's exposure to one lab: this deal's commitment against the provider's stated backlog, and the lab's stated share of it. */
export interface ProviderExposure {
  deal: string;
  /** The company whose backlog it is: the deal's provider, or its parent when only the parent states one. */
  provider: string;
  lab: string;
  /** The provider's stated backlog (or remaining performance obligations: the note says which), USD, at `backlogAsOf`. */
  backlogUsd: Figure;
  backlogAsOf: string;
  backlogNote: string | null;
  /** Source ids of the backlog and of the lab's share (null without one). */
  backlogSource: string;
  labShareSource: string | null;
  /** This deal's dollar commitment, USD. */
  commitmentUsd: Figure;
  /** commitmentUsd ÷ backlogUsd, a fraction: a scale, whether or not the backlog already holds the commitment. */
  commitmentShare: Figure;
  /** True when the deal was announced after the backlog's date, so the backlog cannot hold it. */
  announcedAfterBacklog: boolean;
  /** True when the backlog's source says it leaves this deal out (the company's backlogExcludes). */
  excludedFromBacklog: boolean;
  /**
   * commitmentUsd ÷ (backlogUsd + commitmentUsd), a fraction: the deal's share of the backlog and the deal together,
   * when the backlog's source says it leaves the deal out (null otherwise). A commitment the backlog excludes is not a
   * share of it (s15 critic #2: "is over 27% of the backlog" read as one); this is the share it would be once added.
   * It rises with the commitment and falls with the backlog, as commitmentShare does, so it carries the same bound.
   */
  shareWithDeal: Figure | null;
  /** The share of the backlog a source attributes to this deal's lab (all its contracts with the provider), or null. */
  labShare: Figure | null;
  /** labShare × backlogUsd, USD, or null. */
  labShareUsd: Figure | null;
  /**
   * The share of a later backlog than `backlogUsd` a source gives this deal's commitment (the company's
   * laterBacklogShares), with its date and source; null without one. Where it is below commitmentShare, that later
   * backlog is the larger (s16 critic #6: 83% of the backlog at 31 Dec 2025, beside over 40% of the one at 31 Mar 2026).
   */
  laterShare: {share: Figure; asOf: string; source: string; larger: boolean} | null;
}

/**
 * Returns the provider-side exposure of a deal: its commitment against the stated backlog of its provider (or of
 * the provider's parent when only the parent states one), and the share of that backlog a source attributes to the
 * deal's lab. Null when the deal states no dollar commitment or its provider states no backlog in the data.
 * Throws `invalid deal: <id>` when the deal is not in the dataset.
 *
 * @example providerExposure(dataset, "microsoft-openai")?.commitmentShare.value // 250 ÷ 625 = 0.4
 */
export function providerExposure(dataset: Pick<Dataset, "companies" | "deals">, dealId: string): ProviderExposure | null {
  const deal = dataset.deals.find((d) => d.id === dealId);
  if (!deal) throw new Error(`invalid deal: ${dealId}`);
  const totals = dealCommitmentTotals(deal);
  if (!totals) return null;
  const own = dataset.companies.find((c) => c.id === deal.provider);
  const parent = own?.parent ? dataset.companies.find((c) => c.id === own.parent) : undefined;
  const holder = own?.backlog ? own : parent?.backlog ? parent : undefined;
  if (!holder?.backlog) return null;
  const backlog = holder.backlog;
  const backlogUsd = withValue(factProvenance(`companies.${holder.id}.backlog`, backlog), toUsd(backlog), "usd");
  const commitmentUsd = totals.totalUsd;
  const excluded = holder.backlogExcludes?.includes(deal.id) ?? false;
  const share = holder.backlogShares?.find((s) => s.lab === deal.lab)?.share;
  const labShare = share
    ? withValue(factProvenance(`companies.${holder.id}.backlogShares.${deal.lab}`, share), share.value, "fraction")
    : null;
  const later = holder.laterBacklogShares?.find((s) => s.deal === deal.id && s.share.asOf > backlog.asOf)?.share;
  return {
    deal: deal.id,
    provider: holder.id,
    lab: deal.lab,
    backlogUsd,
    backlogAsOf: backlog.asOf,
    backlogNote: backlog.note ?? null,
    backlogSource: backlog.source,
    labShareSource: share?.source ?? null,
    commitmentUsd,
    commitmentShare: withValue(quotientProvenance(commitmentUsd, backlogUsd), commitmentUsd.value / backlogUsd.value, "fraction"),
    announcedAfterBacklog: deal.announced > backlog.asOf,
    excludedFromBacklog: excluded,
    shareWithDeal: excluded
      ? withValue(quotientProvenance(commitmentUsd, backlogUsd), commitmentUsd.value / (backlogUsd.value + commitmentUsd.value), "fraction")
      : null,
    labShare,
    labShareUsd: labShare ? withValue(provenanceOf(labShare, backlogUsd), labShare.value * backlogUsd.value, "usd") : null,
    laterShare: later
      ? {
          share: withValue(factProvenance(`companies.${holder.id}.laterBacklogShares.${deal.id}`, later), later.value, "fraction"),
          asOf: later.asOf,
          source: later.source,
          // The same commitment over a smaller share: a larger backlog (commitment ÷ share), whatever its bound word.
          larger: later.value < commitmentUsd.value / backlogUsd.value
        }
      : null
  };
}
