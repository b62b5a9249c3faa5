/** The briefings a built site holds, read from the site itself (the output of docs/data/briefings.json.ts). */
import {existsSync} from "node:fs";
import {readdir, readFile} from "node:fs/promises";
import {join} from "node:path";
import type {Paper} from "../../../docs/components/briefing/paper.js";

export interface SiteBriefing {
  name: string;
  title: string;
  paper: Paper;
  deal?: string;
}

/**
 * Returns the briefings listed in `<site>/_file/data/briefings.<hash>.json`, in their order. Throws when the site
 * has no such file (not built with the briefings loader) or lacks a briefing's page `briefings/<name>.html` (the
 * pages are listed in `dynamicPaths` in observablehq.config.ts).
 */
export async function readSiteBriefings(site: string): Promise<SiteBriefing[]> {
  if (!existsSync(join(site, "index.html"))) throw new Error(`no built site in ${site}/ (run \`deals build --site-only\` first)`);
  const dir = join(site, "_file", "data");
  const files = existsSync(dir) ? (await readdir(dir)).filter((f) => /^briefings\.[0-9a-f]+\.json$/.test(f)) : [];
  if (files.length !== 1) throw new Error(`${site}/ has ${files.length ? "several" : "no"} _file/data/briefings.*.json; rebuild the site`);
  const {briefings} = JSON.parse(await readFile(join(dir, files[0]), "utf-8")) as {briefings: SiteBriefing[]};
  const missing = briefings.filter((b) => !existsSync(join(site, "briefings", `${b.name}.html`)));
  if (missing.length)
    throw new Error(
      `${site}/ lacks the briefing page${missing.length > 1 ? "s" : ""} ${missing.map((b) => `briefings/${b.name}.html`).join(", ")}: ` +
        "observablehq.config.ts must list them in dynamicPaths (...briefingPaths() from reports/briefings.ts)"
    );
  return briefings.map(({name, title, paper, deal}) => ({name, title, paper, deal}));
}
