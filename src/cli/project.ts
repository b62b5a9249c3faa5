/** `deals project <deal>`: a deal's headline projections, as a readable summary or as JSON with lineage. */

import {figureText} from "../../docs/components/format.js";
import {type Checkpoint, type DealProjection, dealCheckpoints, projectDeal} from "../core/index.js";
import type {Figure} from "../core/lineage.js";
import {formatProblem} from "../io/problem.js";
import {readDataset} from "../io/readDataset.js";

export interface ProjectCommandOptions {
  scenario?: string;
  json?: boolean;
  draws?: number;
  seed?: string;
  data?: string;
}

/**
 * Returns the JSON shape of a projection: the fields named in the issue (`capacity.gw`, `commitment.gwYears`,
 * `recycling.paybackYear`, …) each as a Figure with value, unit, bound and lineage; money in US dollars.
 */
export function projectionJson(p: DealProjection) {
  const c = p.commitment;
  const r = p.recycling;
  return {
    deal: p.deal,
    scenario: p.scenario,
    asOf: p.asOf,
    ramp: p.ramp,
    assumptions: p.assumptions,
    capacity: p.capacity && {
      gw: p.capacity.gw,
      itMw: p.capacity.itMw,
      accelerators: p.capacity.accelerators,
      servers: p.capacity.servers,
      buildings: p.capacity.buildings,
      energyTwhPerYear: p.capacity.energyTwhPerYear,
      flopsBf16: p.capacity.flopsBf16,
      flopsFp8: p.capacity.flopsFp8,
      h100e: p.capacity.h100e,
      mix: p.capacity.mix,
      byYear: p.capacity.byYear
    },
    commitment: c && {
      totalUsd: c.totalUsd,
      years: c.years,
      start: c.start,
      profile: c.profile,
      perYear: c.perYear,
      costPerGwYear: c.costPerGwYear.contract,
      costPerGwYearBuildUp: c.costPerGwYear.buildUp,
      gwYears: c.gwYears.contract,
      gwYearsBuildUp: c.gwYears.buildUp,
      ceilingGwYears: c.ceilingGwYears,
      coverage: c.coverage,
      reading: c.reading
    },
    recycling: {
      investmentFirmUsd: r.investmentFirmUsd,
      investmentMaxUsd: r.investmentMaxUsd,
      investmentExpectedUsd: r.investmentExpectedUsd,
      commitmentUsd: r.commitmentUsd,
      investmentToCommitmentFirm: r.investmentToCommitmentFirm,
      investmentToCommitmentMax: r.investmentToCommitmentMax,
      investmentToCommitmentNew: r.investmentToCommitmentNew,
      revenuePerDollarInvested: r.revenuePerDollarInvested,
      operatingProfitUsd: r.operatingProfitUsd,
      netCashByYear: r.netCashByYear,
      paybackYear: r.paybackYear,
      npvUsd: r.npvUsd,
      equityGainUsd: r.equityGainUsd,
      flows: r.flows
    },
    options: p.options && {
      value: p.options.value,
      valueMonteCarlo: p.options.valueMonteCarlo,
      standardError: p.options.standardError,
      unit: "usd-per-gw-year",
      items: p.options.items.map(({grid: _, ...item}) => item)
    },
    uncertainty: p.uncertainty && {seed: p.uncertainty.seed, draws: p.uncertainty.draws, ...p.uncertainty.figures},
    tornado: p.tornado
  };
}

/** Returns each checkpoint's id, status and the newest observation behind it (null for a computed checkpoint or none). */
export function checkpointsJson(checkpoints: readonly Checkpoint[]) {
  return checkpoints.map((c) => {
    const signal = "signal" in c ? c.signal : null;
    return {
      id: c.id,
      status: c.status,
      evidence: signal?.latest ? {signal: signal.id, date: signal.latest, text: signal.text, source: signal.source} : null
    };
  });
}

