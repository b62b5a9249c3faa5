/**
 * Inline deals and assumptions for the commitment, recycling and comparison tests, small enough to check by
 * hand. `amazonAnthropic` mirrors data/deals/amazon-anthropic.yaml as of 2026-06-30 (money in usd-bn).
 */
import {ASSUMPTION_IDS, type AssumptionValues} from "../../../src/core/assumptions.js";
import type {Assumption, Bound, Deal, Fact, Status, Unit} from "../../../src/core/model.js";

export function fact(value: number, unit: Unit = "usd-bn", status: Status = "confirmed", bound?: Bound): Fact {
  return {value, unit, status, source: "test-source", asOf: "2026-06-30", ...(bound ? {bound} : {})};
}

/** data/assumptions.yaml base values. */
export const baseValues: AssumptionValues = {
  pue: 1.15,
  "load-factor": 0.8,
  "capex-per-gw": 50,
  "it-share": 0.7,
  "it-life": 5,
  "facility-life": 20,
  "power-price": 70,
  "margin-aws": 0.25,
  "margin-nvidia": 0.73,
  "revenue-per-gw-year": 11,
  "discount-rate": 0.1,
  "slip-months": 0,
  "contingent-probability": 0.5,
  "option-volatility": 0.5,
  "generation-gain": 2,
  "generation-years": 2,
  "building-mw": 75,
  "spend-ramp-years": 3,
  "opex-per-gw-year": 0.26,
  "credit-share": 0,
  "next-gen-price-ratio": 1,
  "chip-content-share": 0.74,
  "risk-free-rate": 0.1,
  "it-renewal-share": 0.5,
  "facility-rent-per-gw-year": 0.75,
  "old-kit-price-share": 0.7,
  "asset-charge-rate": 0.005,
  "build-months": 24
};

const ASSUMED: ReadonlySet<string> = new Set([
  "it-life",
  "facility-life",
  "power-price",
  "discount-rate",
  "slip-months",
  "contingent-probability",
  "option-volatility",
  "spend-ramp-years"
]);

/** Every assumption at its base value; status "assumption" for the editors' own values, "estimate" otherwise (as in the data). */
export const assumptions: Assumption[] = [...ASSUMPTION_IDS, "margin-aws" as const, "margin-nvidia" as const].map((id) => ({
  id,
  label: id,
  unit: "ratio",
  low: baseValues[id],
  base: baseValues[id],
  high: baseValues[id],
  distribution: "triangular",
  status: ASSUMED.has(id) ? "assumption" : "estimate",
  source: "test-source",
  asOf: "2026-06-30",
  description: id
}));

const tranche = (id: string, date: string, value: number, firm: boolean, bound?: Bound): Deal["tranches"][number] => ({
  id,
  label: id,
  date,
  investor: "amazon",
  amount: fact(value, "usd-bn", firm ? "confirmed" : "reported", bound),
  firm
});

export const amazonAnthropic: Deal = {
  id: "amazon-anthropic",
  name: "Amazon → Anthropic",
  investors: ["amazon"],
  lab: "anthropic",
  provider: "aws",
  announced: "2026-04-20",
  status: "active",
  asOf: "2026-06-30",
  summary: "",
  tranches: [
    tranche("t2023-initial", "2023-09-25", 1.25, true),
    tranche("t2024-second", "2024-03-27", 2.75, true),
    tranche("t2024-third", "2024-11-22", 4, true),
    tranche("t2026-fresh", "2026-04-20", 5, true),
    tranche("t2026-milestones", "2026-04-20", 20, false, "up-to")
  ],
  totals: [],
  commitments: [
    {
      id: "aws-2026",
      label: "Spend on AWS",
      amount: fact(100, "usd-bn", "confirmed", "at-least"),
      years: fact(10, "years"),
      start: "2026-04-20",
      platform: "AWS"
    }
  ],
  capacity: {ceiling: fact(5, "gw", "confirmed", "up-to"), schedule: [], chips: ["trainium2", "trainium3"]},
  hardware: {chips: ["trainium2", "trainium3"], other: ["Graviton CPUs"], options: []},
  governance: {boardSeat: {value: false, status: "confirmed", source: "test-source", asOf: "2026-06-30"}},
  valuations: [
    {id: "v2024-03", date: "2024-03-27", round: "Second tranche", postMoney: fact(18.4)},
    {id: "series-h", date: "2026-05-28", round: "Series H", postMoney: fact(965, "usd-bn", "reported")}
  ],
  equityMarks: [
    {id: "q3-2025", date: "2025-09-30", value: fact(39, "usd-bn", "confirmed", "about")},
    {id: "fy-2025", date: "2025-12-31", value: fact(60.6)}
  ],
  profile: {
    capacityLanguage: "Up to 5 GW of new capacity",
    hardwareAngle: "Custom silicon",
    governancePosture: "Minority, no board seat",
    strategicIntent: "Anchor tenant for Trainium"
  }
};

/** A deal with the given parts replaced (e.g. no tranches, no commitment). */
export function withDeal(overrides: Partial<Deal>): Deal {
  return {...amazonAnthropic, ...overrides};
}

/** The founding deal's commitment from 2026-01-01, so calendar years are whole years. */
export function commitmentFrom(start: string, value = 100, years = 10): Deal["commitments"] {
  return [{...amazonAnthropic.commitments[0], start, amount: fact(value, "usd-bn", "confirmed", "at-least"), years: fact(years, "years")}];
}
