// @vitest-environment jsdom
// The recycling section's scope says "contingent tranches at their probability" only where a contingent tranche exists,
// and keeps an "up to" ceiling as a ceiling (critic s15 #8: Microsoft + Nvidia → Anthropic printed "$5B expected
// (contingent tranches at their probability)" with no contingent tranche, its "up to $5B" turned into a point).
import {assert, it} from "vitest";
import {bandTail, newMoneyScope, ratioDivisor} from "../../docs/components/sections/recycling.js";

it("newMoneyScope: the expected money with its ceiling where a contingent tranche lifts it, else the money's own bound", () => {
  // Amazon → Anthropic: $5B firm + 50% × $20B contingent = $15B expected, up to $25B.
  assert.strictEqual(
    newMoneyScope(15e9, {value: 25e9, bound: "exact"}),
    "$15B expected (contingent tranches at their probability; up to $25B if every one is paid)"
  );
  assert.strictEqual(newMoneyScope(5e9, {value: 5e9, bound: "up-to"}), "up to $5B, counted at that ceiling");
  assert.notInclude(newMoneyScope(5e9, {value: 5e9, bound: "up-to"}), "contingent");
  assert.strictEqual(newMoneyScope(5e9, {value: 5e9, bound: "exact"}), "$5B");
});

it("ratioDivisor: money stated only as a ceiling is committed, as page 1 labels it, not 'invested to date' (critic s15 #8)", () => {
  const microsoft = [{name: "Microsoft"}];
  assert.strictEqual(
    ratioDivisor({ratioInvestors: microsoft, ratioInvestmentFirmUsd: {value: 5e9, bound: "up-to"}}, "Anthropic"),
    "the up to $5B Microsoft has committed to Anthropic"
  );
  assert.strictEqual(
    ratioDivisor({ratioInvestors: [{name: "Amazon"}], ratioInvestmentFirmUsd: {value: 13e9, bound: "exact"}}, "Anthropic"),
    "the firm money Amazon has invested in Anthropic to date"
  );
});

it("bandTail: the net-cash band's years past the line are said, where the draws' spend runs on (critic s15 #1)", () => {
  const flows = [{year: 2032}, {year: 2033}] as never;
  const view = (p90: number) =>
    ({recycling: {flows}, uncertainty: {figures: {"recycling.spendEndYear": {p10: 2033, p50: 2034, p90}}}}) as never;
  // P90 2035: at least a tenth of the draws spend in 2035; 2034.6 is floored to 2034, which a tenth surely reach.
  assert.strictEqual(
    bandTail(view(2035)),
    "; the band runs on past 2033, as capacity that comes online later in a draw carries its spend to 2035 in a tenth of the draws or more (a draw's cumulative cash holds once its flows end)"
  );
  assert.include(bandTail(view(2034.6)), "to 2034 in a tenth");
  assert.strictEqual(bandTail(view(2033)), "");
  assert.strictEqual(bandTail({recycling: {flows}, uncertainty: null} as never), "");
});
