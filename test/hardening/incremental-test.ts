// Incremental builds (issue #6) and reproducible builds (reliability.md §5.4 R1, R3, R4, F8): after each kind of
// change (a deal file, an assumption, a core function, a page) a rebuild on top of the previous output gives the same
// files as a clean build of the same sources with the same previous manifest (What changed compares with it). A clean
// build here has no Framework data cache, no previous PDFs and no previous site; only Framework's node_modules bundles,
// keyed by the lockfile, are kept. The deal-file change takes the relink fast path (data files replaced in the
// previous site, no Framework build), so that path is compared with a clean build end to end here.
// The clean builds also run in a foreign environment: from another folder, in another time zone and locale
// (America/Los_Angeles, de_DE; the incremental builds run in UTC and the C locale), with no network at all (a network
// namespace of their own, where the machine allows it) and onto another file system (a tmpfs, where one can be
// mounted). So each comparison also shows the build reproducible: the same sources give the same bytes wherever and
// whenever they are built. That had a second full build of its own (reproducible-test, 61 CPU-s) until s12.
// After the deal-file change the clean build is site-only, and each kept or rendered PDF's input key must equal the key
// of the clean site's page (same key, same bytes); after the second change the clean build renders every briefing and
// draws the market's link-preview card too, and every file is compared byte for byte, PDFs, card and manifest
// included: rendering is deterministic across folders, time zones, locales and browser launches. After the deal-file
// change the build keeps 1 of 3 PDFs and renders 2.
// The data is two of the real deals (the founding one and amd-openai): every page, component and briefing kind is
// built, with 2 deal pages and 3 briefings (pages and PDFs) instead of 10 and 11, which makes these 6 builds cheaper
// (a first edition, a second, then two changes, each built incrementally and clean); the incremental and the clean
// build of each change run side by side (two cores). The first two are the shared 2-deal fixture's (twoDealSite.ts,
// built once per test run; faults-test builds on a copy of it too): the incremental copy is a copy of it. A briefing definition's change (src/site/briefings.ts) had a
// build of its own until s7 took it out for the suite's 5-minute budget: it reaches the PDFs' keys the way the core
// function's change does (through the built briefing pages' files).
import {execFileSync} from "node:child_process";
import {existsSync} from "node:fs";
import {cp, mkdir, readdir, readFile, rm, stat, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {afterAll, assert, beforeAll, it} from "vitest";
import {pdfInputKey, rendererHash} from "../../src/cli/pdf/reuse.js";
import type {Manifest} from "../../src/io/manifest.js";
import {canRunOffline, copyProject, deals, hashTree, keepDeals, type Run} from "./project.js";
import {copyTwoDeals, TWO_DEALS as DEALS, BUILD_ENV as ENV, TWO_DEALS_MARKET as MARKET} from "./twoDealSite.js";

/** The clean builds' environment: another time zone and locale than the incremental builds'. */
const FOREIGN = {...ENV, TZ: "America/Los_Angeles", LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8"};
/** Whether the clean builds run with no network at all (a network namespace of their own needs root). */
const offline = canRunOffline();
// The real market summary names deals left out here; MARKET cites the founding deal's commitment, which changes.
let inc: string;
let clean: string;
/** The clean builds' output folder: on a tmpfs mounted in the clean copy when one can be mounted, else `<clean>/dist`. */
let cleanOut: string;
let mounted = "";

/** Replaces `from` by `to` in `<project>/<file>`; throws when `from` is not there (the test would prove nothing). */
async function edit(project: string, file: string, from: string | RegExp, to: string): Promise<void> {
  const path = join(project, file);
  const text = await readFile(path, "utf-8");
  const next = text.replace(from, to);
  if (next === text) throw new Error(`test setup: ${file} has no ${from}`);
  await writeFile(path, next);
}

/** The kinds of change, applied one after another to both copies. */
const CHANGES: {
  kind: string;
  /** Whether the incremental build must take the relink fast path (data files replaced, no Framework build). */
  relinks: boolean;
  /**
   * Whether the clean build renders its briefings too, and draws the market's link-preview card (as do both builds of
   * this change): every file is then compared byte for byte, PDFs, card and manifest included.
   */
  pdfs: boolean;
  apply: (project: string) => Promise<void>;
  rendered: (names: string[]) => string[];
}[] = [
  {
    // A data-only change: the incremental build takes the relink fast path (no Framework build: the previous site
    // relinked to the new data files, src/cli/relink.ts), and this is the test that compares that path with a clean
    // build end to end. The briefings rendered are exactly the ones the deal file concerns.
    kind: "a deal file (amazon-anthropic's commitment, 100 → 101 $bn), relinked",
    relinks: true,
    pdfs: false,
    apply: async (p) => {
      await edit(p, "data/deals/amazon-anthropic.yaml", /(commitments:[\s\S]*?value: )100\b/, "$1101");
    },
    // Anthropic's other deals' briefings state its exposure across all its deals, which the change moves: every
    // Anthropic briefing the copy holds, and the market's.
    rendered: (names) =>
      names.filter(
        (n) => n === "market" || ["deal-amazon-anthropic", "deal-google-anthropic", "deal-microsoft-nvidia-anthropic"].includes(n)
      )
  },
  {
    // Two kinds in one build (the suite is over its time budget), each of which re-renders every PDF: an assumption
    // every deal reads, and the core every briefing page runs in the browser (docs/lib/core.js). A PDF's input key
    // hashes the built page's files whatever source changed them, and the deal-file change above already shows that
    // a data change reaches the site data and the keys; this one shows that a global input and code reach all of them.
    // A page's text (the capacity page) rides along: it takes the full Framework build, which the code change needs
    // anyway. That a page edit alone re-renders no PDF is checked at unit level (pdfReuse-test: files a briefing page
    // does not load are none of its PDF's inputs); here it costs no build of its own.
    kind: "an assumption (load factor base 0.8 → 0.75), a core function (the article table's row label) and a page (the capacity page's text)",
    relinks: false,
    pdfs: true,
    apply: async (p) => {
      await edit(p, "data/assumptions.yaml", /(id: load-factor[\s\S]*?base: )0\.8\b/, "$10.75");
      await edit(p, "src/core/comparison/articleTable.ts", `"Cloud commitment"`, `"Cloud spend commitment"`);
      await edit(p, "docs/capacity.md", /\n$/, "\nEdited by the incremental-build test.\n");
    },
    rendered: (names) => names
  }
];

let whatChanged = "";
let briefingText = "";
let otherBriefingText = "";
const results: {
  kind: string;
  incremental: Run;
  clean: Run;
  differences: string[];
  rendered: string[];
  expected: string[];
  /** The files compared byte for byte: PDFs, link-preview cards. */
  compared: string[];
  /** The start of each kept text (`.deals-memo/*.txt`) the incremental build wrote: what it formatted again. */
  keptWritten: string[];
}[] = [];
/** Every build this file ran, for the check that none asks the npm registry. */
const runs: Run[] = [];

/** Returns the first 40 characters of each kept text in `<project>`'s site-data memo written at or after `since` (ms). */
async function keptTextsSince(project: string, since: number): Promise<string[]> {
  const dir = join(project, "docs", ".observablehq", "cache", ".deals-memo");
  const texts: string[] = [];
  for (const name of await readdir(dir))
    if (name.endsWith(".txt") && (await stat(join(dir, name))).mtimeMs >= since)
      texts.push((await readFile(join(dir, name), "utf-8")).slice(0, 40));
  return texts.sort();
}

/** Returns the briefings a build rendered (from its `pdf: <name>.pdf: …` lines). */
function renderedBy(run: Run): string[] {
  return [...run.stderr.matchAll(/^pdf: ([\w-]+)\.pdf: /gm)].map((m) => m[1]).sort();
}

/**
 * Returns the files that differ between the builds in `a` and `b`. With `pdfs`, every file, PDFs and manifest
 * included; else the PDFs are left out and each PDF's input key in `a`'s manifest must equal the key of `b`'s page
 * instead (`b` is site-only). Also returns the PDFs and cards compared byte for byte.
 */
async function compare(a: string, b: string, {pdfs}: {pdfs: boolean}): Promise<{differences: string[]; compared: string[]}> {
  const [x, y] = [await hashTree(a), await hashTree(b)];
  const skip = (f: string) => !pdfs && (f === "manifest.json" || f.endsWith(".pdf"));
  const names = [...new Set([...Object.keys(x), ...Object.keys(y)])].filter((f) => !skip(f)).sort();
  const out = names.filter((f) => x[f] !== y[f]).map((f) => `${f}: ${x[f]?.slice(0, 8) ?? "missing"} ≠ ${y[f]?.slice(0, 8) ?? "missing"}`);
  const [mx, my] = [await readManifest(a), await readManifest(b)];
  const strip = ({pdfs: _, ...rest}: Manifest) => rest;
  if (!pdfs && JSON.stringify(strip(mx)) !== JSON.stringify(strip(my))) out.push("manifest.json (besides the PDF keys)");
  const renderer = await rendererHash();
  const keys = Object.entries(mx.pdfs ?? {});
  if (keys.length !== DEALS.length + 1) out.push(`manifest.json: ${keys.length} PDF keys, expected one per briefing`);
  for (const [name, {key}] of keys) {
    const expected = await pdfInputKey(b, name, {renderer, paper: "a4", epoch: "", siteUrl: ""});
    if (key !== expected) out.push(`briefings/${name}.pdf: input key ≠ the clean site's`);
  }
  return {differences: out, compared: names.filter((f) => f.endsWith(".pdf") || f.endsWith(".png"))};
}

async function readManifest(dir: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(dir, "manifest.json"), "utf-8"));
}

