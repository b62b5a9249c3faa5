import {assert, it} from "vitest";
import {marketScenarioFinding, scenarioTitle} from "../../docs/components/sections/marketNpv.js";
import {marketScenarios} from "../../src/core/research/marketScenarios.js";
import {scenarioColumn} from "../core/research/scenarioColumn.js";

const column = (scenario: string, label: string, npvUsd: number | null) => scenarioColumn(scenario, npvUsd, {label, description: ""});
const deal = (id: string, npvs: [number, number, number]) => ({
  id,
  name: id.toUpperCase(),
  live: true,
  columns: [
    column("base", "Central case", npvs[0]),
    column("ceiling-filled", "If the lab fills the ceiling", npvs[1]),
    column("bear", "Bear economics", npvs[2])
  ]
});

it("marketScenarioFinding(table) names the highest and lowest sums and says how many deals are above zero at most", () => {
  // Sums: base −3, ceiling −1, bear −9 ($B); above zero at most 1 (A if the lab fills the ceiling).
  const some = marketScenarios([deal("a", [-1e9, 2e9, -4e9]), deal("b", [-2e9, -3e9, -5e9])]);
  assert.strictEqual(
    marketScenarioFinding(some),
    "Added up, the providers' cash NPVs run from about −$1B (if each lab uses all its capacity) down to about −$9B (bear economics); no scenario puts more than 1 of the 2 deals above zero."
  );
  const none = marketScenarios([deal("a", [-1e9, -1e9, -4e9]), deal("b", [-1e9, -1e9, -4e9])]);
  assert.match(marketScenarioFinding(none), /; none of the 2 deals is above zero in any of them\.$/);
  const all = marketScenarios([deal("a", [1e9, 2e9, 3e9]), deal("b", [1e9, 2e9, 3e9])]);
  assert.match(
    marketScenarioFinding(all),
    /from about \$6B \(bear economics\) down to about \$2B \(the base case\); in at least one of them all 2 deals are above zero\.$/
  );
  // One deal priced: no "all 1 deal are".
  assert.match(
    marketScenarioFinding(marketScenarios([deal("a", [-1e9, -2e9, -3e9])])),
    /; the one deal priced is below zero in every one of them\.$/
  );
  assert.strictEqual(
    scenarioTitle({scenario: "ceiling-filled", label: "If the lab fills the ceiling"}),
    "If each lab uses all its capacity"
  );
  assert.strictEqual(marketScenarioFinding(marketScenarios([])), "");
});
