// CI's shards come from pages, not counts: how many runners, which briefings each renders, and the wall time.
import {existsSync} from "node:fs";
import {mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {PDFDocument} from "pdf-lib";
import {assert, it} from "vitest";
import {recordPdfs} from "../../src/cli/pdf/reuse.js";
import {assignShards, estimatePages, shardCount, shardWallSeconds} from "../../src/cli/pdf/shards.js";
import {eachAtMost, PAGES_LIMIT_BYTES, planShards, shardsCommand, siteBytes, takePublished} from "../../src/cli/shards.js";

it("shardCount(pages) gives one shard per 600 pages, at least 1 and at most 16, and 0 for nothing to render", () => {
  assert.strictEqual(shardCount(0), 0);
  assert.strictEqual(shardCount(156), 1);
  assert.strictEqual(shardCount(601), 2); // ⌈601 ÷ 600⌉
  assert.strictEqual(shardCount(2400), 4);
  assert.strictEqual(shardCount(15_000), 16); // 25 by pages, capped
  assert.strictEqual(shardCount(1000, {pagesPerShard: 100, maxShards: 4}), 4);
  assert.throws(() => shardCount(-1), /invalid page count/);
});

it("assignShards(briefings, n) balances pages, not counts, and places every briefing once", () => {
  // 26 + 15 + 14 + 14 + 13 = 82 pages on 2 shards: market 26 → 1; 15 → 2; 14 → 2 (15 < 26); 14 → 1 (26 < 29);
  // 13 → 2 (29 < 40): shards of 40 and 42 pages.
  const shards = assignShards(
    [
      {name: "deal-c", pages: 14},
      {name: "market", pages: 26},
      {name: "deal-a", pages: 15},
      {name: "deal-e", pages: 13},
      {name: "deal-b", pages: 14}
    ],
    2
  );
  assert.deepStrictEqual(shards, [
    {index: 1, names: ["market", "deal-c"], pages: 40},
    {index: 2, names: ["deal-a", "deal-b", "deal-e"], pages: 42}
  ]);
  assert.deepStrictEqual(assignShards([{name: "market", pages: 20}], 3)[2], {index: 3, names: [], pages: 0});
});

it("estimatePages(names, recorded) takes the recorded count, else the median of the same kind, else a default", () => {
  assert.deepStrictEqual(estimatePages(["market", "deal-a", "deal-new"], {market: 24, "deal-a": 16, "deal-b": 12, "deal-c": 14}), {
    market: 24,
    "deal-a": 16,
    "deal-new": 14 // median of 12, 14, 16
  });
  assert.deepStrictEqual(estimatePages(["market", "deal-x"], {}), {market: 26, "deal-x": 15});
});

it("shardWallSeconds(shards, s/page, set-up) is the longest shard's pages × s/page plus the set-up", () => {
  const shards = assignShards(
    Array.from({length: 10}, (_, i) => ({name: `deal-${i}`, pages: 15})),
    4
  ); // 3, 3, 2, 2 briefings: 45 pages the longest
  assert.strictEqual(shardWallSeconds(shards, 0.2, 60), 45 * 0.2 + 60);
  assert.strictEqual(shardWallSeconds([], 0.2, 60), 0);
});

/** Writes a tiny built site: two briefing pages, each loading its own data file, and the briefings index. */
async function tinySite(dir: string, dealText: string): Promise<void> {
  await mkdir(join(dir, "briefings"), {recursive: true});
  await mkdir(join(dir, "_file", "data", "briefings"), {recursive: true});
  await writeFile(join(dir, "index.html"), "<html></html>");
  const briefings = [
    {name: "market", title: "M", paper: "a4"},
    {name: "deal-a", title: "A", paper: "a4", deal: "a"}
  ];
  await writeFile(join(dir, "_file", "data", "briefings.00000000.json"), JSON.stringify({briefings}));
  for (const [name, text] of [
    ["market", "market data"],
    ["deal-a", dealText]
  ]) {
    await writeFile(join(dir, "_file", "data", "briefings", `${name}.json`), text);
    await writeFile(
      join(dir, "briefings", `${name}.html`),
      `<script>registerFile("x", {"path":"../_file/data/briefings/${name}.json"})</script>`
    );
  }
  await writeFile(
    join(dir, "manifest.json"),
    JSON.stringify({format: 1, dataVersion: "v", asOf: "2026-01-01", figures: [], baseline: null, inputs: {}})
  );
}

it("planShards takes each unchanged PDF from the publication (checked by SHA-256) and shards only the changed ones", async () => {
  const root = await mkdtemp(join(tmpdir(), "deals-shards-test-"));
  try {
    const published = join(root, "published");
    await tinySite(published, "deal a, before");
    for (const name of ["market", "deal-a"]) await writeFile(join(published, "briefings", `${name}.pdf`), `%PDF- ${name}`);
    const first = await planShards({site: published, log: () => {}});
    assert.deepStrictEqual(first.reused, []);
    assert.strictEqual(first.pages, 26 + 15); // nothing recorded: the defaults
    // Record the published PDFs with their pages, as the publish job does (`deals shards --record`).
    const {pdfInputKey, rendererHash} = await import("../../src/cli/pdf/reuse.js");
    const settings = {
      renderer: await rendererHash(),
      paper: "a4",
      epoch: process.env.SOURCE_DATE_EPOCH ?? "",
      siteUrl: process.env.DEALS_SITE_URL ?? ""
    };
    const keys = {market: await pdfInputKey(published, "market", settings), "deal-a": await pdfInputKey(published, "deal-a", settings)};
    await recordPdfs(published, keys, {market: 30, "deal-a": 12});
    // The next build: deal a's data changed, the market's did not.
    const site = join(root, "site");
    await tinySite(site, "deal a, after");
    const plan = await planShards({site, published, log: () => {}});
    assert.deepStrictEqual(plan.reused, ["market"]);
    assert.deepStrictEqual(plan.shards, [{index: 1, names: ["deal-a"], pages: 12}]);
    // The plan downloads nothing (the site's artifact goes to every shard): the publish job takes the PDFs.
    assert.isFalse(existsSync(join(site, "briefings", "market.pdf")));
    // Publish: the shard rendered deal a; the market's PDF comes from the publication, checked by its SHA-256.
    await writeFile(join(site, "briefings", "deal-a.pdf"), "%PDF- deal a, after");
    assert.deepStrictEqual(await takePublished({site, published, log: () => {}}), {taken: ["market"], missing: []});
    assert.strictEqual(await readFile(join(site, "briefings", "market.pdf"), "utf-8"), "%PDF- market");
    assert.strictEqual(await readFile(join(site, "briefings", "deal-a.pdf"), "utf-8"), "%PDF- deal a, after");
    // A published PDF whose bytes do not match the manifest is not trusted: named as still to render.
    await rm(join(site, "briefings", "market.pdf"));
    await writeFile(join(published, "briefings", "market.pdf"), "%PDF- tampered");
    assert.deepStrictEqual(await takePublished({site, published, log: () => {}}), {taken: [], missing: ["market"]});
    assert.isFalse(existsSync(join(site, "briefings", "market.pdf")));
  } finally {
    await rm(root, {recursive: true, force: true});
  }
});

it("eachAtMost(items, n, work) runs every item once with at most n in flight, and rejects after all settle", async () => {
  let running = 0;
  let most = 0;
  const done: number[] = [];
  await eachAtMost([1, 2, 3, 4, 5, 6, 7], 3, async (x) => {
    running++;
    most = Math.max(most, running);
    await new Promise((resolve) => setTimeout(resolve, 5 * (x % 3)));
    done.push(x);
    running--;
  });
  assert.strictEqual(most, 3);
  assert.deepStrictEqual(done.sort(), [1, 2, 3, 4, 5, 6, 7]);
  const seen: number[] = [];
  let error: unknown = null;
  await eachAtMost([1, 2, 3], 2, async (x) => {
    seen.push(x);
    if (x === 1) throw new Error("one failed");
  }).catch((e) => {
    error = e;
  });
  assert.match(String(error), /one failed/);
  assert.deepStrictEqual(seen.sort(), [1, 2, 3]);
});

it("deals shards --record fails, with the sums, when the site is over GitHub Pages' limit", async () => {
  const site = await mkdtemp(join(tmpdir(), "deals-shards-size-"));
  const errors: string[] = [];
  const error = console.error;
  const warn = console.warn;
  try {
    await tinySite(site, "deal a");
    // One-page PDFs (recording counts their pages).
    const doc = await PDFDocument.create();
    doc.addPage();
    const pdf = await doc.save();
    for (const name of ["market", "deal-a"]) await writeFile(join(site, "briefings", `${name}.pdf`), pdf);
    const size = await siteBytes(site);
    assert.strictEqual(size.pdfs, 2 * pdf.length);
    assert.isAbove(size.total, size.pdfs);
    assert.strictEqual(PAGES_LIMIT_BYTES, 1e9);
    console.error = (line: string) => errors.push(line);
    console.warn = () => {};
    assert.strictEqual(await shardsCommand({site, record: true, maxBytes: 2 * size.total}), 0, errors.join("\n"));
    const recorded = await siteBytes(site); // the manifest grew by the records
    assert.strictEqual(await shardsCommand({site, record: true, maxBytes: recorded.total - 1}), 1);
    assert.match(
      errors.join("\n"),
      /the site is 0\.00 GB \(\d+ files; the PDF briefings 0\.00 GB, the rest 0\.00 GB\), over the 0\.00 GB GitHub Pages publishes/
    );
  } finally {
    console.error = error;
    console.warn = warn;
    await rm(site, {recursive: true, force: true});
  }
});
