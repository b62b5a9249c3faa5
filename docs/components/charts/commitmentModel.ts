/**
 * The numbers the commitment and recycling pages draw, for one deal and one context: the base projection from
 * `analysis` when the reader has not moved anything, else recomputed in the browser with the core. Also the
 * P10–P90 bands of the commitment's figures, from `projection.uncertainty` or, for the reader's values, from a
 * seeded Monte Carlo over the core's commitment arithmetic.
 */
import {
  type AssumptionValues,
  BUILD_UP_ASSUMPTIONS,
  type CapacityProjector,
  type Deal,
  type DealProjection,
  type DealProjector,
  defaultSpendProfile,
  evaluateDealCommitment,
  type FigureSpread,
  prepareDealCapacity,
  prepareDealCommitment,
  prepareDealProjector,
  type SpendProfile,
  simulate
} from "../../lib/core.js";
import type {SectionContext} from "../sections/types.js";

/** The projection a page shows: the parts of a DealProjection that the reader's values change. */
export type DealView = Pick<DealProjection, "deal" | "assumptions" | "ramp" | "capacity" | "commitment" | "recycling" | "uncertainty">;

interface Prepared {
  projector: DealProjector;
  capacity: CapacityProjector | null;
}

const prepared = new WeakMap<object, Map<string, Prepared>>();
let lastView: {key: string; view: DealView} | null = null;

/** Returns the deal named by the context, or throws `invalid dealId: x`. */
export function dealOf({data, dealId}: Pick<SectionContext, "data" | "dealId">): Deal {
  const deal = data.deals.find((d) => d.id === dealId);
  if (!deal) throw new Error(`invalid dealId: ${dealId}`);
  return deal;
}

/** Returns true when the context's controls differ from the base scenario the analysis was computed for. */
export function isCustom(controls: SectionContext["controls"]): boolean {
  return !!controls && (controls.scenario !== "base" || controls.changed.length > 0);
}

/**
 * Returns the deal's projection for the context: `analysis.projections[dealId]` for the base scenario and the deal's
 * default spend profile ({@link defaultSpendProfile}), else the core's projector evaluated on the reader's values (uncertainty then null: the precomputed
 * bands belong to the base scenario).
 */
export function dealView(context: SectionContext, options: {profile?: SpendProfile} = {}): DealView {
  const {data, analysis, controls} = context;
  const deal = dealOf(context);
  const profile = options.profile ?? defaultSpendProfile(deal);
  const base: DealProjection = analysis.projections[deal.id];
  const custom = isCustom(controls);
  if (!custom && profile === defaultSpendProfile(deal)) return base;
  const values = (custom ? controls!.values : base.assumptions) as AssumptionValues;
  const ramp = (custom ? controls!.ramp : base.ramp) as DealProjection["ramp"];
  const key = `${deal.id}:${profile}:${ramp}`;
  const viewKey = `${key}:${custom}:${JSON.stringify(values)}`;
  // The page's headline and the section ask for the same view on every slider move: compute it once.
  if (lastView?.key === viewKey) return lastView.view;
  let byDeal = prepared.get(data);
  if (!byDeal) {
    byDeal = new Map();
    prepared.set(data, byDeal);
  }
  let parts = byDeal.get(key);
  if (!parts) {
    parts = {
      projector: prepareDealProjector(data, deal, {profile, ramp}),
      capacity: prepareDealCapacity(deal, data.chips, data.assumptions)
    };
    byDeal.set(key, parts);
  }
  // Without detail the projector skips the options' valuation and the fleet, which these pages do not show; the
  // year-by-year capacity comes from the capacity projector itself.
  const {commitment, recycling} = parts.projector.evaluate(values, {detail: false, ramp});
  const capacity = parts.capacity ? parts.capacity({scenario: "", ramp, values}, {byYear: true}) : null;
  const view = {deal: deal.id, assumptions: values, ramp, capacity, commitment, recycling, uncertainty: custom ? null : base.uncertainty};
  lastView = {key: viewKey, view};
  return view;
}

/** P10–P90 of the commitment's GW-years (contract price and build-up cost) and of its coverage of the ceiling. */
export interface CommitmentBands {
  contract: FigureSpread;
  buildUp: FigureSpread;
  coverage: FigureSpread | null;
}

const bandCache = new Map<string, CommitmentBands | null>();

/**
 * Returns P10–P90 bands of the commitment's figures around `values`: a seeded Monte Carlo (1,000 draws, stream
 * `<deal>:commitment`) over the ranges of the assumptions they read, except the `fixed` ones (those the reader set), through
 * the core's commitment arithmetic; null without a commitment. A figure that depends only on fixed assumptions gets
 * a band of zero width. Cached per deal, values and fixed ids.
 */
export function commitmentBands(
  data: SectionContext["data"],
  deal: Deal,
  values: AssumptionValues,
  fixed: readonly string[] = []
): CommitmentBands | null {
  const key = `${deal.id}:${JSON.stringify(values)}:${fixed.join(",")}`;
  if (bandCache.has(key)) return bandCache.get(key)!;
  const prepared = prepareDealCommitment(deal, data.assumptions);
  if (!prepared) return null;
  const {figures} = simulate(
    data.assumptions,
    values,
    (v) => {
      const c = evaluateDealCommitment(prepared, v);
      return {contract: c.gwYears.contract.value, buildUp: c.gwYears.buildUp.value, coverage: c.coverage?.value ?? null};
    },
    {
      draws: 1000,
      seed: "compute-deals",
      stream: `${deal.id}:commitment`,
      // Only the assumptions these figures read are drawn, which keeps a slider move cheap.
      vary: ["revenue-per-gw-year", ...BUILD_UP_ASSUMPTIONS].filter((id) => !fixed.includes(id))
    }
  );
  const bands = {
    contract: figures.contract,
    buildUp: figures.buildUp,
    coverage: Number.isFinite(figures.coverage.p50) ? figures.coverage : null
  };
  if (bandCache.size > 64) bandCache.clear();
  bandCache.set(key, bands);
  return bands;
}

/** Returns the display name of a company id (its own name; the parent's is not substituted). */
export function companyName(data: SectionContext["data"], id: string): string {
  return data.companies.find((c) => c.id === id)?.name ?? id;
}
