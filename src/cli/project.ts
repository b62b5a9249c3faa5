/** `deals project <deal>`: a deal's headline projections, as a readable summary or as JSON with lineage. */

import {
  aboveZeroText,
  type Checkpoint,
  capacityLabel,
  capacityName,
  capexTimingText,
  clustersText,
  type DealProjection,
  dealCheckpoints,
  derivedText,
  drawShareText,
  figureWords,
  type HeadlineFigure,
  headlineFigures,
  heldMarginText,
  historyText,
  isSuperseded,
  itRenewalText,
  laterCapexText,
  MONTE_CARLO_DRAWS,
  MONTE_CARLO_SEED,
  medianBetweenClusters,
  modelUsd,
  NO_PAYBACK,
  paybackEven,
  paybackYearText,
  pct,
  projectDeal,
  toUsd,
  unitText,
  withBound
} from "../core/index.js";
import type {Figure} from "../core/lineage.js";
import {formatProblem} from "../io/problem.js";
import {readDataset} from "../io/readDataset.js";
import {otherReturnsPv} from "../site/callFigures.js";

export interface ProjectCommandOptions {
  scenario?: string;
  json?: boolean;
  draws?: number;
  seed?: string;
  data?: string;
}

/** A headline figure as the CLI publishes it: the manifest's record and its words (src/core/format). */
export type HeadlineJson = Omit<HeadlineFigure, "deal" | "dealName"> & {text: string};

/** Returns the deal's headline figures (the keys the manifest publishes) with the words every output writes them with. */
export function headlineJson(dataset: Parameters<typeof headlineFigures>[0], p: DealProjection): HeadlineJson[] {
  return headlineFigures({...dataset, deals: dataset.deals.filter((d) => d.id === p.deal)}, {[p.deal]: p}).map(
    ({deal: _, dealName: __, ...f}) => ({...f, text: figureWords(f)})
  );
}

/**
 * Returns the JSON shape of a projection: the fields named in the issue (`capacity.gw`, `commitment.gwYears`,
 * `recycling.paybackYear`, …) each as a Figure with value, unit, bound and lineage; money in US dollars; and
 * `headlines`, the published headline figures with their words (see headlineJson).
 */
export function projectionJson(p: DealProjection, headlines: HeadlineJson[] = []) {
  const c = p.commitment;
  const r = p.recycling;
  return {
    deal: p.deal,
    headlines,
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
      h100eFp8: p.capacity.h100eFp8,
      mix: p.capacity.mix,
      central: p.capacity.central,
      base: p.capacity.base,
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
      investmentToCommitmentNewMax: r.investmentToCommitmentNewMax,
      otherInvestorsFirmUsd: r.otherInvestorsFirmUsd,
      rebateExpectedUsd: r.rebateExpectedUsd,
      chipMakers: r.chipMakers,
      margin: r.margin,
      impliedMargin: r.impliedMargin,
      heldMargin: r.heldMargin,
      npvAtHeldMarginUsd: r.npvAtHeldMarginUsd,
      valuationYear: r.valuationYear,
      operatingProfitUsd: r.operatingProfitUsd,
      revenueUsd: r.revenueUsd,
      pricePerGwYearUsd: r.pricePerGwYearUsd,
      deliveredGwYears: r.deliveredGwYears,
      capexUsd: r.capexUsd,
      // The NPV and capex at the dearer price of capacity built after the valuation year (null without that assumption
      // or later capex): the text output's "capex price" line reads the same record.
      laterCapex: r.laterCapex,
      providerCashUsd: r.providerCashUsd,
      leasedFacilityUsd: r.leasedFacilityUsd,
      residualUsd: r.residualUsd,
      residualPvUsd: r.residualPvUsd,
      npvWithResidualUsd: r.npvWithResidualUsd,
      baseCase: r.baseCase,
      paybackNeverShare: r.paybackNeverShare,
      npvPositiveShare: r.npvPositiveShare,
      npvClusters: r.npvClusters,
      netCashByYear: r.netCashByYear,
      paybackYear: r.paybackYear,
      npvUsd: r.npvUsd,
      accountingNpvUsd: r.accountingNpvUsd,
      relationship: r.relationship,
      totalReturnUsd: r.totalReturnUsd,
      ceilingFilled: r.ceilingFilled,
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
      ...("verdict" in c ? {verdict: c.verdict} : {}),
      // Roadmap alignment is the worse of the chips' dates and the observation: both readings, so it can be derived.
      ...(c.id === "roadmap-alignment" ? {dates: c.dates} : {}),
      evidence: signal?.latest
        ? {signal: signal.id, status: signal.status, date: signal.latest, text: signal.text, source: signal.source, basis: signal.basis}
        : null
    };
  });
}

