import {assert, it} from "vitest";
import {recyclingFinding} from "../../docs/components/sections/recycling.js";
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