/** Empties the clean copy's caches and output (keeping Framework's lockfile-keyed node_modules bundles) and puts the previous manifest in place. */
async function resetClean(previousManifest: string): Promise<void> {
  const cache = join(clean, "docs", ".observablehq", "cache");
  if (existsSync(cache))
    for (const entry of await readdir(cache))
      if (!["_node", "_npm", "_observablehq", ".deals-lockfile"].includes(entry))
        await rm(join(cache, entry), {recursive: true, force: true});
  await rm(cleanOut, {recursive: true, force: true});
  await mkdir(cleanOut);
  await cp(previousManifest, join(cleanOut, "manifest.json"));
}

beforeAll(async () => {
  // The incremental copy starts from the built 2-deal fixture (twoDealSite.ts): a first edition (site only), then a
  // second one of the same data with its briefings. A briefing of a later edition says when none of its figures moved
  // since the last one (which the first edition cannot say), so the changes below start from a build whose briefings
  // already carry that line, as every publication after the first. Its two builds are this file's first two.
  const [fixture, cleanCopy] = await Promise.all([copyTwoDeals("incremental"), copyProject("clean")]);
  [inc, clean] = [fixture.dir, cleanCopy];
  runs.push(...fixture.runs);
  await keepDeals(clean, DEALS, MARKET);
  // The clean builds go onto another file system when one can be mounted (the swap must not rename across).
  cleanOut = join(clean, "dist");
  try {
    await mkdir(join(clean, "mnt"));
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=128m", "tmpfs", join(clean, "mnt")], {stdio: "ignore"});
    mounted = join(clean, "mnt");
    cleanOut = join(mounted, "dist");
  } catch {
    // not root: same file system
  }
  const build = async (project: string, args: string[], env: Record<string, string | undefined>, options = {offline: false}) => {
    const run = await deals(project, ["build", ...args], env, options);
    runs.push(run);
    return run;
  };
  for (const change of CHANGES) {
    await change.apply(inc);
    await change.apply(clean);
    const previous = join(inc, "previous-manifest.json");
    await cp(join(inc, "dist", "manifest.json"), previous);
    await resetClean(previous);
    // The market's link-preview card, drawn by each build's PDF stage, where both builds have one.
    const cards = change.pdfs ? {DEALS_CARDS: "market"} : {};
    const started = Date.now();
    const [incremental, cleanRun] = await Promise.all([
      build(inc, ["--data", "data", "--out", "dist"], {...ENV, ...cards}),
      build(clean, [...(change.pdfs ? [] : ["--site-only"]), "--data", "data", "--out", cleanOut], {...FOREIGN, ...cards}, {offline})
    ]);
    const ok = incremental.code === 0 && cleanRun.code === 0;
    const names = (await readdir(join(inc, "dist", "briefings"))).filter((f) => f.endsWith(".pdf")).map((f) => f.slice(0, -4));
    const {differences, compared} = ok
      ? await compare(join(inc, "dist"), cleanOut, {pdfs: change.pdfs})
      : {differences: ["a build failed"], compared: []};
    results.push({
      kind: change.kind,
      incremental,
      clean: cleanRun,
      differences,
      compared,
      rendered: renderedBy(incremental),
      expected: change.rendered(names).sort(),
      keptWritten: await keptTextsSince(inc, started)
    });
    if (change === CHANGES[0] && ok) {
      whatChanged = (await deals(inc, ["changes", "--site", "dist"], ENV)).stdout;
      briefingText = execFileSync("pdftotext", ["-layout", join(inc, "dist", "briefings", "deal-amazon-anthropic.pdf"), "-"], {
        encoding: "utf-8"
      });
      otherBriefingText = execFileSync("pdftotext", [join(inc, "dist", "briefings", "deal-amd-openai.pdf"), "-"], {encoding: "utf-8"});
    }
  }
}, 900_000);

