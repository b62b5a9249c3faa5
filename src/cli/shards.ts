/**
 * `deals shards`: what CI runs between building the site and rendering the briefings. It keys every briefing of the
 * built site (pdf/reuse.ts), takes from the previous publication each PDF whose inputs did not change (checked by its
 * SHA-256), and splits the rest into shards balanced by pages (pdf/shards.ts), written as job outputs for the
 * workflow's matrix. With `--record`, after the shards' PDFs are merged into the site, it writes every PDF's key,
 * SHA-256 and pages into the site's manifest, for the next run.
 */
import {existsSync} from "node:fs";
import {appendFile, mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
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
  log?: (line: string) => void;
}

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

/**
 * Plans the shards of `site` (see the module comment) and returns the plan; reused PDFs are written into
 * `<site>/briefings/`. A publication that cannot be read counts as none: everything is rendered.
 */
export async function planShards({
  site,
  published,
  maxShards = MAX_SHARDS,
  pagesPerShard = PAGES_PER_SHARD,
  log = (line) => console.warn(line)
}: ShardsOptions): Promise<ShardsPlan> {
  const keys = await siteKeys(site);
  let previous: Manifest["pdfs"] = {};
  if (published) {
    const text = await fetchPublished(published, "manifest.json");
    if (text) {
      // readManifest checks the format; it reads a file.
      const dir = await mkdtemp(join(tmpdir(), "deals-shards-"));
      await writeFile(join(dir, "manifest.json"), text);
      previous = (await readManifest(join(dir, "manifest.json")))?.pdfs ?? {};
      await rm(dir, {recursive: true, force: true});
    } else log(`shards: no manifest at ${published}: every briefing is rendered`);
  }
  const reused: string[] = [];
  await mkdir(join(site, "briefings"), {recursive: true});
  for (const {name, key} of keys) {
    const recorded = previous[name];
    if (!published || recorded?.key !== key) continue;
    const bytes = await fetchPublished(published, `briefings/${name}.pdf`);
    if (bytes && sha256(bytes) === recorded.sha256) {
      await writeFile(join(site, "briefings", `${name}.pdf`), bytes);
      reused.push(name);
    }
  }
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
    `shards: ${reused.length} of ${keys.length} PDFs unchanged and taken from the publication; ${render.length} to render, about ${pages} pages, in ${count} shard${count === 1 ? "" : "s"} (${pagesPerShard} pages a shard, at most ${maxShards})`
  );
  return {reused, shards, pages};
}

/** Runs `deals shards`; returns the exit code. */
export async function shardsCommand(options: ShardsOptions): Promise<number> {
  try {
    if (options.record) {
      const keys = await siteKeys(options.site);
      const missing = keys.filter(({name}) => !existsSync(join(options.site, "briefings", `${name}.pdf`))).map((k) => k.name);
      if (missing.length) throw new Error(`no PDF for ${missing.join(", ")} in ${options.site}/briefings/`);
      await recordPdfs(options.site, Object.fromEntries(keys.map(({name, key}) => [name, key])));
      console.warn(`shards: recorded ${keys.length} PDFs in ${options.site}/manifest.json`);
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
