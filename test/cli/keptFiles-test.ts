// Issue #18: `deals build` keeps each briefing's and deal page's file text by a digest of the body it is finished from
// (snapshotWriter's dealMemo: `keep`), so a rebuild after one deal changes does not cut and write every deal's files
// again. Here the real memo, in a scratch folder: the files equal a build without it, and only the changed deal's
// files (and the market's) are finished again; each briefing's page 1 is kept with the figures it read (`reads`), and
// computed again only when one of those moved.
import {mkdtemp, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {assert, it} from "vitest";
import {dealMemo} from "../../src/cli/snapshotWriter.js";
import type {Dataset} from "../../src/core/model.js";
import {readValidDataset} from "../../src/io/readDataset.js";
import {siteData, siteDataFiles, type TextMemo, textOf} from "../../src/site/siteData.js";
import type {ReadsMemo} from "../../src/site/trackedReads.js";
import {withBenchChange} from "../benchChange.js";

it("kept files: the same bytes as a build without them, and a rebuild after one deal changes finishes only that deal's files and the market's", async () => {
  const full = await readValidDataset("data");
  // Two deals of different labs and providers, and the founding deal (the one changed).
  const pick = ["amazon-anthropic", "nvidia-openai", "amd-openai"];
  const dataset: Dataset = {...full, deals: full.deals.filter((d) => pick.includes(d.id))};
  assert.strictEqual(dataset.deals.length, pick.length);
  const dir = await mkdtemp(join(tmpdir(), "deals-kept-files-"));
  try {
    const summary = (file: string) => readFile(file, "utf-8").catch(() => "The data holds {{data.deals}} deals.\n");
    let finished: string[] = [];
    // Pages 1 computed (not kept), by the briefing's deal ("market" for the market's).
    let called: string[] = [];
    const build = async (data: Dataset, kept: boolean) => {
      // A new memo per build, as each `deals build` makes one: the kept texts live in the folder, not in memory.
      const memo = dealMemo("core", "site", dir);
      const keep: TextMemo = (name, input, compute) =>
        memo.keep(name, input, () => {
          const text = compute();
          const json = typeof text === "string" ? text : Buffer.from(text).toString("utf-8");
          finished.push(
            `${name} ${(JSON.parse(json) as {name?: string; deal?: string}).name ?? (JSON.parse(json) as {deal?: string}).deal}`
          );
          return text;
        });
      const reads: ReadsMemo = (name, input, table, compute) =>
        memo.reads(name, input, table, (view) => {
          called.push(((input as unknown[])[0] as string | null) ?? "market");
          return compute(view);
        });
      const site = siteData({
        dataset: data,
        version: "v",
        previous: null,
        readSummary: summary,
        draws: {analysis: 3, bands: 3},
        memo: kept ? memo.memo : undefined,
        keep: kept ? keep : undefined,
        reads: kept ? reads : undefined
      });
      const files = await siteDataFiles(site);
      if (kept) await memo.prune();
      // A kept text comes as a handle (its key and a reader): the bytes are what it reads.
      return new Map([...files].map(([path, file]) => [path, textOf(file)]));
    };
    const clean = await build(dataset, true);
    // Every deal's page file and every briefing's file, finished once.
    assert.strictEqual(finished.filter((f) => f.startsWith("deal-page-file")).length, pick.length);
    assert.strictEqual(finished.filter((f) => f.startsWith("briefing-file")).length, pick.length + 1);
    assert.sameMembers(called, [...pick, "market"]);
    assert.deepStrictEqual(clean, await build(dataset, false));
    // Nothing changed: nothing finished or computed again.
    finished = [];
    called = [];
    assert.deepStrictEqual(await build(dataset, true), clean);
    assert.deepStrictEqual(finished, []);
    assert.deepStrictEqual(called, []);
    // The founding deal's first commitment + 1 (the bench's change).
    const changed = withBenchChange(dataset);
    finished = [];
    called = [];
    const rebuilt = await build(changed, true);
    // Pages 1 computed again: the changed deal's (its own figures moved); the market's reads the totals. Nvidia → OpenAI
    // and AMD → OpenAI read none of the founding deal's figures (another lab and provider), so theirs are kept.
    assert.includeMembers(called, ["amazon-anthropic"]);
    assert.notInclude(called, "nvidia-openai");
    assert.notInclude(called, "amd-openai");
    assert.deepStrictEqual(rebuilt, await build(changed, false));
    assert.notDeepEqual(rebuilt, clean);
    // The changed deal's page and briefing, and the market's briefing (it lists the deals); the peers' ranks move with
    // the commitment, so a deal whose peer box changed is finished again too, and no other.
    assert.includeMembers(finished, ["deal-page-file amazon-anthropic", "briefing-file deal-amazon-anthropic", "briefing-file market"]);
    for (const f of finished) {
      const id = f.split(" ")[1].replace(/^deal-/, "");
      if (id === "amazon-anthropic" || id === "market") continue;
      const path = f.startsWith("deal-page-file") ? `data/deals/${id}.json` : `data/briefings/deal-${id}.json`;
      assert.notStrictEqual(rebuilt.get(path), clean.get(path), `${f} was finished again but did not change`);
    }
    // An unchanged file is the kept text, the same bytes.
    for (const [path, text] of clean)
      if (!finished.some((f) => path.endsWith(`${f.split(" ")[1]}.json`)) && /^data\/(deals|briefings)\//.test(path))
        assert.strictEqual(rebuilt.get(path), text, path);
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
}, 120_000);
