// @vitest-environment jsdom
// Each briefing page loads the sections of its own kind only (issue #19's 250 kB budget): every section id a deal or
// the market briefing lists must be in that page's registry, or the briefing would silently skip it.
import {assert, it} from "vitest";
import {dealBriefingRegistry} from "../../docs/components/sections/dealBriefingRegistry.js";
import {marketBriefingRegistry} from "../../docs/components/sections/marketBriefingRegistry.js";
import {sectionRegistry} from "../../docs/components/sections/registry.js";
import {DEAL_SECTIONS, MARKET_SECTIONS} from "../../src/site/briefings.js";

it("the deal and market briefing registries hold every section their briefings list, as the full registry has them", async () => {
  const [deal, market, all] = await Promise.all([dealBriefingRegistry(), marketBriefingRegistry(), sectionRegistry()]);
  for (const [kind, registry, ids] of [
    ["deal", deal, DEAL_SECTIONS],
    ["market", market, MARKET_SECTIONS]
  ] as const) {
    const missing = ids.filter((id) => !registry.has(id));
    assert.deepStrictEqual(missing, [], `${kind} briefing sections missing from its registry`);
    for (const id of ids) assert.strictEqual(registry.get(id), all.get(id), `${kind}: ${id} is the full registry's section`);
  }
  // The point of the split: the deal briefing's page does not reach the market's sections, nor the market's the deals' topics.
  assert.isFalse(deal.has("market-npv"));
  assert.isFalse(market.has("recycling"));
});
