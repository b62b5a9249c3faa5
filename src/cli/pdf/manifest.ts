/** The briefings a built site holds, read from the site itself (the output of docs/data/briefings.json.ts). */
import {existsSync} from "node:fs";
import {readdir, readFile} from "node:fs/promises";
import {join} from "node:path";
import type {Paper} from "../../core/paper.js";

export interface SiteBriefing {
  name: string;
  title: string;
  paper: Paper;
  deal?: string;
}

/** The hint printed when a site has no briefing pages. */
export const DYNAMIC_PATHS_HINT =
  "add ...briefingPaths() (from src/site/briefings.ts) to dynamicPaths in observablehq.config.ts, beside the deal pages";

/**
 * Returns the briefings listed in `<site>/_file/data/briefings.<hash>.json`, in their order, or null when the site
 * has no briefing page at all (built without them in dynamicPaths). Throws when there is no built site, or when
 * some briefing pages exist and others are missing.
 */
export async function readSiteBriefings(site: string): Promise<SiteBriefing[] | null> {
  if (!existsSync(join(site, "index.html"))) throw new Error(`no built site in ${site}/ (run \`deals build --site-only\` first)`);
  const pages = existsSync(join(site, "briefings")) ? (await readdir(join(site, "briefings"))).filter((f) => f.endsWith(".html")) : [];
  if (!pages.length) return null;
  const dir = join(site, "_file", "data");
  const files = existsSync(dir) ? (await readdir(dir)).filter((f) => /^briefings\.[0-9a-f]+\.json$/.test(f)) : [];
  if (files.length !== 1) throw new Error(`${site}/ has ${files.length ? "several" : "no"} _file/data/briefings.*.json; rebuild the site`);
  const {briefings} = JSON.parse(await readFile(join(dir, files[0]), "utf-8")) as {briefings: SiteBriefing[]};
  const missing = briefings.filter((b) => !pages.includes(`${b.name}.html`));
  if (missing.length)
    throw new Error(
      `${site}/ lacks the briefing page${missing.length > 1 ? "s" : ""} ${missing.map((b) => `briefings/${b.name}.html`).join(", ")}: ${DYNAMIC_PATHS_HINT}`
    );
  return briefings.map(({name, title, paper, deal}) => ({name, title, paper, deal}));
}