/** Runs the command; returns the exit code. */
export async function projectCommand(
  dealId: string,
  {scenario = "base", json = false, draws = 10_000, seed = "compute-deals", data = "data"}: ProjectCommandOptions
): Promise<number> {
  const {dataset, problems} = await readDataset(data);
  if (!dataset) {
    for (const p of problems) console.error(formatProblem(p));
    return 1;
  }
  if (!dataset.deals.some((d) => d.id === dealId)) {
    console.error(`deals project: unknown deal "${dealId}"; known: ${dataset.deals.map((d) => d.id).join(", ")}`);
    return 1;
  }
  if (!dataset.scenarios.some((s) => s.id === scenario)) {
    console.error(`deals project: unknown scenario "${scenario}"; known: ${dataset.scenarios.map((s) => s.id).join(", ")}`);
    return 1;
  }
  const projection = projectDeal(dataset, dealId, {scenario, draws, seed});
  // The checkpoints read the same observations as the site's deal page and the deal's briefing (core/signals.ts).
  const checkpoints = dealCheckpoints(dataset, dealId);
  if (json) {
    process.stdout.write(`${JSON.stringify({...projectionJson(projection), checkpoints: checkpointsJson(checkpoints)}, null, 2)}\n`);
    return 0;
  }
  const line = (label: string, f: Figure | null | undefined) =>
    f && console.log(`  ${label.padEnd(34)} ${figureText(f.value, f.unit, f.bound).padEnd(26)} ${f.lineage.status}`);
  console.log(`${dealId} · scenario ${scenario} · as of ${projection.asOf}`);
  const {capacity: cap, commitment: com, recycling: rec, options: opt} = projection;
  if (cap) {
    console.log("capacity");
    line("facility power", cap.gw);
    line("IT power", cap.itMw);
    line("accelerators", cap.accelerators);
    line("energy per year", cap.energyTwhPerYear);
    line("compute (H100-equivalents)", cap.h100e);
  }
  if (com) {
    console.log("commitment");
    line("total spend", com.totalUsd);
    line("term", com.years);
    line("GW-years bought (contract price)", com.gwYears.contract);
    line("GW-years bought (build-up cost)", com.gwYears.buildUp);
    line("share of the capacity ceiling", com.coverage);
    console.log(`  ${com.reading}`);
  }
  console.log("recycling");
  line("investment, firm", rec.investmentFirmUsd);
  line("investment, maximum", rec.investmentMaxUsd);
  line("investment ÷ commitment, firm", rec.investmentToCommitmentFirm);
  line("investment ÷ commitment, max", rec.investmentToCommitmentMax);
  line("NPV to the investor", rec.npvUsd);
  console.log(`  ${"payback year".padEnd(34)} ${rec.paybackYear ?? "not within the term"}`);
  if (opt) {
    console.log("options on future chips (per GW-year)");
    line("value (closed form)", opt.value);
    line("value (Monte Carlo)", opt.valueMonteCarlo);
  }
  console.log("checkpoints");
  for (const c of checkpointsJson(checkpoints)) {
    const evidence = c.evidence ? ` (${c.evidence.date}: ${c.evidence.text} [${c.evidence.source}])` : "";
    console.log(`  ${c.id.padEnd(34)} ${c.status}${evidence}`);
  }
  if (projection.uncertainty) {
    console.log(`uncertainty (P10 / P50 / P90 over ${projection.uncertainty.draws} draws, seed ${projection.uncertainty.seed})`);
    for (const [name, s] of Object.entries(projection.uncertainty.figures)) {
      if (s.p50 === null) continue;
      const show = (x: number | null) =>
        x === null ? "n/a" : name.endsWith("Year") ? String(Math.round(x)) : Number(x.toPrecision(4)).toLocaleString("en-US");
      console.log(`  ${name.padEnd(34)} ${[s.p10, s.p50, s.p90].map(show).join(" / ")}`);
    }
  }
  return 0;
}
