/**
 * Small inline chips, a deal and scenario values for the capacity and roadmap tests, chosen so results can be
 * checked by hand: chips "alpha" (0.75 kW, 0.5 PFLOP/s bf16) and "beta" (1.5 kW, 1 PFLOP/s), and an H100 of
 * exactly 1 PFLOP/s bf16, so H100-equivalents equal PFLOP/s.
 */
import type {ScenarioValues} from "../../../src/core/assumptions.js";
import {ASSUMPTION_IDS} from "../../../src/core/assumptions.js";
import type {Assumption, Chip, Deal, Fact, RampShape, Status} from "../../../src/core/model.js";

export const fact = (value: number, unit: Fact["unit"], status: Status = "confirmed", bound?: Fact["bound"]): Fact => ({
  value,
  unit,
  status,
  source: "src",
  asOf: "2026-01-01",
  ...(bound ? {bound} : {})
});

export function chip(
  id: string,
  {
    date,
    itKw,
    bf16,
    fp8,
    perServer = 8,
    line = "trainium",
    price,
    priceClass = "neocloud-list",
    hbm
  }: {
    date: string;
    itKw: number;
    bf16: number;
    fp8?: number;
    perServer?: number;
    line?: Chip["line"];
    price?: number;
    /** The price's basis (default neocloud list prices); only with a price. */
    priceClass?: NonNullable<Chip["priceClass"]>;
    hbm?: number;
  }
): Chip {
  return {
    id,
    name: id,
    vendor: "vendor",
    line,
    available: {date, status: "confirmed", source: "src", asOf: date},
    flops: {bf16: fact(bf16, "pflops"), ...(fp8 === undefined ? {} : {fp8: fact(fp8, "pflops")})},
    itKw: fact(itKw, "kw", "estimate"),
    perServer,
    serverName: `${id} server`,
    ...(price === undefined ? {} : {price: fact(price, "usd-per-chip-hour", "reported"), priceClass}),
    ...(hbm === undefined ? {} : {hbmGb: fact(hbm, "gb")})
  };
}

export const alpha = chip("alpha", {date: "2025-01-15", itKw: 0.75, bf16: 0.5, fp8: 1, perServer: 64});
export const beta = chip("beta", {date: "2026-01-10", itKw: 1.5, bf16: 1, fp8: 2, perServer: 144});
export const h100 = chip("h100", {date: "2022-03-22", itKw: 1.25, bf16: 1, fp8: 2, line: "nvidia"});
export const chips: Chip[] = [beta, h100, alpha];

/**
 * Announced January 2026 (month index 24312); up to 4 GW; 1 GW by end-2026 and 3 GW by end-2027. With a
 * 6-month lag alpha fills capacity added before July 2026 and beta from July 2026 on.
 */
export function deal(overrides: Partial<Deal> = {}, capacity: Partial<NonNullable<Deal["capacity"]>> = {}): Deal {
  return {
    id: "d",
    name: "D",
    investors: ["i"],
    lab: "l",
    provider: "p",
    announced: "2026-01-10",
    status: "active",
    asOf: "2026-01-10",
    summary: "s",
    tranches: [],
    totals: [],
    commitments: [],
    capacity: {
      ceiling: fact(4, "gw", "confirmed", "up-to"),
      schedule: [
        {id: "p1", by: "2026-12-31", gw: fact(1, "gw", "confirmed", "about")},
        {id: "p2", by: "2027-12-31", gw: fact(3, "gw", "reported")}
      ],
      chips: ["alpha", "beta"],
      ...capacity
    },
    hardware: {chips: ["alpha", "beta"], other: [], options: []},
    governance: {boardSeat: {value: false, status: "confirmed", source: "src", asOf: "2026-01-01"}},
    valuations: [],
    equityMarks: [],
    profile: {capacityLanguage: "", hardwareAngle: "", governancePosture: "", strategicIntent: ""},
    ...overrides
  };
}

/** Every assumption the projections read, at base 1 unless set here; pue is an estimate, the rest assumptions. */
export const assumptions: Assumption[] = ASSUMPTION_IDS.map((id) => ({
  id,
  label: id,
  unit: "ratio",
  low: 0,
  base: 1,
  high: 100,
  distribution: "triangular",
  status: id === "pue" ? "estimate" : "assumption",
  source: "src",
  asOf: "2026-01-01",
  description: id
}));

/** PUE 1.25, load factor 0.5, no slip, 100 MW buildings, 5-year life. */
export function values(ramp: RampShape = "linear", overrides: Record<string, number> = {}): ScenarioValues {
  const base = Object.fromEntries(ASSUMPTION_IDS.map((id) => [id, 1]));
  return {
    scenario: "test",
    ramp,
    values: {...base, pue: 1.25, "load-factor": 0.5, "slip-months": 0, "building-mw": 100, "it-life": 5, ...overrides}
  } as ScenarioValues;
}