afterAll(async () => {
  if (mounted) execFileSync("umount", [mounted], {stdio: "ignore"});
  for (const dir of [inc, clean]) if (dir) await rm(dir, {recursive: true, force: true});
});

for (const [index, {kind, relinks, pdfs}] of CHANGES.entries()) {
  const what = pdfs ? "byte for byte, PDFs and link-preview card included," : "(the PDFs by their input keys)";
  it(`after ${kind}, the incremental build equals ${what} a clean one built elsewhere (another folder, time zone, locale and file system, no network), and re-renders only the PDFs it concerns`, () => {
    const result = results[index];
    assert.ok(result, "the build sequence stopped before this change");
    assert.strictEqual(result.incremental.code, 0, result.incremental.stderr);
    assert.strictEqual(result.clean.code, 0, result.clean.stderr);
    // Which path the incremental build took: the relink fast path for a data-only change, else Framework's build.
    assert.strictEqual(/build: site: only data changed/.test(result.incremental.stderr), relinks, result.incremental.stderr);
    assert.deepStrictEqual(result.differences, []);
    assert.deepStrictEqual(result.rendered, result.expected);
    if (pdfs) {
      // Every briefing and the market's card were compared, not an empty list.
      const names = DEALS.map((d) => `briefings/deal-${d}.pdf`).concat("briefings/market.pdf");
      assert.includeMembers(result.compared, names, "PDFs compared byte for byte");
      assert.isTrue(
        result.compared.some((f) => /^_og\/market\.[0-9a-f]+\.png$/.test(f)),
        `the market's link-preview card compared: ${result.compared.join(", ")}`
      );
    }
  });
}

