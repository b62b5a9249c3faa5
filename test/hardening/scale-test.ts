// Growth, small: checking 250 synthetic deals (src/cli/bench/scaleDeals.ts) costs no more CPU time per deal than
// 50, and a build's data work grows linearly with the number of deals. The 1,000-deal runs are the benchmark's
// (`deals bench --only scale,growth`), not the tests'. In a project of its own, `scale` (it measures this process's
// CPU time), which `npm test` runs and `npm run test:unit` does not.
import {assert, it} from "vitest";
import {syntheticDataset} from "../../src/cli/bench/scaleDeals.js";
import type {Dataset} from "../../src/core/model.js";
import {checkFiles} from "../../src/io/dataset.js";
import {runLoaders} from "../io/loaders.js";

it("checkFiles(250 synthetic deals) accepts them all, in CPU time per deal within 2× of 50 deals", async () => {
  const [fifty, many] = [await syntheticDataset(50), await syntheticDataset(250)];
  checkFiles(await syntheticDataset(10)); // warm-up: schemas compiled
  let result: ReturnType<typeof checkFiles> | undefined;
  const small = (await cpuSeconds(() => checkFiles(fifty))) / 50;
  const large = (await cpuSeconds(() => (result = checkFiles(many)))) / 250;
  assert.deepStrictEqual(result!.problems.slice(0, 3), []);
  assert.strictEqual(result!.dataset?.deals.length, 250);
  assert.strictEqual(new Set(result!.dataset?.deals.map((d) => d.id)).size, 250);
  assert.isBelow(large / small, 2, `${(small * 1000).toFixed(1)} ms a deal at 50 deals, ${(large * 1000).toFixed(1)} ms at 250`);
}, 300_000); // CPU time is measured; on a busy machine the wall-clock time runs long

/**
 * Returns the CPU seconds (user and system, of this process: other processes' load does not count) `work` takes;
 * nothing else runs in this test's process meanwhile.
 */
async function cpuSeconds(work: () => unknown): Promise<number> {
  const before = process.cpuUsage();
  await work();
  const {user, system} = process.cpuUsage(before);
  return (user + system) / 1e6;
}

it("a build's data work (deals check, then every data loader's) grows linearly with the number of deals", async () => {
  // The loaders' work per deal is the same at any count, so generated deals show growth (the bench measures the
  // check at 10, 100 and 1,000: deals bench --only scale). Quadratic work would cost 4× per deal at 4× the deals.
  const perDeal = async (count: number) => {
    const files = await syntheticDataset(count);
    let dataset: Dataset | undefined;
    const seconds = await cpuSeconds(async () => {
      dataset = checkFiles(files).dataset;
      await runLoaders(dataset!, {draws: 5, market: false});
    });
    assert.strictEqual(dataset?.deals.length, count);
    return seconds / count;
  };
  await perDeal(10); // warm-up: schemas compiled, modules loaded
  // 25 and 100 deals: 4× the deals, as before at 50 and 200, at half the CPU time of a test run over its budget.
  const [small, large] = [await perDeal(25), await perDeal(100)];
  assert.isBelow(large / small, 2, `${(small * 1000).toFixed(1)} ms a deal at 25 deals, ${(large * 1000).toFixed(1)} ms at 100`);
}, 300_000); // CPU time is measured; on a busy machine the wall-clock time runs long
