/**
 * Temp copies of the project for tests that build: each copy has its own Framework cache, build lock and temp
 * folder, so a test's build neither sees nor disturbs another build (another test file, or an engineer's).
 */
import {execFileSync, spawn} from "node:child_process";
import {createHash} from "node:crypto";
import {existsSync} from "node:fs";
import {cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join, relative, resolve} from "node:path";
import {parse, stringify} from "yaml";
import {BUNDLES, sourceKey} from "../../scripts/cliBundle.mjs";

/** The repository the tests run from. */
export const REPO = resolve(".");

const FOLDERS = ["docs", "src", "reports", "scripts", "bin", "data"];
const FILES = ["observablehq.config.ts", "package.json", "package-lock.json", "tsconfig.json"];

/**
 * Returns the path of a fresh copy of the project (folders and files a build reads; node_modules symlinked, no
 * Framework cache), with an empty `tmp/` for the builds' temp files.
 */
export async function copyProject(name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `deals-${name}-`));
  for (const folder of FOLDERS) {
    await cp(join(REPO, folder), join(dir, folder), {recursive: true, filter: (src) => !/[/\\]\.observablehq(?:[/\\]|$)/.test(src)});
  }
  for (const file of FILES) await cp(join(REPO, file), join(dir, file));
  // The compiled CLI of these sources, when the repository has it (the copy's sources are the same bytes, so the
  // copy's first `deals` start would build the same bundle, about 1 CPU-s); a copy whose sources a test changes
  // builds its own (scripts/cliBundle.mjs).
  const bundle = join(BUNDLES, sourceKey(REPO));
  if (existsSync(join(REPO, bundle, "main.js"))) await cp(join(REPO, bundle), join(dir, bundle), {recursive: true});
  await symlink(join(REPO, "node_modules"), join(dir, "node_modules"));
  await mkdir(join(dir, "tmp"));
  return dir;
}

/**
 * Cuts the data folder of the project copy `project` down to the deals in `keep` (real deals, unchanged files),
 * so an end-to-end test that needs real deals but not all of them builds fewer pages and PDFs. The sources the
 * removed deals declared move to companies.yaml (other files cite them), signal observations lose their link to a
 * removed deal (and go when they concerned nothing else), and the market summary, which names deals that are gone, is replaced by `marketSummary`.
 */
export async function keepDeals(project: string, keep: readonly string[], marketSummary: string): Promise<void> {
  const deals = join(project, "data", "deals");
  const moved: unknown[] = [];
  for (const file of (await readdir(deals)).sort()) {
    if (keep.includes(file.replace(/\.ya?ml$/, ""))) continue;
    moved.push(...((parse(await readFile(join(deals, file), "utf-8")) as {sources?: unknown[]}).sources ?? []));
    await rm(join(deals, file));
  }
  const left = (await readdir(deals)).length;
  if (left !== keep.length) throw new Error(`test setup: kept ${left} deals, expected ${keep.length} (${keep.join(", ")})`);
  const companiesFile = join(project, "data", "companies.yaml");
  const companies = parse(await readFile(companiesFile, "utf-8")) as {sources?: unknown[]};
  await writeFile(companiesFile, stringify({...companies, sources: [...(companies.sources ?? []), ...moved]}, {lineWidth: 0}));
  const signalsFile = join(project, "data", "signals.yaml");
  const signals = parse(await readFile(signalsFile, "utf-8")) as {signals?: {observations?: {deal?: string; about?: string[]}[]}[]};
  for (const signal of signals.signals ?? []) {
    for (const observation of signal.observations ?? []) if (observation.deal && !keep.includes(observation.deal)) delete observation.deal;
    // An observation must say what it concerns: one that concerned only a removed deal goes with it.
    signal.observations = (signal.observations ?? []).filter((o) => o.deal || o.about?.length);
  }
  await writeFile(signalsFile, stringify(signals, {lineWidth: 0}));
  await writeFile(join(project, "reports", "summaries", "market.md"), marketSummary);
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

/**
 * Runs `node bin/deals.js <args>` in the project copy `cwd` and returns its exit code and output. Temp files
 * (Chromium's profile: `deals-chromium-*`) go to `<cwd>/tmp`, so `chromiumProcesses(cwd)` finds this run's.
 * With `offline`, it runs in a network namespace of its own (`unshare -n`): no network at all, only a loopback of
 * its own (no other process of the machine is reachable); see canRunOffline.
 */
export function deals(cwd: string, args: string[], env: Record<string, string | undefined> = {}, {offline = false} = {}): Promise<Run> {
  const started = performance.now();
  // A network namespace of its own has only a loopback, and that is down: bring it up for the PDF renderer's server.
  const command = offline ? ["unshare", "-n", "sh", "-c", 'ip link set lo up && exec "$0" "$@"', "node"] : ["node"];
  return new Promise((ok, fail) => {
    const child = spawn(command[0], [...command.slice(1), "bin/deals.js", ...args], {
      cwd,
      env: {...process.env, TMPDIR: join(cwd, "tmp"), CI: "true", ...env},
      stdio: ["ignore", "pipe", "pipe"]
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", fail);
    child.on("close", (code) => ok({code, stdout, stderr, seconds: (performance.now() - started) / 1000}));
  });
}

/** Returns relative path → SHA-256 of every file under `dir`, sorted by path. */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const entries = await readdir(dir, {recursive: true, withFileTypes: true});
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  for (const file of files.sort()) {
    out[relative(dir, file)] = createHash("sha256")
      .update(await readFile(file))
      .digest("hex");
  }
  return out;
}

/** Returns the command lines of running processes whose command line contains `marker` (`pgrep -af`). */
export function processesWith(marker: string): string[] {
  try {
    return execFileSync("pgrep", ["-af", marker], {encoding: "utf-8"}).split("\n").filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

/** Returns the Chromium processes started by builds of the project copy `cwd` (their profile is under `<cwd>/tmp`). */
export function chromiumProcesses(cwd: string): string[] {
  return processesWith(join(cwd, "tmp", "deals-chromium-"));
}

/** Returns true if this machine can run a command without network (`unshare -n` and `ip`, usually as root). */
export function canRunOffline(): boolean {
  try {
    execFileSync("unshare", ["-n", "ip", "link", "set", "lo", "up"], {stdio: "ignore"});
    return true;
  } catch {
    return false;
  }
}
