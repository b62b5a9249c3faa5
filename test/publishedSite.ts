/**
 * The site data as `deals build` publishes it from data/ (every deal projected at the published draw count, the
 * capacity bands of every scenario), computed at most once per test run. The pure project's workers run file after
 * file in one process (vitest.config.ts: isolate: false), and several files check the same published projections
 * and bands; a run has up to four such processes (two workers, node and jsdom files apart), and each computed them
 * (about 6 CPU-s). Now the first process of the run computes them under a lock into a memo on disk (each of siteData's
 * memoized computations, keyed as `deals build`'s memo keys them: its name and inputDigest of its input), and the
 * others read them from it. The memo holds each value as V8 serializes it (the structured clone of worker messages),
 * not JSON: NaN, infinities, undefined and -0 read back as they were (a JSON memo failed publishedBands-test's
 * comparison with a fresh projection). The projections and bands are computed before the promise resolves, so the files await
 * them in beforeAll (whose timeout allows a busy machine), not inside a test. Read only: a test that edits the data
 * builds its own siteData from a copy.
 */
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {deserialize, serialize} from "node:v8";
import {inputDigest} from "../src/cli/snapshotWriter.js";
import type {Dataset} from "../src/core/model.js";
import {hashInputs} from "../src/io/manifest.js";
import {readValidDataset} from "../src/io/readDataset.js";
import {type DealMemo, type SiteData, siteData} from "../src/site/siteData.js";
import {runToken, withDirLock} from "./setup/dirLock.js";

/** The memo of this run's published projections and bands (`<DIR>.token` names the run that wrote it). */
const DIR = join(".build", "test-published-memo");

let published: Promise<{dataset: Dataset; site: SiteData}> | undefined;

/**
 * Returns the data in data/ and its site data at the published draw counts (version "test", no previous build).
 *
 * @example const {dataset, site} = await publishedSite(); site.analysis().projections["amazon-anthropic"]
 */
export function publishedSite(): Promise<{dataset: Dataset; site: SiteData}> {
  published ??= withDirLock(`${DIR}.lock`, async () => {
    // This run, and the sources and data the values come from: a memo of another run, or of other sources (a rerun
    // of vitest's watch mode after an edit has the same main process), is gone before this one writes its own.
    const sources = createHash("sha256")
      .update(JSON.stringify(await hashInputs(["src", "data"])))
      .digest("hex");
    const token = `${runToken()} ${sources}`;
    if (!existsSync(`${DIR}.token`) || readFileSync(`${DIR}.token`, "utf-8") !== token) {
      rmSync(`${DIR}.token`, {force: true});
      rmSync(DIR, {recursive: true, force: true});
    }
    const dataset = await readValidDataset("data");
    mkdirSync(DIR, {recursive: true});
    const digests = new WeakMap<object, string>();
    // Only the computations below go through the memo on disk; what a test asks for later (a briefing's slice, a
    // Markdown text) is computed in its own process, as before: no process reads a file another is writing.
    let shared = true;
    const memo: DealMemo = (name, input, compute) => {
      if (!shared) return compute();
      const path = join(
        DIR,
        `${createHash("sha256")
          .update(`${name}\0${inputDigest(input, digests)}`)
          .digest("hex")}.v8`
      );
      if (existsSync(path)) return deserialize(readFileSync(path));
      const value = compute();
      writeFileSync(path, serialize(value));
      return value;
    };
    const site = siteData({dataset, version: "test", previous: null, memo});
    site.analysis();
    site.bands();
    shared = false;
    writeFileSync(`${DIR}.token`, token);
    return {dataset, site};
  });
  return published;
}
