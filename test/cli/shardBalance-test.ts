// Issue #18: CI renders the briefings in shards balanced by pages. Properties of the assignment over many seeded
// plans (not one copied output), and the job outputs the workflow's matrix reads (.github/workflows/build.yml: shard
// i renders `names[i]`).
import {mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {assert, it} from "vitest";
import {assignShards, estimatePages, MAX_SHARDS, PAGES_PER_SHARD, shardCount, shardWallSeconds} from "../../src/cli/pdf/shards.js";
import {shardsCommand} from "../../src/cli/shards.js";
import {rngFor} from "../../src/core/random/rngFor.js";

it("assignShards places every briefing once, and its longest shard is within list scheduling's bound (mean + largest)", () => {
  const rng = rngFor("shard-balance-test", "plans");
  for (let plan = 0; plan < 60; ++plan) {
    const deals = 1 + Math.floor(rng() * 1200);
    const briefings = [
      {name: "market", pages: 20 + Math.floor(rng() * 20)},
      ...Array.from({length: deals}, (_, i) => ({name: `deal-${i}`, pages: 8 + Math.floor(rng() * 16)}))
    ];
    const total = briefings.reduce((sum, b) => sum + b.pages, 0);
    const count = shardCount(total);
    const shards = assignShards(briefings, count);
    assert.strictEqual(shards.length, count);
    // Every briefing in exactly one shard, and each shard's pages are the sum of its briefings'.
    const placed = shards.flatMap((s) => s.names);
    assert.strictEqual(placed.length, briefings.length);
    assert.strictEqual(new Set(placed).size, briefings.length);
    const pages = new Map(briefings.map((b) => [b.name, b.pages]));
    for (const s of shards)
      assert.strictEqual(
        s.pages,
        s.names.reduce((sum, n) => sum + pages.get(n)!, 0)
      );
    // Greedy on the least-loaded shard: the longest is at most the mean plus the largest briefing (Graham's bound);
    // by pages, so a shard of market-sized briefings is not twice another.
    const longest = Math.max(...shards.map((s) => s.pages));
    const largest = Math.max(...briefings.map((b) => b.pages));
    assert.isAtMost(longest, total / count + largest, `plan ${plan}: ${deals} deals on ${count} shards`);
    assert.isAtLeast(longest, Math.max(largest, Math.ceil(total / count)));
    // The shard count follows the pages: one per PAGES_PER_SHARD, capped.
    assert.strictEqual(count, Math.min(MAX_SHARDS, Math.ceil(total / PAGES_PER_SHARD)));
    assert.strictEqual(shardWallSeconds(shards, 0.15, 90), longest * 0.15 + 90);
  }
});

it("at a thousand deal briefings, 1, 2, 4, 8 and 16 shards each shorten the longest shard (the bench's projection)", () => {
  const rng = rngFor("shard-balance-test", "monotone");
  const briefings = [
    {name: "market", pages: 31},
    ...Array.from({length: 1000}, (_, i) => ({name: `deal-${i}`, pages: 10 + Math.floor(rng() * 12)}))
  ];
  let before = Infinity;
  for (const count of [1, 2, 4, 8, 16]) {
    const longest = Math.max(...assignShards(briefings, count).map((s) => s.pages));
    assert.isBelow(longest, before);
    before = longest;
  }
});

it("deals shards --github-output: count, a 1-based matrix, and names[i] the briefings of shard i", async () => {
  const site = await mkdtemp(join(tmpdir(), "deals-shard-outputs-"));
  try {
    // A built site with a market and 30 deal briefings (each page loads its own data file), no publication.
    const briefings = [
      {name: "market", title: "M", paper: "a4"},
      ...Array.from({length: 30}, (_, i) => ({name: `deal-${i}`, title: `D${i}`, paper: "a4", deal: `d${i}`}))
    ];
    await mkdir(join(site, "briefings"), {recursive: true});
    await mkdir(join(site, "_file", "data", "briefings"), {recursive: true});
    await writeFile(join(site, "index.html"), "<html></html>");
    await writeFile(join(site, "_file", "data", "briefings.00000000.json"), JSON.stringify({briefings}));
    for (const {name} of briefings) {
      await writeFile(join(site, "_file", "data", "briefings", `${name}.json`), name);
      await writeFile(
        join(site, "briefings", `${name}.html`),
        `<script>registerFile("x", {"path":"../_file/data/briefings/${name}.json"})</script>`
      );
    }
    const output = join(site, "github-output");
    const {warn, log} = console;
    console.warn = () => {};
    console.log = () => {};
    try {
      // 30 pages a shard: the defaults' 26 + 30 × 15 = 476 pages → 16 shards (capped at 16 of ⌈476 ÷ 30⌉ = 16).
      assert.strictEqual(await shardsCommand({site, githubOutput: output, pagesPerShard: 30}), 0);
    } finally {
      console.warn = warn;
      console.log = log;
    }
    const lines = Object.fromEntries(
      (await readFile(output, "utf-8"))
        .trim()
        .split("\n")
        .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)])
    );
    const estimates = estimatePages(
      briefings.map((b) => b.name),
      {}
    );
    const total = Object.values(estimates).reduce((a, b) => a + b, 0);
    const count = shardCount(total, {pagesPerShard: 30});
    assert.strictEqual(Number(lines.count), count);
    assert.deepStrictEqual(
      JSON.parse(lines.matrix),
      Array.from({length: count}, (_, i) => i + 1)
    );
    const names = JSON.parse(lines.names) as string[];
    // names[0] is unused (the matrix is 1-based); shard i's names are the plan's, and every briefing is rendered once.
    assert.strictEqual(names[0], "");
    const expected = assignShards(
      briefings.map((b) => ({name: b.name, pages: estimates[b.name]})),
      count
    );
    for (const shard of expected) assert.strictEqual(names[shard.index], shard.names.join(" "));
    const all = names.slice(1).flatMap((n) => n.split(" ").filter(Boolean));
    assert.deepStrictEqual([...all].sort(), briefings.map((b) => b.name).sort());
  } finally {
    await rm(site, {recursive: true, force: true});
  }
});
