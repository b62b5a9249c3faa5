// The build's data check keeps each file's checked value and each deal's base projection between builds
// (src/cli/checkCache.ts): what it returns from the cache must be what it computes, and every problem must still be
// found and located, including one across files that points into a file the cache kept.
import {cp, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {assert, it} from "vitest";
import {checkCache} from "../../src/cli/checkCache.js";
import {projectDeal} from "../../src/core/index.js";
import {forgetParsedFiles} from "../../src/io/parseDataFile.js";
import {readDataset} from "../../src/io/readDataset.js";
import {checkProjections, checkReports} from "../../src/site/checkReports.js";

it("a kept file gives the same dataset, a problem across files is located in a kept file as without the cache", async () => {
  const root = await mkdtemp(join(tmpdir(), "deals-check-cache-"));
  try {
    const data = join(root, "data");
    await cp("data", data, {recursive: true});
    const cache = await checkCache(join(root, "cache"), "test");
    forgetParsedFiles();
    const cold = await readDataset(data, cache.store);
    assert.isDefined(cold.dataset);
    const files = cold.files.length;
    assert.deepStrictEqual(cache.stats, {kept: 0, computed: files});
    // A new process (nothing parsed in memory): every file comes from the cache, and the dataset is the same.
    forgetParsedFiles();
    const warm = await readDataset(data, cache.store);
    assert.deepStrictEqual(cache.stats, {kept: files, computed: files});
    assert.deepStrictEqual(warm.dataset, cold.dataset);
    assert.strictEqual(JSON.stringify(warm.dataset), JSON.stringify(cold.dataset));
    // AMD leaves companies.yaml: the AMD → OpenAI deal file, unchanged and kept, now names an unknown company.
    const companies = join(data, "companies.yaml");
    await writeFile(companies, (await readFile(companies, "utf-8")).replace(/^ {2}- \{ id: amd, name: AMD \}\n/m, ""));
    forgetParsedFiles();
    const kept = await readDataset(data, cache.store);
    forgetParsedFiles();
    const parsed = await readDataset(data);
    assert.isAbove(kept.problems.length, 0);
    assert.deepStrictEqual(kept.problems, parsed.problems);
    const located = kept.problems.find((p) => p.file.endsWith("deals/amd-openai.yaml") && /unknown company "amd"/.test(p.message));
    assert.isDefined(located);
    assert.isAbove(located!.line, 0);
    // A file with a problem is never kept: the companies file is parsed (and its problems found) each time.
    await writeFile(companies, "companies: [\n");
    forgetParsedFiles();
    const broken = await readDataset(data, cache.store);
    forgetParsedFiles();
    assert.deepStrictEqual((await readDataset(data, cache.store)).problems, broken.problems);
    assert.isTrue(broken.problems.some((p) => p.file.endsWith("companies.yaml") && p.line > 0));
  } finally {
    forgetParsedFiles();
    await rm(root, {recursive: true, force: true});
  }
});

it("each deal's base projection: the deal projected alone equals it projected in the whole dataset, and a kept one equals it", async () => {
  const root = await mkdtemp(join(tmpdir(), "deals-check-cache-"));
  try {
    const {dataset} = await readDataset("data");
    const cache = await checkCache(join(root, "cache"), "test");
    const cold = checkProjections(dataset!, {draws: 0, memo: cache.memo});
    const deals = dataset!.deals.length;
    assert.deepStrictEqual(cache.stats, {kept: 0, computed: deals});
    for (const deal of dataset!.deals)
      assert.deepStrictEqual(cold[deal.id], projectDeal(dataset!, deal.id, {tornadoFigures: [], draws: 0}), deal.id);
    const warm = checkProjections(dataset!, {draws: 0, memo: cache.memo});
    assert.deepStrictEqual(cache.stats, {kept: deals, computed: deals});
    assert.deepStrictEqual(warm, cold);
    // Another code hash (a changed model) keeps nothing, and pruning deletes only what the run did not use.
    const other = await checkCache(join(root, "cache"), "other code");
    checkProjections(dataset!, {draws: 0, memo: other.memo});
    assert.deepStrictEqual(other.stats, {kept: 0, computed: deals});
    await other.prune();
    const after = await checkCache(join(root, "cache"), "other code");
    checkProjections(dataset!, {draws: 0, memo: after.memo});
    assert.deepStrictEqual(after.stats, {kept: deals, computed: 0});
  } finally {
    await rm(root, {recursive: true, force: true});
  }
});

it("each briefing's check kept with the figures it read: the same problems and warnings as without the cache, found again from it, and a changed summary or figure checked again", async () => {
  const root = await mkdtemp(join(tmpdir(), "deals-check-reads-"));
  try {
    const {dataset} = await readDataset("data");
    const stale = "Call.\n\n- a\n- b\n- c\n{{#holds market.npv-deals > 100}}\n";
    const read = (market: string) => async (file: string) => (file.endsWith("market.md") ? market : readFile(file, "utf-8"));
    const run = async (data: typeof dataset, market: string, reads?: Awaited<ReturnType<typeof checkCache>>["reads"]) => {
      const warnings: unknown[] = [];
      const problems = await checkReports(data!, {read: read(market), warn: (p) => warnings.push(p), reads});
      return {problems, warnings};
    };
    const without = await run(dataset, stale);
    assert.strictEqual(without.problems.find((p) => p.file === "reports/summaries/market.md")?.field, "stale");
    const cold = await checkCache(join(root, "cache"), "test");
    assert.deepStrictEqual(await run(dataset, stale, cold.reads), without);
    const briefings = dataset!.deals.length + 1;
    assert.strictEqual(cold.stats.computed, briefings);
    // The next build: every briefing's result from the cache, the same problems.
    const warm = await checkCache(join(root, "cache"), "test");
    assert.deepStrictEqual(await run(dataset, stale, warm.reads), without);
    assert.deepStrictEqual(warm.stats, {kept: briefings, computed: 0});
    // The market summary fixed: its check runs again (its text is the key), the deals' do not.
    const fixed = await checkCache(join(root, "cache"), "test");
    const ok = await run(dataset, "Call.\n\n- a\n- b\n- c\n", fixed.reads);
    assert.isUndefined(ok.problems.find((p) => p.file === "reports/summaries/market.md"));
    assert.strictEqual(fixed.stats.computed, 1);
    // A figure the market's condition reads moves (the data loses its deals but one): checked again, and found stale.
    const one = {...dataset!, deals: dataset!.deals.slice(0, 1)};
    const moved = await checkCache(join(root, "cache"), "test");
    assert.deepStrictEqual(await run(one, stale, moved.reads), await run(one, stale));
  } finally {
    await rm(root, {recursive: true, force: true});
  }
}, 60_000);
