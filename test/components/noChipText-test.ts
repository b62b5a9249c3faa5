import {assert, it} from "vitest";
import {noChipText} from "../../docs/components/charts/roadmapChain.js";
import {readValidDataset} from "../../src/io/readDataset.js";

const dataset = await readValidDataset("data");

it("noChipText(deal): a deal whose chips have no specifications in the data gets its hardware in its own words, never 'names no chip'", () => {
  const chipless = dataset.deals.filter((d) => !d.hardware.chips.length);
  // AMD's names the MI450, Microsoft → OpenAI's names none: one sentence true for both.
  assert.includeMembers(
    chipless.map((d) => d.id),
    ["amd-openai", "microsoft-openai"]
  );
  for (const deal of chipless) {
    const text = noChipText(deal);
    assert.strictEqual(text, `None of the deal's chips has sourced specifications (${deal.profile.hardwareAngle})`);
    assert.notMatch(text, /names no chip/);
  }
  assert.include(noChipText(dataset.deals.find((d) => d.id === "amd-openai")!), "MI450");
});
