// @vitest-environment jsdom
// The card that counts a deal's systems is titled by the kind of system its chips come in (s14 critic #18: Google →
// Anthropic's 9,216-chip TPU superpods counted under "UltraServers and racks").
import {assert, it} from "vitest";
import {systemsLabel} from "../../docs/components/charts/capacityCards.js";
import {readValidDataset} from "../../src/io/readDataset.js";

const dataset = await readValidDataset("data");
const chip = (id: string) => dataset.chips.find((c) => c.id === id)!;

it("systemsLabel(chips) names the chips' kind of system, from their serverName", () => {
  const tpus = dataset.chips.filter((c) => /superpod/i.test(c.serverName));
  assert.isAtLeast(tpus.length, 2);
  assert.strictEqual(systemsLabel(tpus), "Superpods");
  const trn2 = dataset.chips.find((c) => /UltraServer/.test(c.serverName))!;
  const nvl = dataset.chips.find((c) => /NVL72/.test(c.serverName))!;
  assert.strictEqual(systemsLabel([trn2, nvl]), "UltraServers and racks");
  assert.strictEqual(systemsLabel([trn2]), `${trn2.serverName}s`);
  assert.strictEqual(systemsLabel([chip("h100"), nvl]), "Servers and racks");
  assert.strictEqual(systemsLabel([chip("tpu-v5p"), chip("ironwood")]), "Pods and superpods");
});
