import {factGw} from "../capacity/convert.js";
import {dealCommitmentTotals} from "../commitment/dealCommitmentTotals.js";
import {factProvenance, NO_INPUTS, type Provenance, provenanceOf, withValue} from "../commitment/provenance.js";
import {totalEvidence, toUsd} from "../headlines.js";
import type {Figure} from "../lineage.js";
import type {Dataset, Deal} from "../model.js";
import {chipVendorCompany, parentCompany} from "./companyParents.js";
import {newMoneyDate} from "./dealInvestment.js";

/** What a market-map edge carries: equity from an investor to a lab (firm or contingent), or a lab's compute spend. */
export type MarketEdgeKind = "equity-firm" | "equity-contingent" | "commitment";

/** A company in the market map, with its subsidiaries rolled in (AWS counts as Amazon). */
export interface MarketNode {
  id: string;
  name: string;
  /** Ids of the companies rolled into this node, itself first. */
  members: string[];
  /** Roles it plays in any deal, in the order investor, lab, provider. */
  roles: ("investor" | "lab" | "provider")[];
  /** Firm equity it puts into labs, USD. */
  investsUsd: number;
  /** Compute spend committed to it (or its subsidiaries), USD. */
  receivesUsd: number;
  /** investsUsd as a figure: the bounds of the facts summed kept ("over $13B" stays "over"), with lineage. */
  invests: Figure;
  /** receivesUsd as a figure, bounds and lineage kept ("over $100B" + $138B is "over $238B"). */
  receives: Figure;
  /**
   * The part of `invests` that goes into a loop (the firm equity of its {@link MarketLoop}s), so a map does not set
   * the loop mark beside money that never comes back: Nvidia invests up to $40B, $10B of it in a loop (its $30B
   * OpenAI stake replaced a superseded letter and loops nowhere).
   */
  investsInLoops: Figure;
}

/** Money between two companies, summed over the deals that carry it. */
export interface MarketEdge {
  /** `<kind>:<source>→<target>`. */
  id: string;
  kind: MarketEdgeKind;
  /** Company ids after rolling subsidiaries into parents: the investor (equity) or the lab (commitment). */
  source: string;
  target: string;
  /** USD, with the bounds and lineage of the facts summed. */
  usd: Figure;
  /** Deal ids, in dataset order. */
  deals: string[];
  /**
   * True for the equity of a superseded deal's tranches that still count (the stake that replaced Nvidia's letter of
   * intent): history in the map, drawn apart and never part of a loop; such money is never summed with a live deal's.
   */
  superseded: boolean;
}

/** A company that invests in a lab which commits spend back to that company's own cloud or chips. */
export interface MarketLoop {
  company: string;
  lab: string;
  deal: string;
  /** How the money comes back: the deal's provider is the company, and/or the deal names the company's chips. */
  via: ("provider" | "chips")[];
  /** The company's equity in the lab in this deal, USD: firm, and every tranche at face value. */
  equityFirmUsd: Figure;
  equityMaxUsd: Figure;
  /**
   * The deal's compute commitment, USD, when it comes back to this company as cloud revenue (via "provider"); null
   * when the deal states no dollar commitment, or when the company's return is only its chips (a chip maker earns its
   * gross margin on the chips bought, not the cloud spend, so the spend is counted once, for the provider).
   */
  commitmentUsd: Figure | null;
  /**
   * True when some of the company's equity in this deal is new money (a tranche dated on or after the deal's
   * {@link newMoneyDate}); false when all of it went in before the deal (Microsoft's 2019–2023 money against OpenAI's
   * 2025 commitment): the spend then goes back to an old investor, but no new money is recycled.
   */
  newMoney: boolean;
}

/** A lab's capacity on a provider stated in GW only, for a deal with no dollar commitment (e.g. a chip supply deal). */
export interface CapacityLink {
  /** `capacity:<lab>→<provider>`. */
  id: string;
  source: string;
  target: string;
  /** Facility GW, summed over the deals, with bounds and lineage. */
  gw: Figure;
  deals: string[];
}

export interface MarketMap {
  /** Companies in first-seen order over the deals (investors, lab, provider). */
  nodes: MarketNode[];
  /** Edges with a positive amount, in first-seen order. */
  edges: MarketEdge[];
  /** Capacity-only relations (no dollar commitment), in first-seen order. */
  capacityLinks: CapacityLink[];
  loops: MarketLoop[];
}

