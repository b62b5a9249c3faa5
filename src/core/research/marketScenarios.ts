/**
 * The market's bull / base / bear table: for each scenario column of the deals' own tables (scenarioTable), what the
 * live deals add up to at that scenario's values: the sum of their providers' cash NPVs of the new money, how many
 * are above zero and how many pay back within their term, the GW-years their commitments buy and the H100-equivalents
 * at their ceilings, and the best and the worst deal by NPV. Its size is the number of scenarios in the data times a
 * fixed set of rows, whatever the number of deals. The deal terms (commitments, ceilings) do not move: a scenario
 * sets model assumptions, not what the parties signed.
 */
import type {MarketDraws} from "./marketDraws.js";
import {CEILING_FILLED, type ScenarioColumn} from "./scenarioTable.js";

/** A deal as the market table sees it: its name, whether it is live, and its own scenario columns. */
export interface MarketScenarioInput {
  id: string;
  name: string;
  /** False for a superseded deal: history, left out like the market's totals. */
  live: boolean;
  columns: readonly ScenarioColumn[];
}

/** A deal named in a column: the best or the worst by cash NPV under that scenario. */
export interface MarketScenarioDeal {
  id: string;
  name: string;
  npvUsd: number;
}

/** One scenario's column of the market table. */
export interface MarketScenarioColumn {
  scenario: string;
  label: string;
  description: string;
  ramp: string;
  /** The assumptions the scenario sets away from base in any live deal, each once (first deal's entry), in data order. */
  overrides: ScenarioColumn["overrides"];
  /** Live deals with a cash NPV under the scenario. */
  priced: number;
  /** Sum of those deals' cash NPVs of the new money at the scenario's values, USD; null when none is priced. */
  npvUsd: number | null;
  /** Of the priced deals, how many have a cash NPV above zero. */
  positive: number;
  /**
   * Sum of the priced deals' NPVs with the capacity's value at term end (not cash), USD, and how many are above zero;
   * null when any priced deal lacks that reading under the scenario.
   */
  npvWithResidualUsd: number | null;
  positiveWithResidual: number | null;
  /** Of the priced deals, how many pay back within their term. */
  paysBack: number;
  /** Sum of the GW-years the live deals' commitments buy; null when no deal has them. */
  gwYears: number | null;
  gwYearsDeals: number;
  /** Sum of the GW-years the live deals' spend pays for in the cash model (ScenarioColumn.paidGwYears); null when none. */
  paidGwYears: number | null;
  /** Sum of the same with the scenario's price alone moved (ScenarioColumn.paidGwYearsPriceAlone); null when none. */
  paidGwYearsPriceAlone: number | null;
  /** Sum of the H100-equivalents (8-bit) at the live deals' ceilings; null when no deal has them. */
  h100eFp8: number | null;
  h100eDeals: number;
  /** The priced deal with the highest and the lowest NPV (ties keep data order); null when none is priced. */
  best: MarketScenarioDeal | null;
  worst: MarketScenarioDeal | null;
  /**
   * For the "if the lab fills the ceiling" column: how many priced deals have no reading of their own (filling the
   * ceiling adds nothing to their commitment, or they have no schedule) and count with their base case. 0 otherwise.
   */
  asBase: number;
  /**
   * For a scenario that pairs the price with the capex against their correlation (ScenarioColumn.together): the sum
   * of the priced deals' cash NPVs with the capex per GW moved to the price's end of its range instead (a deal without
   * that reading counts with its own NPV), how many are above zero then, and that capex per GW; null otherwise.
   */
  together: {npvUsd: number; positive: number; capexPerGw: number} | null;
}

export interface MarketScenarioTable {
  /** Live deals, and superseded deals left out. */
  live: number;
  superseded: number;
  columns: MarketScenarioColumn[];
  /** The same sums over the Monte Carlo's common draws (marketDraws), for the P10–P90 beside the columns; absent without draws. */
  draws?: MarketDraws | null;
}

