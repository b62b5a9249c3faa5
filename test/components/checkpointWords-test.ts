// @vitest-environment jsdom
// Oracle's checkpoint list (critic s16 #11e): "1 of the deal's 3 checkpoints is on track; not on track, or not yet
// read:" did not parse, and "1.5× the median of the chips outside the deal priced on the same basis" took a median of
// one chip (B200 (HGX)). Printed for every deal.
import {assert, it} from "vitest";
import {checkpointEvidence, marketWords} from "../../docs/components/charts/roadmapChain.js";
import {openCheckpointsLead} from "../../docs/components/sections/research.js";
import {capitalChain} from "../../src/core/index.js";
import {readValidDataset} from "../../src/io/readDataset.js";
import {publicDataset} from "../../src/site/publicDataset.js";

const dataset = await readValidDataset("data");

it("openCheckpointsLead: the checkpoints not on track are 'the other N', worded by their statuses", () => {
  assert.strictEqual(
    openCheckpointsLead(3, [{status: "watch"}, {status: "unknown"}]),
    "1 of the deal's 3 checkpoints is on track; the other 2 are not on track or not yet read:"
  );
  assert.strictEqual(
    openCheckpointsLead(3, [{status: "off-track"}]),
    "2 of the deal's 3 checkpoints are on track; the other one is not on track:"
  );
  assert.strictEqual(
    openCheckpointsLead(3, [{status: "unknown"}, {status: "unknown"}]),
    "1 of the deal's 3 checkpoints is on track; the other 2 are not yet read (no evidence):"
  );
  for (const deal of dataset.deals) {
    const chain = capitalChain(dataset, deal.id);
    const open = chain.checkpoints.filter((c) => c.status !== "on-track");
    if (open.length && open.length < chain.checkpoints.length)
      console.log(`${deal.id}: ${openCheckpointsLead(chain.checkpoints.length, open)}`);
  }
});

it("the price-performance sentence names a lone peer chip instead of a median of one, for every deal", () => {
  const name = (id: string) => id.toUpperCase();
  assert.strictEqual(marketWords(["b200"], name), "that of B200, the one chip outside the deal");
  assert.strictEqual(marketWords(["a", "b", "c"], name), "the median of the 3 chips outside the deal");
  const data = publicDataset(dataset, "test");
  let compared = 0;
  for (const deal of dataset.deals) {
    const chain = capitalChain(dataset, deal.id);
    const c = chain.checkpoints.find((x) => x.id === "performance-per-dollar");
    if (c?.id !== "performance-per-dollar" || c.ratio === null) continue;
    const text = checkpointEvidence(c, deal, data as never, {} as never)
      .map((e) => e.textContent)
      .join(" ");
    console.log(`${deal.id} (${c.peers.length} peer${c.peers.length === 1 ? "" : "s"}): ${text}`);
    if (c.peers.length === 1) assert.notInclude(text, "the median of", deal.id);
    else assert.include(text, `the median of the ${c.peers.length} chips`, deal.id);
    compared++;
  }
  assert.isAbove(compared, 0);
});
