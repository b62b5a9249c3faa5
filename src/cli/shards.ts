/**
 * `deals shards`: what CI runs between building the site and rendering the briefings. It keys every briefing of the
 * built site (pdf/reuse.ts), marks as unchanged each briefing whose input key the previous publication's manifest
 * recorded, and splits the rest into shards balanced by pages (pdf/shards.ts), written as job outputs for the
 * workflow's matrix. The unchanged PDFs are not downloaded there (the site job's artifact goes to every shard, and
 * at 1,000 deals they weigh about 1.4 GB): with `--take-published`, the publish job fetches them (a bounded number at
 * a time), checks each against the SHA-256 the manifest recorded, and names any briefing still without a PDF (a
 * published file gone or altered), which the job then renders itself. With `--record`, after the PDFs are merged
 * into the site, it writes every PDF's key, SHA-256 and pages into the site's manifest, for the next run, and fails
 * with the sums when the site is over GitHub Pages' size limit (PAGES_LIMIT_BYTES) instead of leaving Pages to refuse
 * or cut it.
 */
import {existsSync} from "node:fs";
import {appendFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {type Manifest, readManifest} from "../io/manifest.js";
import {readSiteBriefings} from "./pdf/manifest.js";
import {pdfInputKey, recordPdfs, rendererHash, sha256} from "./pdf/reuse.js";
import {assignShards, estimatePages, MAX_SHARDS, PAGES_PER_SHARD, type ShardShare, shardCount} from "./pdf/shards.js";

export interface ShardsOptions {
  site: string;
  /** The previous publication: an http(s) address or a folder with `manifest.json` and `briefings/*.pdf`. */
  published?: string;
  maxShards?: number;
  pagesPerShard?: number;
  /** File to append `name=value` job outputs to (GitHub's $GITHUB_OUTPUT). */
  githubOutput?: string;
  record?: boolean;
  /** Fetch the unchanged PDFs from `published` into the site (the publish job); see takePublished. */
  takePublished?: boolean;
  /** With `record`: the most bytes the site may weigh (default PAGES_LIMIT_BYTES). */
  maxBytes?: number;
  log?: (line: string) => void;
}

/**
 * GitHub Pages' size limit for a published site: "The GitHub Pages officially supported maximum size limit is 1GB"
 * (actions/upload-pages-artifact's README), taken as 10^9 bytes.
 */
export const PAGES_LIMIT_BYTES = 1_000_000_000;

/** Published PDFs fetched at once by takePublished: enough to hide each request's latency, few enough to be polite. */
export const PUBLISHED_FETCHES = 8;

export interface ShardsPlan {
  /** Briefings taken from the previous publication. */
  reused: string[];
  shards: ShardShare[];
  /** Estimated pages to render in all. */
  pages: number;
}

/** Returns every briefing's input key in the built `site` (the settings `deals build` keys them with). */
async function siteKeys(site: string): Promise<{name: string; key: string}[]> {
  const briefings = (await readSiteBriefings(site)) ?? [];
  const base = {renderer: await rendererHash(), epoch: process.env.SOURCE_DATE_EPOCH ?? "", siteUrl: process.env.DEALS_SITE_URL ?? ""};
  const files = new Map<string, Promise<Buffer | null>>();
  const keys: {name: string; key: string}[] = [];
  for (const {name, paper} of briefings) keys.push({name, key: await pdfInputKey(site, name, {...base, paper}, files)});
  return keys;
}

/** Returns the bytes of `path` under the publication `from` (address or folder), or null when it is not there. */
async function fetchPublished(from: string, path: string): Promise<Buffer | null> {
  if (/^https?:\/\//.test(from)) {
    const response = await fetch(`${from.replace(/\/+$/, "")}/${path}`).catch(() => null);
    return response?.ok ? Buffer.from(await response.arrayBuffer()) : null;
  }
  return existsSync(join(from, path)) ? readFile(join(from, path)) : null;
}

/** Returns the PDFs the publication `published` recorded in its manifest (none when it has no readable manifest). */
async function publishedPdfs(published: string | undefined, log: (line: string) => void): Promise<NonNullable<Manifest["pdfs"]>> {
  if (!published) return {};
  const text = await fetchPublished(published, "manifest.json");
  if (!text) {
    log(`shards: no manifest at ${published}: every briefing is rendered`);
    return {};
  }
  // readManifest checks the format; it reads a file.
  const dir = await mkdtemp(join(tmpdir(), "deals-shards-"));
  try {
    await writeFile(join(dir, "manifest.json"), text);
    return (await readManifest(join(dir, "manifest.json")))?.pdfs ?? {};
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
}

/**
 * Plans the shards of `site` (see the module comment) and returns the plan: `reused` are the briefings whose input
 * key the publication's manifest recorded (fetched later, by takePublished), the shards hold the rest. A publication
 * that cannot be read counts as none: everything is rendered.
 */
export async function planShards({
  site,
  published,
  maxShards = MAX_SHARDS,
  pagesPerShard = PAGES_PER_SHARD,
  log = (line) => console.warn(line)
}: ShardsOptions): Promise<ShardsPlan> {
  const keys = await siteKeys(site);
  const previous = await publishedPdfs(published, log);
  const reused = keys.filter(({name, key}) => previous[name]?.key === key).map((k) => k.name);
  const render = keys.map((k) => k.name).filter((name) => !reused.includes(name));
  const estimates = estimatePages(render, Object.fromEntries(Object.entries(previous).map(([name, p]) => [name, p.pages])));
  const pages = render.reduce((sum, name) => sum + estimates[name], 0);
  const count = shardCount(pages, {pagesPerShard, maxShards});
  const shards = count
    ? assignShards(
        render.map((name) => ({name, pages: estimates[name]})),
        count
      )
    : [];
  log(
    `shards: ${reused.length} of ${keys.length} PDFs unchanged since the publication (taken from it when publishing); ${render.length} to render, about ${pages} pages, in ${count} shard${count === 1 ? "" : "s"} (${pagesPerShard} pages a shard, at most ${maxShards})`
  );
  return {reused, shards, pages};
}

/**
 * Fetches into `<site>/briefings/` every PDF the site lacks whose input key the publication recorded, at most
 * `concurrency` at a time, each kept only when its SHA-256 is the one recorded; returns the briefings taken and those
 * still without a PDF (to render: a published file missing or altered, or a briefing neither rendered nor unchanged).
 */
export async function takePublished({
  site,
  published,
  concurrency = PUBLISHED_FETCHES,
  log = (line) => console.warn(line)
}: {
  site: string;
  published?: string;
  concurrency?: number;
  log?: (line: string) => void;
}): Promise<{taken: string[]; missing: string[]}> {
  const keys = await siteKeys(site);
  const previous = await publishedPdfs(published, log);
  await mkdir(join(site, "briefings"), {recursive: true});
  const has = (name: string) => existsSync(join(site, "briefings", `${name}.pdf`));
  const wanted = keys.filter(({name, key}) => !has(name) && previous[name]?.key === key);
  const taken = new Set<string>();
  await eachAtMost(wanted, concurrency, async ({name}) => {
    const bytes = published ? await fetchPublished(published, `briefings/${name}.pdf`) : null;
    if (bytes && sha256(bytes) === previous[name].sha256) {
      await writeFile(join(site, "briefings", `${name}.pdf`), bytes);
      taken.add(name);
    } else log(`shards: ${name}.pdf is not at ${published} as its manifest recorded it: rendered here`);
  });
  const missing = keys.map((k) => k.name).filter((name) => !has(name));
  log(`shards: ${taken.size} unchanged PDFs taken from the publication; ${missing.length} still to render`);
  return {taken: keys.map((k) => k.name).filter((name) => taken.has(name)), missing};
}

/** Runs `work` on every item, at most `limit` at once; rejects with the first failure once all have settled. */
export async function eachAtMost<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]);
  };
  const lanes = await Promise.allSettled(Array.from({length: Math.max(1, Math.min(limit, items.length))}, lane));
  const failed = lanes.find((l): l is PromiseRejectedResult => l.status === "rejected");
  if (failed) throw failed.reason;
}

