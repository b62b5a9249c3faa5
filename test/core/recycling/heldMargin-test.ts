import {assert, it} from "vitest";
import {capexTimingText, heldMarginText} from "../../../src/core/recycling/heldMargin.js";
import {laterCapexText} from "../../../src/core/recycling/laterCapex.js";
import {heldMarginCostPv} from "../../../src/core/recycling/projectDealRecycling.js";
import {assertInDelta} from "../../asserts.js";

it("heldMarginCostPv: the margins' gap × each year's revenue, discounted from the start of its year to 1 January 2026", () => {
  // 0.06 × (10 in 2026, not discounted + 11 in 2027 ÷ 1.1) = 0.06 × 20 = 1.2.
  assertInDelta(
    heldMarginCostPv(
      [
        {year: 2026, revenue: 10},
        {year: 2027, revenue: 11}
      ],
      0.41,
      0.35,
      0.1
    ),
    1.2,
    1e-12
  );
  // A held margin above the implied one is a saving: the cost is negative, the NPV rises.
  assertInDelta(heldMarginCostPv([{year: 2028, revenue: 12.1}], 0.3, 0.35, 0.1), -0.05 * 10, 1e-12);
  assert.strictEqual(heldMarginCostPv([{year: 2027, revenue: 5}], 0.35, 0.35, 0.1), 0);
});

it("heldMarginText: the guidance and the reported margin, each in one clause, with the median where there are draws", () => {
  const npv = {value: 34.8e9, unit: "usd", bound: "about" as const, lineage: {inputs: [], status: "estimate" as const}};
  assert.strictEqual(
    heldMarginText("Oracle", {
      heldMargin: {value: 0.35, basis: "guidance", status: "estimate", source: "s-guide"},
      impliedMargin: 0.408,
      npvAtHeldMarginUsd: npv,
      baseCase: {npvUsd: 49.8e9, operatingProfitUsd: null, paybackYear: null}
    }),
    "held at Oracle's own 35% gross margin for a very large AI contract (estimate), not the flows' about 41%, the median cash NPV would be about $34.8B"
  );
  assert.strictEqual(
    heldMarginText("AWS", {
      heldMargin: {value: 0.354, basis: "reported", status: "estimate", source: "s-aws"},
      impliedMargin: 0.306,
      npvAtHeldMarginUsd: {...npv, value: -6.07e9}
    }),
    "held at AWS's reported 35.4% operating margin (after overheads), not the flows' about 31%, the cash NPV would be about −$6.07B"
  );
  // Flows at about the held margin (35.25% against 35%): no contrast to draw; the median holds it in every draw.
  assert.strictEqual(
    heldMarginText("Oracle", {
      heldMargin: {value: 0.35, basis: "guidance", status: "estimate", source: "s-guide"},
      impliedMargin: 0.3525,
      npvAtHeldMarginUsd: {...npv, value: 25.6e9},
      baseCase: {npvUsd: 32.7e9, operatingProfitUsd: null, paybackYear: null}
    }),
    "held at Oracle's own 35% gross margin for a very large AI contract (estimate) in every draw, the median cash NPV would be about $25.6B"
  );
  assert.strictEqual(heldMarginText("AWS", {heldMargin: null, impliedMargin: null, npvAtHeldMarginUsd: null}), "");
});

it("heldMarginText: the caller's citation follows the held margin, guided or reported alike", () => {
  // s17 closing: AWS's reported 35.4% carried its [n], Oracle's guided 35% none.
  const npv = {value: 25.6e9, unit: "usd", bound: "about" as const, lineage: {inputs: [], status: "estimate" as const}};
  const guided = {
    heldMargin: {value: 0.35, basis: "guidance" as const, status: "estimate" as const, source: "s-guide"},
    impliedMargin: 0.408,
    npvAtHeldMarginUsd: npv
  };
  assert.strictEqual(
    heldMarginText("Oracle", guided, {ref: " [118]"}),
    "held at Oracle's own 35% gross margin for a very large AI contract [118] (estimate), not the flows' about 41%, the cash NPV would be about $25.6B"
  );
  const reported = {...guided, heldMargin: {...guided.heldMargin, value: 0.354, basis: "reported" as const}};
  assert.include(heldMarginText("AWS", reported, {ref: " [83]"}), "AWS's reported 35.4% operating margin [83] (after overheads)");
});