/**
 * Returns the market's figures under every scenario column the live deals' tables hold, in the order they first
 * appear. A deal without an "if the lab fills the ceiling" column counts there with its base case.
 *
 * @example marketScenarios([{id: "a", name: "A", live: true, columns: scenarioTable(dataset, "a")}]).columns[0].npvUsd
 */
export function marketScenarios(deals: readonly MarketScenarioInput[]): MarketScenarioTable {
  const live = deals.filter((d) => d.live);
  const ids: string[] = [];
  for (const d of live) for (const c of d.columns) if (!ids.includes(c.scenario)) ids.push(c.scenario);
  const columns = ids.map((id): MarketScenarioColumn => {
    const picked = live.flatMap((d) => {
      const own = d.columns.find((c) => c.scenario === id);
      if (own) return [{d, c: own, asBase: false}];
      const base = id === CEILING_FILLED ? d.columns.find((c) => c.scenario === "base") : undefined;
      return base ? [{d, c: base, asBase: true}] : [];
    });
    const head = picked.find((p) => !p.asBase)!.c;
    const overrides: ScenarioColumn["overrides"] = [];
    for (const {c, asBase} of picked)
      if (!asBase) for (const o of c.overrides) if (!overrides.some((x) => x.id === o.id)) overrides.push(o);
    const priced = picked.filter((p): p is typeof p & {c: {npvUsd: number}} => p.c.npvUsd !== null && Number.isFinite(p.c.npvUsd));
    const sum = (values: (number | null)[]) => {
      const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
      return {value: finite.length ? finite.reduce((a, b) => a + b, 0) : null, deals: finite.length};
    };
    const gwYears = sum(picked.map((p) => p.c.gwYears));
    const paidGwYears = sum(picked.map((p) => p.c.paidGwYears));
    const priceAlone = sum(picked.map((p) => p.c.paidGwYearsPriceAlone));
    const h100e = sum(picked.map((p) => p.c.h100eFp8));
    const residuals = priced.map((p) => p.c.npvWithResidualUsd ?? Number.NaN);
    const named = (p: (typeof priced)[number]): MarketScenarioDeal => ({id: p.d.id, name: p.d.name, npvUsd: p.c.npvUsd});
    const moved = priced.find((p) => p.c.together && !p.asBase)?.c.together;
    const togetherNpvs = priced.map((p) => (p.asBase ? p.c.npvUsd : (p.c.together?.npvUsd ?? p.c.npvUsd)));
    const best = priced.length ? priced.reduce((a, b) => (b.c.npvUsd > a.c.npvUsd ? b : a)) : null;
    const worst = priced.length ? priced.reduce((a, b) => (b.c.npvUsd < a.c.npvUsd ? b : a)) : null;
    return {
      scenario: id,
      label: head.label,
      description: head.description,
      ramp: head.ramp,
      overrides,
      priced: priced.length,
      npvUsd: priced.length ? priced.reduce((a, p) => a + p.c.npvUsd, 0) : null,
      positive: priced.filter((p) => p.c.npvUsd > 0).length,
      npvWithResidualUsd: residuals.every(Number.isFinite) && residuals.length ? residuals.reduce((a, b) => a + b, 0) : null,
      positiveWithResidual: residuals.every(Number.isFinite) && residuals.length ? residuals.filter((v) => v > 0).length : null,
      paysBack: priced.filter((p) => p.c.paybackYear !== null).length,
      gwYears: gwYears.value,
      gwYearsDeals: gwYears.deals,
      paidGwYears: paidGwYears.value,
      paidGwYearsPriceAlone: priceAlone.value,
      h100eFp8: h100e.value,
      h100eDeals: h100e.deals,
      best: best && named(best),
      worst: worst && named(worst),
      asBase: priced.filter((p) => p.asBase).length,
      together: moved
        ? {
            npvUsd: togetherNpvs.reduce((a, b) => a + b, 0),
            positive: togetherNpvs.filter((v) => v > 0).length,
            capexPerGw: moved.capexPerGw
          }
        : null
    };
  });
  return {live: live.length, superseded: deals.length - live.length, columns};
}