it("after the deal-file change, the rebuild formats the changed deal's download parts again and keeps the other deal's (issue #18)", () => {
  // Each deal's part of the figure table's CSV and JSON is kept between builds (siteData.ts); the memo's prune ran
  // before the downloads were written and deleted every part, so every rebuild formatted every deal's again.
  const written = results[0]?.keptWritten ?? [];
  const part = (deal: string) => (t: string) => t.startsWith(`${deal}.`) || t.startsWith(`{"key":"${deal}.`);
  assert.isTrue(written.some(part("amazon-anthropic")), `the changed deal's parts are written: ${written.join(" | ")}`);
  assert.isFalse(written.some(part("amd-openai")), `no part of the unchanged deal is written: ${written.join(" | ")}`);
});

it("deals build never asks the npm registry: no build logs an npm version lookup, and the clean builds run with no network at all", (context) => {
  // Framework resolves its optional client libraries on registry.npmjs.org unless their versions are cached;
  // build.ts pins them, so the build works offline and names the same versions every day.
  assert.isAtLeast(runs.length, 6, "builds checked");
  for (const run of runs) assert.notMatch(run.stdout, /npm:[^\s]+@latest/);
  if (!offline) context.skip("cannot run without network here (unshare -n needs root)");
  for (const {clean} of results)
    assert.strictEqual(clean.code, 0, `a clean build in a network namespace of its own failed: ${clean.stderr.slice(-2000)}`);
  assert.lengthOf(results, CHANGES.length);
});

it("after the deal-file change, What changed (site and CI) and the deal's briefing name the value; another deal's briefing says none of its figures moved", () => {
  assert.match(whatChanged, /Amazon → Anthropic, compute commitment: over \$100B → over \$101B, reported/);
  assert.match(briefingText, /What changed[\s\S]*compute commitment: over \$100B → over \$101B/);
  // The other deal's briefing says nothing moved for it, and nothing of the founding deal's change.
  assert.include(
    otherBriefingText.replace(/\s+/g, " "),
    "What changed: none of this briefing's headline figures moved since the last edition."
  );
  assert.notInclude(otherBriefingText, "over $101B");
});
