import {execFileSync} from "node:child_process";
import {assert, it} from "vitest";

it("deals project amazon-anthropic --json prints figures that independent arithmetic reproduces", () => {
  const out = JSON.parse(
    execFileSync("node", ["bin/deals.js", "project", "amazon-anthropic", "--json", "--draws", "1000"], {encoding: "utf-8"})
  );
  for (const key of ["deal", "scenario", "asOf", "assumptions", "capacity", "commitment", "recycling", "options", "uncertainty"])
    assert.property(out, key);
  const a = out.assumptions;
  assert.closeTo(out.capacity.itMw.value, (out.capacity.gw.value * 1000) / a.pue, 1e-6);
  // Chip-count headlines are the Monte Carlo medians, with the values at the scenario's values kept in `base`;
  // energy (one assumption) stays the arithmetic at the base load factor.
  assert.strictEqual(out.capacity.central, "median");
  assert.closeTo(out.capacity.energyTwhPerYear.value, (out.capacity.gw.value * 8760 * a["load-factor"]) / 1000, 1e-9);
  assert.strictEqual(out.capacity.accelerators.value, Math.round(out.uncertainty["capacity.accelerators"].p50));
  assert.isAbove(out.capacity.base.accelerators, out.capacity.accelerators.value); // no slip: more Trainium3, fewer Trainium4 chips
  assert.closeTo(out.commitment.gwYears.value, out.commitment.totalUsd.value / (a["revenue-per-gw-year"] * 1e9), 1e-9);
  assert.closeTo(
    out.recycling.investmentToCommitmentFirm.value,
    out.recycling.investmentFirmUsd.value / out.recycling.commitmentUsd.value,
    1e-12
  );
  const perYear = out.commitment.perYear.reduce((s: number, y: {usd: number}) => s + y.usd, 0);
  assert.closeTo(perYear, out.commitment.totalUsd.value, 1);
  assert.isArray(out.capacity.byYear);
  assert.isArray(out.recycling.netCashByYear);
  // The dearer price of capacity built after the valuation year, as the text output's "capex price" line reads it:
  // dearer than the assumption's, and so a larger capex and a lower NPV than the base reading's.
  const later = out.recycling.laterCapex;
  assert.isAbove(later.capexPerGwUsd, a["capex-per-gw"] * 1e9);
  assert.isAbove(later.capexUsd, out.recycling.capexUsd.value);
  assert.isBelow(later.npvUsd, out.recycling.npvUsd.value);
  assert.property(out.recycling, "paybackYear");
  assert.isNumber(out.options.value.value);
  assert.isNumber(out.options.valueMonteCarlo.value);
  const band = out.uncertainty["commitment.gwYears"];
  assert.isTrue(band.p10 <= band.p50 && band.p50 <= band.p90);
  assert.isArray(out.capacity.gw.lineage.inputs);
  // The ceiling is reported: the source read is Axios's report of Anthropic's announcement.
  assert.strictEqual(out.capacity.gw.lineage.status, "reported");
});

it("deals project with an unknown deal exits 1 and names the known ones", () => {
  try {
    execFileSync("node", ["bin/deals.js", "project", "nope"], {encoding: "utf-8", stdio: "pipe"});
    assert.fail("expected exit 1");
  } catch (error) {
    const e = error as {status: number; stderr: string};
    assert.strictEqual(e.status, 1);
    assert.include(e.stderr, 'unknown deal "nope"');
    assert.include(e.stderr, "amazon-anthropic");
  }
});
