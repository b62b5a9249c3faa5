// Issue #18: a rebuild after one deal changes must not grow with the number of deals. A briefing's PDF is kept when
// its page and data file are unchanged (pdf/reuse.ts), so the class of error is a briefing's data file that depends
// on every other deal (a rank "k of N" did: at 100 deals one change moved 94 of 101 files). Here, at the bench's 100
// deals (the 10 real ones and 90 copies of the founding deal, tied on every ratio with it: the worst case for ranks),
// the founding deal's commitment changes and only the briefings that concern it may change.
import {mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {assert, it} from "vitest";
import {changeOneValue} from "../../src/cli/bench/changeOneValue.js";
import {syntheticDataset} from "../../src/cli/bench/scaleDeals.js";
import {checkFiles} from "../../src/io/dataset.js";
import {runLoaders} from "../io/loaders.js";

it("after one deal value changes at 100 deals, only the briefing and deal page files of that deal, its lab's other deals (and the market) change", async () => {
  const files = await syntheticDataset(100, {ownLabs: true, withRealDeals: true});
  const before = await runLoaders(checkFiles(files).dataset!, {draws: 5, market: false});
  // The bench's own edit (deals bench --only growth), applied to the file in memory.
  const founding = files.find((f) => f.relative === "deals/amazon-anthropic.yaml")!;
  const edited = await editInMemory(String(founding.bytes));
  const after = await runLoaders(checkFiles(files.map((f) => (f === founding ? {...f, bytes: edited} : f))).dataset!, {
    draws: 5,
    market: false
  });
  const briefings = [...before.keys()].filter((k) => k.startsWith("data/briefings/"));
  assert.strictEqual(briefings.length, 101);
  const changed = briefings.filter((k) => before.get(k) !== after.get(k)).sort();
  // The founding deal's, Anthropic's two other deals' (they state the lab's exposure across its deals) and the market's.
  assert.deepStrictEqual(changed, [
    "data/briefings/deal-amazon-anthropic.json",
    "data/briefings/deal-google-anthropic.json",
    "data/briefings/deal-microsoft-nvidia-anthropic.json",
    "data/briefings/market.json"
  ]);
  // The deal pages' files (data/deals/<id>.json) likewise: each carries a version of its own, not the dataset's, so
  // the 97 other deal pages keep their bytes (and their prerendered first screen, and readers' cached copies).
  const pages = [...before.keys()].filter((k) => k.startsWith("data/deals/"));
  assert.strictEqual(pages.length, 100);
  assert.deepStrictEqual(pages.filter((k) => before.get(k) !== after.get(k)).sort(), [
    "data/deals/amazon-anthropic.json",
    "data/deals/google-anthropic.json",
    "data/deals/microsoft-nvidia-anthropic.json"
  ]);
}, 120_000);

/** Returns `yaml` with changeOneValue's edit (the first commitment value plus 1), through a temporary folder. */
async function editInMemory(yaml: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "deals-slice-"));
  try {
    await mkdir(join(dir, "deals"));
    await writeFile(join(dir, "deals", "amazon-anthropic.yaml"), yaml);
    await changeOneValue(dir);
    return await readFile(join(dir, "deals", "amazon-anthropic.yaml"), "utf-8");
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
}
