import {assert, it} from "vitest";
import {resolveLineageInput} from "../../../src/core/index.js";
import type {Dataset} from "../../../src/core/model.js";
import {amazonAnthropic, fact} from "../commitment/fixtures.js";
import {dataset as comparison} from "../comparison/fixtures.js";

const option = {
  id: "future-trainium",
  label: "Option on future Trainium",
  exercisable: "2028-01-01",
  timing: "From 2028",
  rights: "A right, not an obligation",
  flexibility: "Follows the roadmap",
  costOfWaiting: "Older chips meanwhile",
  status: "confirmed" as const,
  source: "option-source",
  answers: {status: "assumption" as const, source: "option-source", asOf: "2026-06-30"}
};

const dataset: Dataset = {
  ...comparison,
  deals: [
    {
      ...amazonAnthropic,
      capacity: {...amazonAnthropic.capacity!, schedule: [{id: "end-2026", by: "2026-12-31", gw: fact(1, "gw", "confirmed", "about")}]},
      hardware: {...amazonAnthropic.hardware, options: [option]}
    },
    ...comparison.deals.slice(1)
  ],
  assumptions: comparison.assumptions.map((a) => (a.id === "pue" ? {...a, label: "PUE", low: 1.08, high: 1.3, source: "pue-source"} : a)),
  yardsticks: [
    {
      id: "us-2024",
      label: "the electricity all US data centres used",
      value: 183,
      unit: "twh-per-year",
      year: 2024,
      status: "confirmed",
      source: "iea",
      asOf: "2025-04-01"
    }
  ]
};

it("resolveLineageInput(dataset, 'assumption:<id>') gives the assumption's base value, range, status and source", () => {
  assert.deepStrictEqual(resolveLineageInput(dataset, "assumption:pue"), {
    id: "assumption:pue",
    kind: "assumption",
    label: "PUE",
    value: 1.15,
    unit: "ratio",
    bound: "exact",
    low: 1.08,
    high: 1.3,
    status: "estimate",
    source: "pue-source",
    asOf: "2026-06-30"
  });
});

it("resolveLineageInput(dataset, '<deal>.commitments.<id>.amount') walks arrays by id and keeps the bound", () => {
  const input = resolveLineageInput(dataset, "amazon-anthropic.commitments.aws-2026.amount");
  assert.strictEqual(input.kind, "fact");
  assert.strictEqual(input.label, "Amazon → Anthropic · commitment · “Spend on AWS” · amount");
  assert.strictEqual(input.value, 100);
  assert.strictEqual(input.unit, "usd-bn");
  assert.strictEqual(input.bound, "at-least");
  assert.strictEqual(input.status, "confirmed");
  assert.strictEqual(input.source, "test-source");
  assert.strictEqual(resolveLineageInput(dataset, "amazon-anthropic.commitments.aws-2026.years").label.endsWith("· term"), true);
});

it("resolveLineageInput(dataset, id) drops grouping segments and resolves records to the fact they hold", () => {
  assert.strictEqual(resolveLineageInput(dataset, "amazon-anthropic.capacity.ceiling").label, "Amazon → Anthropic · capacity ceiling");
  const point = resolveLineageInput(dataset, "amazon-anthropic.capacity.schedule.end-2026");
  assert.strictEqual(point.label, "Amazon → Anthropic · capacity schedule · by 2026-12-31");
  assert.strictEqual(point.value, 1);
  assert.strictEqual(point.bound, "about");
  const mark = resolveLineageInput(dataset, "amazon-anthropic.equityMarks.fy-2025");
  assert.strictEqual(mark.label, "Amazon → Anthropic · equity mark · of 2025-12-31");
  assert.strictEqual(mark.value, 60.6);
});

it("resolveLineageInput(dataset, 'chip:<id>.flops.bf16') resolves a chip's fact under the chip's name", () => {
  const input = resolveLineageInput(dataset, "chip:trainium3.flops.bf16");
  assert.strictEqual(input.kind, "chip");
  assert.strictEqual(input.label, "Trainium3 · bf16 PFLOP/s");
  assert.strictEqual(input.value, 1);
  assert.strictEqual(input.unit, "pflops");
  assert.strictEqual(resolveLineageInput(dataset, "chip:trainium2.itKw").label, "Trainium2 · IT kW per accelerator");
});

it("resolveLineageInput(dataset, '<deal>.hardware.options.<id>') resolves an option: no value, the deal's as-of date, the status of its answers (the exercise date is the editors')", () => {
  assert.deepStrictEqual(resolveLineageInput(dataset, "amazon-anthropic.hardware.options.future-trainium"), {
    id: "amazon-anthropic.hardware.options.future-trainium",
    kind: "option",
    label: "Amazon → Anthropic · option · “Option on future Trainium”",
    value: null,
    unit: null,
    bound: "exact",
    status: "assumption",
    source: "option-source",
    asOf: "2026-06-30"
  });
});

it("resolveLineageInput(dataset, 'yardstick:<id>') gives the yardstick's value, year, status and source", () => {
  assert.deepStrictEqual(resolveLineageInput(dataset, "yardstick:us-2024"), {
    id: "yardstick:us-2024",
    kind: "yardstick",
    label: "the electricity all US data centres used in 2024",
    value: 183,
    unit: "twh-per-year",
    bound: "exact",
    status: "confirmed",
    source: "iea",
    asOf: "2025-04-01"
  });
});

it("resolveLineageInput(dataset, 'company:<id>.facilityLeaseYears') resolves a company's fact under its name", () => {
  const lease = {
    value: 15,
    unit: "years" as const,
    status: "confirmed" as const,
    bound: "about" as const,
    source: "orcl-10k",
    asOf: "2025-05-31"
  };
  const withLease = {...dataset, companies: [{id: "oracle", name: "Oracle", facilityLeaseYears: lease}]};
  assert.deepStrictEqual(resolveLineageInput(withLease, "company:oracle.facilityLeaseYears"), {
    id: "company:oracle.facilityLeaseYears",
    kind: "fact",
    label: "Oracle · data-centre lease term",
    value: 15,
    unit: "years",
    bound: "about",
    status: "confirmed",
    source: "orcl-10k",
    asOf: "2025-05-31"
  });
  assert.throws(() => resolveLineageInput(withLease, "company:oracle.backlog"), /invalid input/);
  assert.throws(() => resolveLineageInput(withLease, "company:nope.facilityLeaseYears"), /invalid input/);
});

it("resolveLineageInput(dataset, id) rejects ids that name nothing", () => {
  for (const id of [
    "yardstick:nope",
    "assumption:nope",
    "chip:nope.itKw",
    "nope.capacity.ceiling",
    "amazon-anthropic",
    "amazon-anthropic.commitments.nope.amount",
    "amazon-anthropic.capacity.nope",
    "amazon-anthropic.commitments",
    "amazon-anthropic.governance.boardSeat.value"
  ]) {
    assert.throws(() => resolveLineageInput(dataset, id), new RegExp(`invalid input: ${id.replace(/\./g, "\\.")}`));
  }
});
