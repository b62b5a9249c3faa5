/**
 * The figure table's downloads put together from each deal's kept rows and texts (siteData.downloadFiles with the
 * build's file-backed memo, issue #18) are the bytes of the whole table formatted at once (the Arrow file: the same
 * rows; it is one record batch per deal), on a build that computes every part (cold) and on one that reads them back
 * (warm), and after one deal changes; and the rebuild's bytes, Arrow too, are those of a build from nothing.
 */
import {readdirSync, readFileSync} from "node:fs";
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {tableFromIPC} from "@uwdata/flechette";
import {afterAll, assert, beforeAll, it} from "vitest";
import {syntheticDataset} from "../../src/cli/bench/scaleDeals.js";
import {dealMemo} from "../../src/cli/snapshotWriter.js";
import type {Dataset} from "../../src/core/model.js";
import {checkFiles} from "../../src/io/dataset.js";
import {readValidDataset} from "../../src/io/readDataset.js";
import {type FigureRow, figureRows} from "../../src/site/dataTables.js";
import {contentBytes, type DownloadContent, downloadFiles, downloadTables} from "../../src/site/downloads.js";
import {siteData} from "../../src/site/siteData.js";
import {withBenchChange} from "../benchChange.js";

const DRAWS = {analysis: 50, bands: 5};
/** Two real deals: enough for the memo's keys. */
const DATASET: Dataset = await readValidDataset("data").then((d) => ({
  ...d,
  deals: d.deals.filter((x) => ["amazon-anthropic", "amd-openai"].includes(x.id))
}));
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "deals-download-parts-"));
});
afterAll(() => rm(dir, {recursive: true, force: true}));

/**
 * The downloads as the code before the parts wrote them: every figure row computed at once, each file formatted
 * whole; the projections are the memo's in `memoDir` (the same values, read back, as the build's).
 */
function wholeFiles(dataset: Dataset, memoDir: string): {files: Map<string, DownloadContent>; rows: FigureRow[]} {
  const {memo} = dealMemo("core", "site", memoDir);
  const site = siteData({dataset, version: "v", previous: null, draws: DRAWS, memo});
  const rows = figureRows(dataset, site.figures(), site.analysis().projections);
  return {files: downloadFiles(downloadTables(dataset, rows), "v"), rows};
}

/** The downloads as a build writes them, with the build's memo in `memoDir`. */
function builtFiles(dataset: Dataset, memoDir: string): Map<string, DownloadContent> {
  const {memo, keep, reads} = dealMemo("core", "site", memoDir);
  return siteData({dataset, version: "v", previous: null, draws: DRAWS, memo, keep, reads}).downloadFiles();
}

/** Returns an Arrow file's rows as plain objects (the values a reader gets). */
function arrowRows(content: DownloadContent): unknown[] {
  return tableFromIPC(contentBytes(content))
    .toArray()
    .map((r) => ({...r}));
}

/**
 * Asserts the files the same: the bytes of each CSV and JSON; an Arrow file's rows (the figure table's file is one
 * record batch per deal with plain utf8 columns, the whole table's one batch with dictionaries: the same values).
 */
function assertSame(actual: Map<string, DownloadContent>, expected: Map<string, DownloadContent>, label: string): void {
  assert.deepStrictEqual([...actual.keys()], [...expected.keys()], label);
  for (const [path, content] of expected) {
    const got = actual.get(path)!;
    if (path.endsWith(".arrow")) assert.deepStrictEqual(arrowRows(got), arrowRows(content), `${label}: ${path} differs`);
    else assert.isTrue(contentBytes(got).equals(contentBytes(content)), `${label}: ${path} differs`);
  }
}

it("the real deals and two copies whose ids begin with the founding deal's: the downloads from kept parts are the whole table's bytes, cold, and after one deal changes with the other deals' parts read back", async () => {
  const files = await syntheticDataset(12, {ownLabs: true, withRealDeals: true});
  const dataset = checkFiles(files).dataset!;
  assert.isTrue(
    dataset.deals.some((d) => d.id.startsWith("amazon-anthropic-")),
    "a copy's id begins with the founding deal's"
  );
  const memoDir = join(dir, "memo");
  // The build first, which computes every part (a memo that reads a kept part is the second build, after the change).
  const cold = builtFiles(dataset, memoDir);
  const {files: expected, rows} = wholeFiles(dataset, memoDir);
  assertSame(cold, expected, "cold");
  // The comparison is of something: every deal has rows in the table.
  assert.strictEqual(String(expected.get("data/figures.csv")).split("\n").length, rows.length + 2, "header, rows, final newline");
  assert.strictEqual(new Set(rows.map((r) => r.deal)).size, dataset.deals.length);
  const changed = withBenchChange(dataset);
  const rebuilt = builtFiles(changed, memoDir);
  const after = wholeFiles(changed, memoDir).files;
  assert.notStrictEqual(String(after.get("data/figures.csv")), String(expected.get("data/figures.csv")), "the change moves a figure");
  assertSame(rebuilt, after, "after the change, the other deals' parts read back");
  // The rebuild, from kept parts, writes the bytes a build from nothing writes: the Arrow file too.
  const clean = builtFiles(changed, join(dir, "memo-clean"));
  for (const [path, content] of clean) assert.isTrue(contentBytes(rebuilt.get(path)!).equals(contentBytes(content)), `clean: ${path}`);
  const arrow = tableFromIPC(contentBytes(rebuilt.get("data/figures.arrow")!));
  assert.strictEqual(arrow.children[0].data.length, changed.deals.length, "one record batch per deal");
  // Each deal's record batch is kept as its bytes (an Arrow stream message begins with 0xFFFFFFFF), not as base64
  // text, which every build decoded again (0.3 CPU-s at 1,000 deals).
  const kept = readdirSync(memoDir)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => readFileSync(join(memoDir, f)));
  assert.isAtLeast(
    kept.filter((b) => b.readUInt32LE(0) === 0xffffffff).length,
    changed.deals.length,
    "the deals' record batches kept as bytes"
  );
});

it("a deal's kept figure rows are keyed by the site's code too: new site code computes them again, and the core's results stay kept", () => {
  const memoDir = join(dir, "code");
  const computed = (site: string) => {
    const names: string[] = [];
    const {memo} = dealMemo("core", site, memoDir);
    const counting: typeof memo = (name, input, compute) =>
      memo(name, input, () => {
        names.push(name);
        return compute();
      });
    return {memo: counting, names};
  };
  const draws = {analysis: 5, bands: 5};
  const first = computed("site-1");
  siteData({dataset: DATASET, version: "v", previous: null, draws, memo: first.memo}).figureRows();
  assert.include(first.names, "site:figure-rows");
  assert.include(first.names, "projection");
  const same = computed("site-1");
  siteData({dataset: DATASET, version: "v", previous: null, draws, memo: same.memo}).figureRows();
  assert.deepStrictEqual(same.names, [], "the same code keeps everything");
  const changed = computed("site-2");
  siteData({dataset: DATASET, version: "v", previous: null, draws, memo: changed.memo}).figureRows();
  assert.deepStrictEqual(
    [...new Set(changed.names)].sort(),
    ["site:deal-npv", "site:figure-rows"],
    "new site code: the rows again, not the projections"
  );
});
