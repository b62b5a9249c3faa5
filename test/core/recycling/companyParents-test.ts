import {assert, it} from "vitest";
import {chipVendorCompany, facilityLeaseYears, parentCompany} from "../../../src/core/index.js";

const companies = [
  {id: "amazon", name: "Amazon"},
  {id: "aws", name: "AWS", parent: "amazon"},
  {id: "nvidia", name: "Nvidia"}
];
const chips = [
  {id: "trainium2", vendor: "AWS (Annapurna Labs)"},
  {id: "gb200", vendor: "nvidia"},
  {id: "mystery", vendor: "Somebody Else"}
];

it("parentCompany(companies, id) rolls a subsidiary into its parent", () => {
  assert.strictEqual(parentCompany(companies, "aws"), "amazon");
});

it("parentCompany(companies, id) returns a company without a parent itself", () => {
  assert.strictEqual(parentCompany(companies, "amazon"), "amazon");
});

it("parentCompany(companies, id) follows a chain of parents to the top", () => {
  const chain = [...companies, {id: "annapurna", name: "Annapurna Labs", parent: "aws"}];
  assert.strictEqual(parentCompany(chain, "annapurna"), "amazon");
});

it("parentCompany(…) rejects unknown companies and loops", () => {
  assert.throws(() => parentCompany(companies, "oracle"), /invalid company: oracle/);
  assert.throws(() => parentCompany([{id: "a", name: "A", parent: "b"}], "a"), /invalid company: b/);
  const loop = [
    {id: "a", name: "A", parent: "b"},
    {id: "b", name: "B", parent: "a"}
  ];
  assert.throws(() => parentCompany(loop, "a"), /invalid parent: a/);
});

it("chipVendorCompany(data, chip) matches the vendor before its parenthesis, then rolls up", () => {
  assert.strictEqual(chipVendorCompany({companies, chips}, "trainium2"), "amazon");
});

it("chipVendorCompany(data, chip) matches names and ids ignoring case", () => {
  assert.strictEqual(chipVendorCompany({companies, chips}, "gb200"), "nvidia");
});

it("chipVendorCompany(data, chip) returns null for an unknown chip or vendor", () => {
  assert.strictEqual(chipVendorCompany({companies, chips}, "nope"), null);
  assert.strictEqual(chipVendorCompany({companies, chips}, "mystery"), null);
});

it("facilityLeaseYears(companies, id) reads a lessee's lease years, through its parent, and null for an owner or an unknown id", () => {
  const lease = {value: 15, unit: "years" as const, status: "confirmed" as const, source: "s", asOf: "2025-06-18"};
  const list = [
    {id: "oracle", name: "Oracle", facilityLeaseYears: lease},
    {id: "oci", name: "OCI", parent: "oracle"},
    {id: "aws", name: "AWS"}
  ];
  assert.strictEqual(facilityLeaseYears(list, "oracle"), 15);
  assert.strictEqual(facilityLeaseYears(list, "oci"), 15);
  assert.strictEqual(facilityLeaseYears(list, "aws"), null);
  assert.strictEqual(facilityLeaseYears(list, "nope"), null);
});