/**
 * Returns the market as a graph: companies as nodes (subsidiaries rolled into their parents through
 * `companies[].parent`, so AWS is Amazon), equity edges investor → lab (firm and contingent tranches apart, at face
 * value; lapsed tranches left out) and compute-commitment edges lab → provider, in USD with lineage, summed over
 * deals; capacity-only links (lab → provider, GW) for deals that state capacity but no dollar commitment; and the loops: per deal, each investor whose money goes into a lab that commits spend back to the
 * investor's own cloud (the deal's provider rolls up to it) or chips (a chip the deal names is made by it, matched
 * by {@link chipVendorCompany}). A loop needs equity (firm or contingent) but not a dollar commitment: a deal that
 * states only capacity on the investor's platform still loops. A superseded deal is history: it adds no commitment,
 * capacity link or loop, only the equity of its tranches that still count (its lapsed ones are left out), on an edge
 * of its own marked `superseded` and outside the investor's `investsInLoops`. Throws `invalid company:` for a party that is not in
 * `dataset.companies`.
 *
 * @example marketMap(dataset).loops.find((l) => l.deal === "amazon-anthropic") // {company: "amazon", lab: "anthropic", via: ["provider", "chips"], …}
 */
export function marketMap(dataset: Pick<Dataset, "companies" | "deals" | "chips">): MarketMap {
  const names = new Map(dataset.companies.map((c) => [c.id, c.name]));
  const tops = new Map<string, string>();
  const top = (id: string) => {
    let root = tops.get(id);
    if (root === undefined) {
      root = parentCompany(dataset.companies, id);
      tops.set(id, root);
    }
    return root;
  };
  const nodes = new Map<string, MarketNode>();
  const node = (id: string, role: MarketNode["roles"][number]) => {
    const root = top(id);
    let n = nodes.get(root);
    if (!n) {
      n = {
        id: root,
        name: names.get(root) ?? root,
        members: [root],
        roles: [],
        investsUsd: 0,
        receivesUsd: 0,
        invests: ZERO,
        receives: ZERO,
        investsInLoops: ZERO
      };
      nodes.set(root, n);
    }
    if (!n.members.includes(id)) n.members.push(id);
    if (!n.roles.includes(role)) n.roles.push(role);
    return n;
  };
  const parts = new Map<
    string,
    {kind: MarketEdgeKind; source: string; target: string; usd: number; provenance: Provenance[]; deals: string[]; superseded: boolean}
  >();
  const add = (
    kind: MarketEdgeKind,
    source: string,
    target: string,
    usd: number,
    provenance: Provenance,
    deal: string,
    superseded = false
  ) => {
    if (!(usd > 0)) return;
    const id = `${superseded ? "superseded-" : ""}${kind}:${source}→${target}`;
    let e = parts.get(id);
    if (!e) {
      e = {kind, source, target, usd: 0, provenance: [], deals: [], superseded};
      parts.set(id, e);
    }
    e.usd += usd;
    e.provenance.push(provenance);
    if (!e.deals.includes(deal)) e.deals.push(deal);
  };
  const capacity = new Map<string, CapacityLink>();
  const loops: MarketLoop[] = [];
  // Each node's figures to sum, summed once at the end: a running sum merged the lineage gathered so far at every deal,
  // which grew with the square of the number of deals (a provider receiving 1,000 commitments: 0.9 s at 1,000 deals).
  const sums = new Map<MarketNode, Record<"invests" | "receives" | "investsInLoops", Figure[]>>();
  const summed = (n: MarketNode, key: "invests" | "receives" | "investsInLoops") => {
    let parts = sums.get(n);
    if (!parts) {
      parts = {invests: [], receives: [], investsInLoops: []};
      sums.set(n, parts);
    }
    return parts[key];
  };
  for (const deal of dataset.deals) {
    const investors = deal.investors.map((id) => node(id, "investor"));
    const lab = node(deal.lab, "lab");
    const provider = node(deal.provider, "provider");
    // A superseded deal is history: its commitment, capacity and loops drop out of the live map. Its tranches that
    // still count (the stake that replaced Nvidia's letter of intent; the letter's own money is lapsed) stay equity.
    const live = deal.status !== "superseded";
    const commitment = live ? dealCommitmentTotals(deal) : null;
    if (commitment) {
      provider.receivesUsd += commitment.totalUsd.value;
      summed(provider, "receives").push(commitment.totalUsd);
      add("commitment", lab.id, provider.id, commitment.totalUsd.value, commitment.totalUsd, deal.id);
    } else if (live && deal.capacity && factGw(deal.capacity.ceiling) > 0) {
      const id = `capacity:${lab.id}→${provider.id}`;
      const ceiling = factProvenance(`${deal.id}.capacity.ceiling`, deal.capacity.ceiling);
      const link = capacity.get(id);
      if (link) link.gw = withValue(provenanceOf(link.gw, ceiling), link.gw.value + factGw(deal.capacity.ceiling), "gw");
      else
        capacity.set(id, {id, source: lab.id, target: provider.id, gw: withValue(ceiling, factGw(deal.capacity.ceiling), "gw"), deals: []});
      capacity.get(id)!.deals.push(deal.id);
    }
    const vendors = new Set(deal.hardware.chips.map((id) => chipVendorCompany(dataset, id)).filter((c) => c !== null));
    for (const investor of investors) {
      const equity = investorEquity(deal, (id) => top(id) === investor.id);
      investor.investsUsd += equity.firm.value;
      if (equity.firm.value > 0) summed(investor, "invests").push(equity.firm);
      add("equity-firm", investor.id, lab.id, equity.firm.value, equity.firm, deal.id, !live);
      add("equity-contingent", investor.id, lab.id, equity.max.value - equity.firm.value, equity.contingent, deal.id, !live);
      const via: MarketLoop["via"] = [];
      if (provider.id === investor.id) via.push("provider");
      if (vendors.has(investor.id)) via.push("chips");
      if (live && via.length && equity.max.value > 0 && investor.id !== lab.id) {
        if (equity.firm.value > 0) summed(investor, "investsInLoops").push(equity.firm);
        loops.push({
          company: investor.id,
          lab: lab.id,
          deal: deal.id,
          via,
          equityFirmUsd: equity.firm,
          equityMaxUsd: equity.max,
          commitmentUsd: via.includes("provider") ? (commitment?.totalUsd ?? null) : null,
          newMoney: equity.newMoney
        });
      }
    }
  }
  for (const [n, parts] of sums) for (const key of ["invests", "receives", "investsInLoops"] as const) n[key] = sumFigures(parts[key]);
  const edges = [...parts].map(([id, e]) => ({
    id,
    kind: e.kind,
    source: e.source,
    target: e.target,
    usd: withValue(provenanceOf(...e.provenance), e.usd, "usd"),
    deals: e.deals,
    superseded: e.superseded
  }));
  return {nodes: [...nodes.values()], edges, capacityLinks: [...capacity.values()], loops};
}