/** Returns the bytes of every file under `dir` and of the PDFs under `<dir>/briefings/`. */
export async function siteBytes(dir: string): Promise<{total: number; pdfs: number; files: number}> {
  let total = 0;
  let pdfs = 0;
  let files = 0;
  for (const entry of await readdir(dir, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const {size} = await stat(path);
    total += size;
    files++;
    if (path.startsWith(join(dir, "briefings")) && entry.name.endsWith(".pdf")) pdfs += size;
  }
  return {total, pdfs, files};
}

/** Returns `bytes` in GB (10^9 bytes) with two decimals: "1.23 GB". */
function gigabytes(bytes: number): string {
  return `${(bytes / 1e9).toFixed(2)} GB`;
}

/** Runs `deals shards`; returns the exit code. */
export async function shardsCommand(options: ShardsOptions): Promise<number> {
  try {
    if (options.takePublished) {
      const {missing} = await takePublished(options);
      // The briefings left to render, space-separated, for the publish job's fallback step.
      if (options.githubOutput) await appendFile(options.githubOutput, `missing=${missing.join(" ")}\n`);
      console.log(missing.join(" "));
      return 0;
    }
    if (options.record) {
      const keys = await siteKeys(options.site);
      const missing = keys.filter(({name}) => !existsSync(join(options.site, "briefings", `${name}.pdf`))).map((k) => k.name);
      if (missing.length) throw new Error(`no PDF for ${missing.join(", ")} in ${options.site}/briefings/`);
      await recordPdfs(options.site, Object.fromEntries(keys.map(({name, key}) => [name, key])));
      console.warn(`shards: recorded ${keys.length} PDFs in ${options.site}/manifest.json`);
      const limit = options.maxBytes ?? PAGES_LIMIT_BYTES;
      const size = await siteBytes(options.site);
      if (size.total > limit)
        throw new Error(
          `the site is ${gigabytes(size.total)} (${size.files} files; the PDF briefings ${gigabytes(size.pdfs)}, the rest ${gigabytes(size.total - size.pdfs)}), over the ${gigabytes(limit)} GitHub Pages publishes: see "Above GitHub Pages' 1 GB" in the README`
        );
      console.warn(`shards: the site is ${gigabytes(size.total)} of GitHub Pages' ${gigabytes(limit)} (PDFs ${gigabytes(size.pdfs)})`);
      return 0;
    }
    const plan = await planShards(options);
    const lines = [
      `count=${plan.shards.length}`,
      `matrix=${JSON.stringify(plan.shards.map((s) => s.index))}`,
      // Shard i's briefings, space-separated, at index i (index 0 is empty: workflow expressions have no arithmetic).
      `names=${JSON.stringify(["", ...plan.shards.map((s) => s.names.join(" "))])}`
    ];
    if (options.githubOutput) await appendFile(options.githubOutput, `${lines.join("\n")}\n`);
    console.log(JSON.stringify(plan, null, 1));
    return 0;
  } catch (error) {
    console.error(`deals shards: ${(error as Error).message}`);
    return 1;
  }
}