it("capexTimingText: the capex at once and a slip that moves nothing, each said only where it holds", () => {
  const oracle = [
    {year: 2027, spend: 60, capex: 126},
    {year: 2028, spend: 60, capex: 0}
  ];
  assert.strictEqual(
    capexTimingText(oracle, {high: 18, swing: 0, baseValue: 49.8e9}),
    "all of the capex falls in 2027, the first year of the spend; a delivery slip of up to 18 months leaves the cash NPV unchanged"
  );
  // 60 of 100 in the first year: "about 60%"; a slip that moves the NPV by 1% is not "no figure".
  const ramp = [
    {year: 2026, spend: 10, capex: 60},
    {year: 2027, spend: 20, capex: 40}
  ];
  assert.strictEqual(
    capexTimingText(ramp, {high: 18, swing: 0.5e9, baseValue: 50e9}),
    "about 60% of the capex falls in 2026, the first year of the spend"
  );
  // Under half in the first year and a slip that moves the NPV: nothing to say.
  assert.strictEqual(capexTimingText([...ramp, {year: 2028, spend: 30, capex: 60}], {high: 18, swing: 3e9, baseValue: 50e9}), "");
});

it("capexTimingText with a build-out: the ramp, its years, a use that runs past the stated end, and what a slip does", () => {
  const flows = [
    {year: 2025, spend: 0, capex: 19.5},
    {year: 2026, spend: 0, capex: 63},
    {year: 2027, spend: 52.8, capex: 43.5}
  ];
  const built = {months: 24, onlineFrom: 2025.69, onlineBy: 2027.69, statedEnd: 2032, useEnd: 2032.12};
  const ramp =
    "no dated capacity schedule, so the capacity is built out: it comes online along a straight ramp over 24 months ending on the contract's start or, when that would begin the build before the signing, later, 2025–2027, each part's capex in the year it comes online";
  // The first capex year holds 19.5 ÷ 126, under half: no "falls in" clause; the use runs into 2032; a slip that moves the
  // NPV is not said to leave it.
  assert.strictEqual(
    capexTimingText(flows, {high: 18, swing: 5e9, baseValue: 32.7e9}, built),
    `${ramp}; the lab uses it as it comes, so its spend runs on into 2032 for what is not yet online when the contract starts; a delivery slip moves capex and spend together`
  );
  // A ramp that ends by the start: no use past the stated end; a slip whose bar is under 0.5% of the NPV is said to leave it.
  assert.strictEqual(
    capexTimingText(flows, {high: 18, swing: 0.01e9, baseValue: -6.07e9}, {...built, useEnd: 2032}),
    `${ramp}; a delivery slip moves capex and spend together, and a slip of up to 18 months leaves the cash NPV about unchanged`
  );
});

it("laterCapexText states the flat capex price and, where computed, what the range's high end from the next year on would make of capex and the NPV", () => {
  const r = {
    valuationYear: 2026,
    laterCapex: {fromYear: 2027, capexPerGwUsd: 55e9, npvUsd: -25.85e9, capexUsd: 98.6e9},
    npvUsd: {value: -12.7e9, unit: "usd", bound: "about" as const, lineage: {inputs: [], status: "assumption" as const}},
    capexUsd: {value: 72.3e9, unit: "usd", bound: "about" as const, lineage: {inputs: [], status: "assumption" as const}},
    baseCase: {npvUsd: -7.27e9, operatingProfitUsd: null, paybackYear: null}
  };
  assert.strictEqual(
    laterCapexText(40e9, r),
    "capex per GW is $40B in nominal dollars whatever the year (no price path): capacity built or IT renewed in 2030 costs what 2026's does; if what is bought from 2027 on cost $55B per GW (the range's high end), capex would be about $98.6B instead of about $72.3B, and the cash NPV about −$25.9B instead of about −$7.27B, at the base values"
  );
  assert.strictEqual(
    laterCapexText(40e9, {...r, laterCapex: null}),
    "capex per GW is $40B in nominal dollars whatever the year (no price path): capacity built or IT renewed in 2030 costs what 2026's does"
  );
});
