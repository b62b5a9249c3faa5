import {assert, it} from "vitest";
import {type DealProjection, type Figure, headlineFormulas, leaf} from "../../../src/core/index.js";

const fig = (value: number, unit: string, ...inputs: [string, Figure["lineage"]["status"]][]): Figure => ({
  value,
  unit,
  bound: "exact",
  lineage: {inputs: inputs.map(([id]) => id).sort(), status: inputs.map(([, s]) => s).includes("assumption") ? "assumption" : "confirmed"}
});

const recycling = {
  investmentExpectedUsd: fig(23e9, "usd", ["d.tranches.a.amount", "confirmed"], ["assumption:contingent-probability", "assumption"]),
  operatingProfitUsd: fig(25e9, "usd", ["d.commitments.c.amount", "confirmed"], ["assumption:margin-aws", "assumption"]),
  investmentToCommitmentFirm: fig(0.13, "fraction", ["d.tranches.a.amount", "confirmed"]),
  investmentToCommitmentMax: fig(0.33, "fraction", ["d.tranches.a.amount", "confirmed"]),
  capexUsd: fig(70e9, "usd", ["d.commitments.c.amount", "confirmed"], ["assumption:capex-per-gw", "assumption"]),
  // The NPV is read from the same cash flows (profit, capex, expected investment), then discounted.
  npvUsd: fig(
    -3e9,
    "usd",
    ["d.commitments.c.amount", "confirmed"],
    ["d.tranches.a.amount", "confirmed"],
    ["assumption:capex-per-gw", "assumption"],
    ["assumption:contingent-probability", "assumption"],
    ["assumption:margin-aws", "assumption"],
    ["assumption:discount-rate", "assumption"]
  ),
  paybackYear: 2034
} as unknown as DealProjection["recycling"];

const empty = {capacity: null, commitment: null, options: null};

it("headlineFormulas(projection) lists the thirteen headline figures in reading order, each with a label and a formula", () => {
  const rows = headlineFormulas({...empty, recycling});
  assert.deepStrictEqual(
    rows.map((d) => d.name),
    [
      "capacity.gw",
      "capacity.itMw",
      "capacity.accelerators",
      "capacity.energyTwhPerYear",
      "capacity.h100eFp8",
      "capacity.h100e",
      "commitment.gwYears",
      "commitment.coverage",
      "recycling.investmentToCommitmentFirm",
      "recycling.investmentToCommitmentMax",
      "recycling.npvUsd",
      "recycling.paybackYear",
      "options.valuePerGwYear"
    ]
  );
  for (const row of rows) assert.isTrue(row.label.length > 0 && row.formula.endsWith("."), row.name);
});

it("headlineFormulas(projection) leaves a figure null when the deal has no capacity, commitment or option", () => {
  const rows = headlineFormulas({...empty, recycling});
  const byName = Object.fromEntries(rows.map((d) => [d.name, d.figure]));
  for (const name of ["capacity.gw", "capacity.h100e", "commitment.gwYears", "commitment.coverage", "options.valuePerGwYear"]) {
    assert.strictEqual(byName[name], null, name);
  }
  assert.strictEqual(byName["recycling.npvUsd"], recycling.npvUsd);
});

it("headlineFormulas(projection) makes the payback year an 'about' figure with the NPV's lineage and status, less the discount rate", () => {
  const payback = headlineFormulas({...empty, recycling}).find((d) => d.name === "recycling.paybackYear")!.figure!;
  assert.strictEqual(payback.value, 2034);
  assert.strictEqual(payback.unit, "year");
  assert.strictEqual(payback.bound, "about"); // a model output, never exact
  assert.strictEqual(payback.lineage.status, recycling.npvUsd!.lineage.status);
  assert.deepStrictEqual(
    payback.lineage.inputs,
    recycling.npvUsd!.lineage.inputs.filter((i) => i !== "assumption:discount-rate")
  );
  // Inputs of the NPV's cash flows, sorted; no discount rate (payback is undiscounted).
  assert.deepStrictEqual(payback.lineage, {
    inputs: [
      "assumption:capex-per-gw",
      "assumption:contingent-probability",
      "assumption:margin-aws",
      "d.commitments.c.amount",
      "d.tranches.a.amount"
    ],
    status: "assumption"
  });
});

it("headlineFormulas(projection) has no payback figure when the cash never pays back or there is no commitment", () => {
  const never = headlineFormulas({...empty, recycling: {...recycling, paybackYear: null}});
  assert.strictEqual(never.find((d) => d.name === "recycling.paybackYear")!.figure, null);
  const none = headlineFormulas({...empty, recycling: {...recycling, operatingProfitUsd: null}});
  assert.strictEqual(none.find((d) => d.name === "recycling.paybackYear")!.figure, null);
});

it("headlineFormulas(projection) takes the contract GW-years and the options' summed value", () => {
  const gwYears = fig(9.09, "gw-years", ["assumption:revenue-per-gw-year", "assumption"]);
  const value = {
    ...fig(4.9e9, "usd-per-gw-year", ["d.hardware.options.o", "confirmed"]),
    lineage: leaf("d.hardware.options.o", "confirmed")
  };
  const rows = headlineFormulas({
    ...empty,
    recycling,
    commitment: {gwYears: {contract: gwYears, buildUp: fig(1, "gw-years")}, coverage: null} as unknown as DealProjection["commitment"],
    options: {value} as unknown as DealProjection["options"]
  });
  assert.strictEqual(rows.find((d) => d.name === "commitment.gwYears")!.figure, gwYears);
  assert.strictEqual(rows.find((d) => d.name === "options.valuePerGwYear")!.figure, value);
});