const ZERO: Figure = withValue(NO_INPUTS, 0, "usd");

/**
 * Returns the parts added up in USD, in order, the bounds combined (an "over" part makes an "over" total) and the
 * lineages merged: ZERO for none, the part itself for one. Equal to adding them one at a time (merging lineages and
 * combining bounds are unions, the same in any grouping), without merging the growing lineage at each step.
 *
 * @example sumFigures([a, b]) // withValue(provenanceOf(a, b), a.value + b.value, "usd")
 */
export function sumFigures(parts: readonly Figure[]): Figure {
  if (parts.length === 0) return ZERO;
  if (parts.length === 1) return parts[0];
  return withValue(
    provenanceOf(...parts),
    parts.reduce((s, p) => s + p.value, 0),
    "usd"
  );
}

// The deal's tranches paid by `isInvestor`, summed: firm, contingent and every tranche (USD, with lineage).
function investorEquity(deal: Deal, isInvestor: (id: string) => boolean) {
  const sum = (tranches: Deal["tranches"]): Figure => {
    // A stated total that covers exactly these tranches settles the status, as on the cards and tables (totalEvidence):
    // Microsoft's "about $13B" is reported, though two of its three tranches are estimates (critic s8 M14).
    const {stated, stronger} = totalEvidence(deal, tranches);
    if (stated && stronger === "stated")
      return withValue(factProvenance(`${deal.id}.totals.${stated.id}`, stated.amount), toUsd(stated.amount), "usd");
    const provenance = tranches.map((t) => factProvenance(`${deal.id}.tranches.${t.id}.amount`, t.amount));
    const usd = tranches.reduce((s, t) => s + toUsd(t.amount), 0);
    return withValue(provenance.length ? provenanceOf(...provenance) : NO_INPUTS, usd, "usd");
  };
  const own = deal.tranches.filter((t) => isInvestor(t.investor));
  const from = newMoneyDate(deal);
  return {
    firm: sum(own.filter((t) => t.firm)),
    contingent: sum(own.filter((t) => !t.firm)),
    max: sum(own),
    newMoney: own.some((t) => t.date >= from)
  };
}
