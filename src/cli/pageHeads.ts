/**
 * Gives every built page its own head: `<html lang="en">`, a title per deal page ("Amazon → Anthropic |
 * compute-deals", where Framework writes the route's front-matter title "Deal" on every one) and a meta description
 * with its link-preview twins. Framework has no per-route title for a parameterized page, so the build writes them
 * into the HTML it produced.
 */
import {readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {listDeals} from "../io/dealIndex.js";

/** The site's name, as observablehq.config.ts `title` writes it after every page title. */
export const SITE_TITLE = "compute-deals";

/** One sentence per topic page, for search results and link previews. */
export const PAGE_DESCRIPTIONS: Record<string, string> = {
  index: "AI compute mega-deals explained from sourced figures: who invests in whom, what the commitments buy, and who earns what.",
  capacity: "What each deal's gigawatts mean in accelerators, servers, buildings, energy and compute, year by year as they come online.",
  commitment: "What each deal's dollar commitment buys in GW-years at today's prices, against the capacity ceiling.",
  recycling: "How much of each investment comes back to the investor as cloud revenue and operating profit, and when.",
  roadmap: "Which chip generations fill each deal's capacity, and their compute per watt and per dollar.",
  options: "The rights on future chips in each deal, valued as options, with the four questions every option raises.",
  comparison:
    "Every AI compute deal side by side on the same measures: dollars per GW, commitment per dollar invested, hardware, governance.",
  signals: "Five signals to watch in AI compute deals, with dated evidence and a status for each deal.",
  methodology: "How every figure is computed, from which sourced facts and assumptions, and the sources behind them.",
  changes: "What changed in the figures since the previous edition, deal by deal."
};

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Returns `html` with `lang="en"` on its `<html>`, its `<title>` replaced by `title` (when given) and a meta
 * description (with Open Graph title and description) written after the title; tags it wrote before are replaced,
 * so running it twice gives the same page.
 *
 * @example withPageHead("<html><head><title>Deal | x</title></head>", {title: "A → B | x", description: "D"})
 */
export function withPageHead(html: string, {title, description}: {title?: string; description?: string}): string {
  let out = html.replace(/<html(?![^>]*\blang=)([^>]*)>/i, '<html lang="en"$1>');
  if (title !== undefined) out = out.replace(/<title>[^<]*<\/title>/i, `<title>${escapeHtml(title)}</title>`);
  out = out.replace(/\n?<meta (?:name="description"|property="og:[a-z]+") content="[^"]*" data-page-head>/g, "");
  const pageTitle = /<title>([^<]*)<\/title>/i.exec(out)?.[1];
  const tags = [
    description ? `<meta name="description" content="${escapeHtml(description)}" data-page-head>` : "",
    pageTitle ? `<meta property="og:title" content="${pageTitle}" data-page-head>` : "",
    description ? `<meta property="og:description" content="${escapeHtml(description)}" data-page-head>` : ""
  ].filter(Boolean);
  return tags.length ? out.replace(/<\/title>/i, `</title>\n${tags.join("\n")}`) : out;
}

/** Returns the description of a deal's page. */
export function dealDescription(name: string): string {
  return `${name}: what the deal invests and commits, what capacity it buys, how much comes back to the investor, with every figure's source and status.`;
}

/**
 * Writes the heads of the pages built in `dir` from the deals under `dataDir`: each deal page's title and
 * description, and each topic page's description. Pages that are not there are skipped.
 */
export async function writePageHeads(dir: string, dataDir: string): Promise<number> {
  const pages: {file: string; title?: string; description: string}[] = [
    ...listDeals(dataDir).map(({id, name}) => ({
      file: join("deals", `${id}.html`),
      title: `${name} | ${SITE_TITLE}`,
      description: dealDescription(name)
    })),
    ...Object.entries(PAGE_DESCRIPTIONS).map(([page, description]) => ({file: `${page}.html`, description}))
  ];
  let written = 0;
  for (const {file, title, description} of pages) {
    const path = join(dir, file);
    let html: string;
    try {
      html = await readFile(path, "utf-8");
    } catch {
      continue;
    }
    await writeFile(path, withPageHead(html, {title, description}));
    ++written;
  }
  return written;
}