/** Runs the command; returns the exit code. */
export async function projectCommand(
  dealId: string,
  {scenario = "base", json = false, draws = MONTE_CARLO_DRAWS, seed = MONTE_CARLO_SEED, data = "data"}: ProjectCommandOptions
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
  const headlines = headlineJson(dataset, projection);
  // The checkpoints read the same observations as the site's deal page and the deal's briefing (core/signals.ts).
  const checkpoints = dealCheckpoints(dataset, dealId);
  if (json) {
    process.stdout.write(
      `${JSON.stringify({...projectionJson(projection, headlines), checkpoints: checkpointsJson(checkpoints)}, null, 2)}\n`
    );
    return 0;
  }
  // A published headline figure is written from its manifest record (a stated figure keeps its source's digits);
  // every other figure is computed: three significant figures.
  const byKey = new Map(headlines.map((h) => [h.key.slice(dealId.length + 1), h]));
  const line = (label: string, f: Figure | null | undefined, key?: string) => {
    const h = key ? byKey.get(key) : undefined;
    if (h) console.log(`  ${label.padEnd(34)} ${h.text.padEnd(26)} ${h.status}`);
    else if (f) console.log(`  ${label.padEnd(34)} ${derivedText(f).padEnd(26)} ${f.lineage.status}`);
  };
  console.log(`${dealId} · scenario ${scenario} · as of ${projection.asOf}`);
  const deal = dataset.deals.find((d) => d.id === dealId)!;
  // A superseded deal's figures are what its replaced terms would have meant (critic s8 M11).
  if (isSuperseded(deal)) console.log(historyText(deal));
  const {capacity: cap, commitment: com, recycling: rec, options: opt} = projection;
  if (cap) {
    console.log("capacity");
    // A ceiling only when it is one: "capacity stated" for a floor, "Trainium capacity (part of the deal)" for a part.
    const capacity = deal.capacity;
    line(capacity ? capacityLabel(capacity).replace(/^Capacity\b/, "capacity") : "facility power", cap.gw, "capacity.ceiling");
    line("IT power", cap.itMw);
    line("accelerators", cap.accelerators);
    line("energy per year", cap.energyTwhPerYear);
    line("H100e, Epoch AI's 8-bit basis", cap.h100eFp8);
    line("H100e, dense BF16 basis", cap.h100e);
  }
  if (com) {
    console.log("commitment");
    line("total spend", com.totalUsd, "commitment");
    line("term", com.years);
    line("GW-years bought (contract price)", com.gwYears.contract, "commitment.gwYears");
    line("GW-years bought (build-up cost)", com.gwYears.buildUp);
    line("share of the capacity ceiling", com.coverage);
    console.log(`  ${com.reading}`);
  }
  console.log("recycling");
  // The cash analysis counts the provider's own group's money: with other investors beside it (Nvidia beside Azure),
  // its sums are not the deal's headline investment, so they are labelled as the group's and not read from it.
  const othersToo = rec.otherInvestorsFirmUsd.value > 0;
  line(
    othersToo ? "provider group's investment, firm" : "investment, firm",
    rec.investmentFirmUsd,
    othersToo ? undefined : "investment.firm"
  );
  line(
    othersToo ? "provider group's investment, max" : "investment, maximum",
    rec.investmentMaxUsd,
    othersToo ? undefined : "investment.max"
  );
  line("investment ÷ commitment, firm", rec.investmentToCommitmentFirm, "recycling.investmentToCommitmentFirm");
  line("investment ÷ commitment, max", rec.investmentToCommitmentMax);
  line("rebate in kind (a discount)", rec.rebateExpectedUsd);
  console.log(
    `  provider margin (reported, a check): ${rec.margin.id} = ${rec.margin.value}; NPVs at 1 January ${rec.valuationYear}, discounted from the start of each year`
  );
  // Cash running costs come from physical inputs, the same per GW for every provider; the margin the flows then imply
  // is printed beside the provider's reported one, which sets no cash figure.
  if (rec.cashOpexPerGwYearUsd !== null)
    console.log(
      `  ${"cash running costs per GW-year".padEnd(34)} ${modelUsd(rec.cashOpexPerGwYearUsd)} (power, staff and maintenance, property tax and insurance${rec.facilityLeaseYears !== null ? ", rent" : ""}; the same per GW for every provider that ${rec.facilityLeaseYears !== null ? "leases" : "owns"} its data centres)`
    );
  if (rec.impliedMargin !== null)
    console.log(
      `  ${"margin the cash flows imply".padEnd(34)} ${derivedText({value: rec.impliedMargin, unit: "fraction", bound: "about"})} (reported: ${pct(rec.margin.value, "as-written")}, a segment margin after overheads; a check, not an input to cash)`
    );
  if (rec.capexUsd) {
    console.log(
      `  IT renewal: ${itRenewalText(projection.assumptions["it-life"], projection.assumptions["it-renewal-share"], projection.assumptions["old-kit-price-share"])}`
    );
    console.log(`  capex price: ${laterCapexText(projection.assumptions["capex-per-gw"] * 1e9, rec)}`);
  }
  if (rec.oldKitDiscountUsd)
    console.log(
      `  ${"price given up on kit past its life".padEnd(34)} ${unitText(rec.oldKitDiscountUsd, "usd")} (over the term, not discounted)`
    );
  line("lab's spend with the provider", rec.revenueUsd);
  line("price per GW-year paid", rec.pricePerGwYearUsd);
  // Where it is not the market price, the rule and what the coverage is at that price (as page 1 says it).
  const market = projection.assumptions["revenue-per-gw-year"] * 1e9;
  if (rec.pricePerGwYearUsd && rec.revenueUsd && rec.pricePerGwYearUsd.value > market * (1 + 1e-9)) {
    const paid = rec.revenueUsd.value / rec.pricePerGwYearUsd.value;
    const ceiling = projection.commitment?.ceilingGwYears?.value;
    console.log(
      `  ${"".padEnd(34)} above the ${unitText(market, "usd-per-gw-year")} market price: the commitment spread over the ${unitText(paid, "gw-years")} the capacity supplies in the term` +
        (ceiling && projection.commitment?.coverage
          ? ` (${unitText(paid / ceiling, "fraction")} of the ceiling's ${unitText(ceiling, "gw-years")})`
          : "")
    );
  }
  line(rec.facilityLeaseYears !== null ? "capex, IT only (leased sites)" : "capex to deliver the capacity", rec.capexUsd);
  // When the capex comes at once and a slip cannot move the cash (s9 critic M13), as the capex card says it.
  const slipRow = projection.tornado?.["recycling.npvUsd"]?.find((row) => row.id === "slip-months");
  const timing = capexTimingText(rec.flows, slipRow, rec.buildOut);
  if (timing) console.log(`  ${"".padEnd(34)} ${timing}`);
  line("leased data centres, at build cost", rec.leasedFacilityUsd);
  if (rec.facilityLeaseYears !== null) console.log("  rent during the term: a cash running cost each year");
  if (rec.leaseTailUsd) console.log(`  ${"rent owed after term (at term end)".padEnd(34)} ${unitText(rec.leaseTailUsd, "usd")}`);
  if (rec.facilityLeaseYears !== null && rec.residualUsd && rec.leaseTailUsd != null)
    // A lessee's "left at the end" is its IT's book value plus the leases owed, counted as worth their rent: print apart.
    console.log(
      `  ${"IT book value at term end".padEnd(34)} ${rec.residualUsd.value - rec.leaseTailUsd >= 1e6 ? unitText(rec.residualUsd.value - rec.leaseTailUsd, "usd") : "none (fully written off)"} (not cash; the rent owed above is a cash cost, counted back as the sites' use in the NPV with term-end value)`
    );
  else line("book value at term end (not cash)", rec.residualUsd);
  line("cash NPV with that value at term end", rec.npvWithResidualUsd);
  line("cash NPV, new money", rec.npvUsd, "recycling.npv");
  // The sensitivity page 1 and the card print: the margin held at the provider's guidance or reported margin.
  const provider = dataset.companies.find((c) => c.id === dataset.deals.find((d) => d.id === dealId)?.provider)?.name;
  const held = provider ? heldMarginText(provider, rec) : "";
  if (held)
    console.log(
      `  ${"cash NPV, margin held".padEnd(34)} ${held}${rec.baseCase?.npvAtHeldMarginUsd != null ? `; ${modelUsd(rec.baseCase.npvAtHeldMarginUsd)} at the base values` : ""} (a cash cost, or saving, of the margins' gap × each year's revenue)`
    );
  const thisDeal = dataset.deals.find((d) => d.id === dealId);
  const pvs = thisDeal ? otherReturnsPv(thisDeal, projection.assumptions["discount-rate"], rec.valuationYear) : [];
  for (const x of thisDeal?.otherReturns ?? []) {
    // The cap's rough PV, as page 1 gives it: paid evenly to its end, discounted at the NPV's rate; not counted.
    const pv = pvs.find((v) => v.label === x.label);
    console.log(
      `  ${"left out (outside the commitment)".padEnd(34)} ${x.label}: ${withBound(unitText(toUsd(x.amount), "usd"), x.amount.bound ?? "exact")} ${x.amount.status}` +
        (pv
          ? `; if the cap is reached, paid evenly to ${pv.until}: about ${unitText(pv.pvUsd, "usd")} at ${unitText(projection.assumptions["discount-rate"], "fraction")} (not counted)`
          : "")
    );
  }
  const never = rec.paybackNeverShare
    ? ` (median of the draws; ${rec.paybackNeverShare >= 1 ? "none of the draws pays back" : `${drawShareText(rec.paybackNeverShare)} of the draws never pay back`})`
    : "";
  // Near even odds the share is the figure, as on page 1 and the deal page (critic s8 H1).
  const payback = paybackEven(rec.paybackNeverShare)
    ? `about even odds: within the deal in ${drawShareText(1 - rec.paybackNeverShare!)} of the draws (the median draw's payback: ${paybackYearText(rec.paybackYear)})`
    : `${paybackYearText(rec.paybackYear)}${never}`;
  console.log(`  ${"payback year (cash, new money)".padEnd(34)} ${payback}`);
  // The cash NPV's draws against zero, and the two groups they split into if they do: the words page 1 prints.
  if (rec.npvUsd && rec.npvPositiveShare !== undefined && projection.uncertainty) {
    const c = rec.npvClusters;
    const split = c ? `; ${clustersText(c, medianBetweenClusters(c, rec.npvUsd.value))}` : "";
    console.log(`  ${"cash NPV over the draws".padEnd(34)} ${aboveZeroText(rec.npvPositiveShare, projection.uncertainty.draws)}${split}`);
  }
  if (rec.ceilingFilled && rec.revenueUsd && rec.ceilingFilled.revenueUsd > rec.revenueUsd.value * 1.001) {
    const s = rec.ceilingFilled;
    // Computed from assumptions, so "about", as the briefings write it (critic s16 #7: one truth).
    const base = s.baseNpvUsd !== undefined ? `; ${modelUsd(s.baseNpvUsd)} at the base values` : "";
    console.log(
      `  ${`if the lab fills ${capacityName(deal.capacity)}`.padEnd(34)} cash NPV ${derivedText({...s.npvUsd, unit: "usd"})}${base} (spend ${modelUsd(s.revenueUsd)}, capex ${modelUsd(s.capexUsd)}, payback ${paybackYearText(s.paybackYear)} at the base values)`
    );
  }
  line("accounting NPV, new money", rec.accountingNpvUsd);
  line("cash NPV, relationship to date", rec.relationship.npvUsd);
  line("total return (not cash)", rec.totalReturnUsd);
  if (opt) {
    console.log("options on future chips (per GW-year)");
    line("value (closed form)", opt.value);
    line("value (Monte Carlo)", opt.valueMonteCarlo);
  }
  console.log("checkpoints");
  for (const c of checkpointsJson(checkpoints)) {
    const evidence = c.evidence ? ` (${c.evidence.date}: ${c.evidence.text} [${c.evidence.source}])` : "";
    const dates =
      "dates" in c
        ? ` (the worse of the chips' dates, ${c.dates}, and the newest chip-roadmap observation, ${c.evidence ? c.evidence.status : "none"})`
        : "";
    console.log(`  ${c.id.padEnd(34)} ${"verdict" in c ? c.verdict : c.status}${dates}${evidence}`);
  }
  if (projection.uncertainty) {
    console.log(`uncertainty (P10 / P50 / P90 over ${projection.uncertainty.draws} draws, seed ${projection.uncertainty.seed})`);
    for (const [name, s] of Object.entries(projection.uncertainty.figures)) {
      if (s.p50 === null) continue;
      // A payback percentile among the draws that never pay back is NaN: "never".
      const show = (x: number | null) =>
        x === null ? "n/a" : Number.isNaN(x) ? (name.endsWith("paybackYear") ? NO_PAYBACK : "n/a") : unitText(x, bandUnit(name));
      console.log(`  ${name.padEnd(34)} ${[s.p10, s.p50, s.p90].map(show).join(" / ")}`);
    }
  }
  return 0;
}

/** Returns the unit of an uncertainty band by its figure's name: money, share, year, energy, or a plain count. */
function bandUnit(name: string): string {
  if (/Usd$|valuePerGwYear$/.test(name)) return "usd";
  if (name.endsWith("paybackYear")) return "year";
  if (name.endsWith("coverage")) return "fraction";
  if (name.endsWith("TwhPerYear")) return "twh";
  if (name.endsWith("gwYears")) return "gw-years";
  if (/flops(Bf16|Fp8)$/.test(name)) return "flops";
  return "count";
}
