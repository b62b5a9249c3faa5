import {assert, it} from "vitest";
import {recyclingCall, recyclingFinding} from "../../docs/components/sections/recycling.js";
import {projectDeal} from "../../src/core/index.js";
import {readValidDataset} from "../../src/io/readDataset.js";

it("recyclingFinding: the undiscounted cash is labelled base values, or the reader's settings once a control has moved (s9 CLOSING)", async () => {
  const data = await readValidDataset("data");
  for (const dealId of ["amazon-anthropic", "oracle-openai"]) {
    const r = projectDeal(data, dealId, {draws: 0}).recycling;
    const context = {data, dealId} as unknown as Parameters<typeof recyclingFinding>[0];
    const base = recyclingFinding(context, r);
    const custom = recyclingFinding(context, r, {custom: true});
    assert.include(base, "(base values, not discounted)", dealId);
    assert.notInclude(custom, "base values", dealId);
    assert.include(custom, "(your settings, not discounted)", dealId);
    assert.strictEqual(custom.replace("your settings", "base values"), base, dealId);
  }
});

it("recyclingCall: the new money keeps its range or its bound word, for every deal (Amazon → Anthropic's $15B is expected, up to $25B)", async () => {
  const data = await readValidDataset("data");
  const calls: Record<string, string> = {};
  for (const deal of data.deals) {
    const r = projectDeal(data, deal.id, {draws: 0}).recycling;
    const context = {data, dealId: deal.id} as unknown as Parameters<typeof recyclingCall>[0];
    calls[deal.id] = recyclingCall(context, r).call;
    // A range of new money is never printed as one bare amount.
    if (r.newMoneyMaxUsd.value > r.newMoneyExpectedUsd.value * 1.000001) assert.include(calls[deal.id], " expected, up to ", deal.id);
  }
  assert.match(calls["amazon-anthropic"], /^Amazon's new money \(\$15B expected, up to \$25B\) is worth /);
});

it("recyclingFinding: the payback beside the base values' cash is the base case's, the median draw's named beside it where it differs (critic s14 #11)", async () => {
  const data = await readValidDataset("data");
  const r = projectDeal(data, "amazon-anthropic", {draws: 400, tornadoFigures: []}).recycling;
  // The shape the critic read: the median draw never pays back, the base values do (2035).
  assert.isNull(r.paybackYear);
  assert.isNotNull(r.baseCase?.paybackYear);
  const context = {data, dealId: "amazon-anthropic"} as unknown as Parameters<typeof recyclingFinding>[0];
  const finding = recyclingFinding(context, r);
  assert.include(
    finding,
    `(base values, not discounted) after about $72.3B of capex, paying back in ${r.baseCase!.paybackYear} (the median of the draws does not pay back within the deal)`
  );
  assert.notMatch(finding, /base values, not discounted\)[^(]*, and does not pay back/);
});
