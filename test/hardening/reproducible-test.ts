// Reproducible builds (reliability.md §5.4 R1, R3, R4, F8): a clean build of the same commit and data is
// byte-identical to the one the test setup made (test/setup/builtSite.ts), every site file hashed, though it runs from
// another folder, in another time zone and locale, with no network, onto another file system. (In the browser
// project: it compares with the build that test/setup/builtSite.ts makes.) Of the PDF briefings it renders three
// (DEALS_PDFS, honoured in test runs only): the market's, the longest deal's and a lessee's (CoreWeave → OpenAI: the
// lease lines), each byte-identical to the setup's; all eleven cost twice the CPU and prove the same thing, since
// every briefing is the same renderer on the same kind of page. Every other site file, the link-preview card drawn by
// the PDF stage's browser, and the manifest (its PDF records for those three) are compared in full. That a build from
// a warm cache gives the same site as a clean one is incremental-test's: each of its rebuilds runs on the previous
// build's Framework cache and is compared file by file with a clean build.
import {execFileSync} from "node:child_process";
import {mkdir, readFile, rm} from "node:fs/promises";
import {join} from "node:path";
import {afterAll, assert, beforeAll, it} from "vitest";
import type {Manifest} from "../../src/io/manifest.js";
import {builtSite} from "../setup/builtSite.js";
import {canRunOffline, copyProject, deals, hashTree, type Run} from "./project.js";

// DEALS_CARDS as the shared test build sets it (test/setup/builtSite.ts): the same link-preview card, drawn afresh by
// another browser launch, must come out byte for byte as the first.
const FOREIGN = {
  TZ: "America/Los_Angeles",
  LANG: "de_DE.UTF-8",
  LC_ALL: "de_DE.UTF-8",
  SOURCE_DATE_EPOCH: undefined,
  DEALS_CARDS: "market"
};
/** A lessee's briefing (its provider leases its sites: rent still owed at the term's end is drawn). */
const LESSEE = "deal-coreweave-openai";
/** The briefings the second build renders (set in beforeAll from the setup's manifest). */
let pdfs: string[] = [];

const siteDir = await builtSite();
let project: string;
let mounted = "";
let setup: Record<string, string>;
let setupManifest: Manifest;
const builds: Record<string, {run: Run; out: string; files: Record<string, string>}> = {};

const offline = canRunOffline();

async function build(name: string, out: string, args: string[], env: Record<string, string | undefined>, options = {offline: false}) {
  const run = await deals(project, ["build", "--data", "data", "--out", out, ...args], env, options);
  builds[name] = {run, out, files: run.code === 0 ? await hashTree(out) : {}};
}

beforeAll(async () => {
  setup = await hashTree(siteDir);
  setupManifest = JSON.parse(await readFile(join(siteDir, "manifest.json"), "utf-8"));
  // The market's, the deal briefing with the most pages, and a lessee's.
  const deals = Object.entries(setupManifest.pdfs ?? {}).filter(([name]) => name.startsWith("deal-"));
  const longest = deals.sort(([a, x], [b, y]) => (y.pages ?? 0) - (x.pages ?? 0) || a.localeCompare(b))[0]?.[0];
  pdfs = [...new Set(["market", longest, LESSEE])].filter(Boolean).sort();
  project = await copyProject("repro");
  // The build goes onto another file system when one can be mounted (the swap must not rename across).
  let out = join(project, "out");
  try {
    await mkdir(join(project, "mnt"));
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=128m", "tmpfs", join(project, "mnt")], {stdio: "ignore"});
    mounted = join(project, "mnt");
    out = join(mounted, "out");
  } catch {
    // not root: same file system
  }
  await build("clean", out, [], {...FOREIGN, DEALS_PDFS: pdfs.join(",")}, {offline});
}, 600_000);

afterAll(async () => {
  if (mounted) execFileSync("umount", [mounted], {stdio: "ignore"});
  if (project) await rm(project, {recursive: true, force: true});
});

/** Returns the files that differ between two builds: missing on one side or with other bytes. */
function differences(x: Record<string, string>, y: Record<string, string>): string[] {
  const names = [...new Set([...Object.keys(x), ...Object.keys(y)])].sort();
  return names.filter((f) => x[f] !== y[f]).map((f) => `${f}: ${x[f]?.slice(0, 8) ?? "missing"} ≠ ${y[f]?.slice(0, 8) ?? "missing"}`);
}

it("deals build succeeds once more (clean, elsewhere, in another TZ and LANG, offline)", () => {
  for (const [name, {run}] of Object.entries(builds)) assert.strictEqual(run.code, 0, `${name}: ${run.stderr.slice(-2000)}`);
  assert.isAbove(Object.keys(builds.clean.files).length, 20);
  assert.includeMembers(Object.keys(setupManifest.pdfs ?? {}), pdfs, "the setup's briefings");
  assert.lengthOf(pdfs, 3, "the market's, the longest deal's and a lessee's briefing");
  const rendered = Object.keys(builds.clean.files).filter((f) => f.endsWith(".pdf"));
  assert.deepStrictEqual(
    rendered.sort(),
    pdfs.map((name) => `briefings/${name}.pdf`)
  );
});

it("two clean builds (other folders, time zones UTC and America/Los_Angeles, locales C and de_DE, with and without network) give identical files, PDFs and the link-preview card included", async () => {
  // Every file of the setup's build but the PDFs this build did not render, and the manifest (compared below).
  const rendered = new Set(pdfs.map((name) => `briefings/${name}.pdf`));
  const expected = Object.fromEntries(
    Object.entries(setup).filter(([f]) => f !== "manifest.json" && (!f.endsWith(".pdf") || rendered.has(f)))
  );
  const {"manifest.json": _, ...files} = builds.clean.files;
  assert.isTrue(
    Object.keys(expected).some((f) => f.startsWith("_og/") && f.endsWith(".png")),
    "a link-preview card compared"
  );
  assert.deepStrictEqual(differences(expected, files), []);
  // The manifest: the same, its PDF records (input key, SHA-256, pages) those of the briefings rendered.
  const manifest: Manifest = JSON.parse(await readFile(join(builds.clean.out, "manifest.json"), "utf-8"));
  const pdfRecords = Object.fromEntries(Object.entries(setupManifest.pdfs ?? {}).filter(([name]) => pdfs.includes(name)));
  assert.deepStrictEqual(manifest, {...setupManifest, pdfs: pdfRecords});
});

it("deals build never asks the npm registry: it logs no npm version lookup, and builds with no network at all", (context) => {
  // Framework resolves its optional client libraries on registry.npmjs.org unless their versions are cached;
  // build.ts pins them, so the build works offline and names the same versions every day.
  for (const [name, {run}] of Object.entries(builds)) assert.notMatch(run.stdout, /npm:[^\s]+@latest/, name);
  if (!offline) context.skip("cannot run without network here (unshare -n needs root)");
  assert.strictEqual(builds.clean.run.code, 0, "the build in a network namespace of its own failed");
});
