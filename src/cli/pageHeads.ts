/**
 * Gives every built page its own head: `<html lang="en">`, a title per deal page ("Amazon → Anthropic |
 * compute-deals", where Framework writes the route's front-matter title "Deal" on every one), a meta description
 * with its link-preview twins, a viewport that lets a reader zoom, and the fonts as woff2 files (`_fonts/`, the
 * first screen's preloaded). Framework has no per-route title for a parameterized page and cannot bundle a font
 * file into a stylesheet, so the build writes them into the HTML it produced.
 */
import {createHash} from "node:crypto";
import {mkdir, readdir, readFile, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {listDeals} from "../io/dealIndex.js";
import {type PreviewImage, previewTags} from "../site/ogCard.js";
import {type FontFace, fallbackFaceRules, fontFaceRule, readFontFaces} from "./fontFaces.js";
import {type CardPlan, previewImage} from "./ogCards.js";
import {EVERY_PAGE, type PageScope} from "./pageScope.js";

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
  changes: "What changed in the figures since the previous edition, deal by deal.",
  deals: "Every AI compute deal in the data: search, filter and sort by party, chip and figure, each with its own page and PDF briefing.",
  downloads: "Every figure, fact and assumption behind the site as CSV and JSON files, with the data version they come from."
};

/**
 * The fonts the first screen draws with (headline, kicker, figures and their bounds, the summary and its bold
 * figures): preloaded, so they arrive with the stylesheet and a late swap does not reflow the first screen (one font
 * found only when the text needing it was laid out shifted the summary by 0.1–0.2 CLS). The serif's 600 and italic
 * are found later, below the fold.
 */
const PRELOADED = new Set([
  "inter-latin-400-normal.woff2",
  "inter-latin-500-normal.woff2",
  "inter-latin-600-normal.woff2",
  "inter-latin-700-normal.woff2",
  "source-serif-4-latin-400-normal.woff2",
  "source-serif-4-latin-700-normal.woff2"
]);

/** A font as the built site serves it: its face and its site-relative path with a content hash. */
export interface ServedFont extends FontFace {
  /** e.g. `_fonts/inter-latin-400-normal.1a2b3c4d.woff2` */
  path: string;
}

/**
 * Copies the woff2 files of `fontsDir` into `<dir>/_fonts/` under names with a hash of their content (so a changed
 * font gets a new address and caches cannot serve the old one), removing earlier copies; returns them.
 */
export async function writeFontFiles(dir: string, fontsDir = "docs/fonts"): Promise<ServedFont[]> {
  const out = join(dir, "_fonts");
  await rm(out, {recursive: true, force: true});
  await mkdir(out, {recursive: true});
  const served: ServedFont[] = [];
  for (const face of await readFontFaces(fontsDir)) {
    const bytes = await readFile(join(fontsDir, face.file));
    const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 8);
    const name = face.file.replace(/\.woff2$/, `.${hash}.woff2`);
    await writeFile(join(out, name), bytes);
    served.push({...face, path: `_fonts/${name}`});
  }
  return served;
}

/**
 * Returns the head HTML that loads `fonts` on a page `depth` folders below the site's root: a preload for each font
 * of the first screen, the @font-face rules, with addresses relative to the page, and the metric-matched fallback
 * faces (src/cli/fontMetrics.ts: local faces scaled to the house fonts' line widths, with their ascent and descent).
 * On a page a reader opens, the first screen's fonts are `font-display: optional`: preloaded, they are almost always
 * there by the first paint (Chromium holds the first paint briefly for a preloaded optional font); when one is late (a
 * slow network, a busy phone) the page keeps the fallback face rather than swapping. Issue #19 asked for `swap`; with
 * the matched fallbacks a late swap (fonts held 1.5 s) still moved the first screen by more than 0.1 on some pages
 * (/capacity at 1280 px 0.12 twice; a deal page at 390 px 0.24 once): a paragraph a few pixels from a line break
 * wraps differently in the house font, and moves what follows. The other fonts, drawn below the first screen, and
 * every font of a briefing page (`print`: the PDF renderer waits for every font, and a PDF must embed the house
 * fonts) are `swap`.
 *
 * @example fontHead(fonts, 1) // '<link rel="preload" href="../_fonts/inter-latin-700-normal.1a2b3c4d.woff2" …>…'
 */
export function fontHead(fonts: readonly ServedFont[], depth: number, {print = false}: {print?: boolean} = {}): string {
  const prefix = "../".repeat(depth);
  const preloads = fonts
    .filter((f) => PRELOADED.has(f.file))
    .map((f) => `<link rel="preload" href="${prefix}${f.path}" as="font" type="font/woff2" crossorigin data-page-head>`);
  const rules = [
    ...fonts.map((f) => fontFaceRule(f, `"${prefix}${f.path}"`, !print && PRELOADED.has(f.file) ? "optional" : "swap")),
    ...fallbackFaceRules(fonts)
  ];
  // Without JavaScript, a placeholder the build could not fill (a chart) would spin for ever, and a control could not
  // work: hide them.
  const noscript =
    "<noscript data-page-head><style>observablehq-loading:not(.prerendered), observablehq-loading.prerendered[data-control] {display: none;}</style></noscript>";
  return [...preloads, `<style data-page-head>\n${rules.join("\n")}\n</style>`, noscript].join("\n");
}

/**
 * Returns `html` without the `<link rel="modulepreload">` tags Framework writes for every module a page's cells
 * import, keeping those of its own client (`_observablehq/`, which the page's inline module imports at once). The
 * first screen is in the HTML (src/cli/prerender.ts), so a reader needs the stylesheet and the fonts first; with every
 * module preloaded, 20–30 scripts (about 200 kB on /methodology, Plot's 92 kB among them) competed with them, and
 * Lighthouse's simulated phone counts every request that ended before the first paint as needed for it: its LCP moved
 * from 2.3 to 3.9 s between runs of the same page as the first paint came before or after the scripts arrived (issue
 * #19). Without the preloads the page's modules load when its cells import them, after the first paint.
 *
 * @example withoutModulePreloads('<link rel="modulepreload" href="./_import/lib/plot.js">') // ""
 */
export function withoutModulePreloads(html: string): string {
  return html.replace(/\n?<link rel="modulepreload" href="(?![^"]*_observablehq\/)[^"]*">/g, "");
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Returns `html` with `lang="en"` on its `<html>`, a viewport that allows zooming (Framework's sets
 * `maximum-scale=1`), Framework's sidebar made valid (its close label out of the list, the toggle named), its `<title>` replaced by `title` (when given), a meta description (with Open Graph title and
 * description) and `head` (more head HTML: the fonts) written after the title; tags it wrote before are replaced, so
 * running it twice gives the same page.
 *
 * @example withPageHead("<html><head><title>Deal | x</title></head>", {title: "A → B | x", description: "D"})
 */
export function withPageHead(
  html: string,
  {title, description, head, image}: {title?: string; description?: string; head?: string; image?: PreviewImage | null}
): string {
  // The first <html tag is the document's; a later one may be text in a script (a comment naming <html data-ready>).
  let out = html.replace(/<html\b([^>]*)>/i, (tag, attributes: string) =>
    /\blang=/.test(attributes) ? tag : `<html lang="en"${attributes}>`
  );
  out = out.replace(/(<meta name="viewport" content="[^"]*?),\s*maximum-scale=1(")/i, "$1$2");
  // Framework's sidebar: the close button's <label> sits inside an <ol> (a list may hold only <li>), and the toggle is
  // named by its title alone; axe counts both as serious.
  out = out
    .replace(/(<ol>)(\s*)(<label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"><\/label>)/, "$3$2$1")
    .replace(
      /<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">/,
      '<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar" aria-label="Toggle sidebar">'
    );
  if (title !== undefined) out = out.replace(/<title>[^<]*<\/title>/i, `<title>${escapeHtml(title)}</title>`);
  out = out
    .replace(/\n?<(?:meta|link) [^>]*\bdata-page-head>/g, "")
    .replace(/\n?<style data-page-head>[\s\S]*?<\/style>/g, "")
    .replace(/\n?<noscript data-page-head>[\s\S]*?<\/noscript>/g, "");
  const pageTitle = /<title>([^<]*)<\/title>/i.exec(out)?.[1];
  const tags = [
    description ? `<meta name="description" content="${escapeHtml(description)}" data-page-head>` : "",
    pageTitle ? `<meta property="og:title" content="${pageTitle}" data-page-head>` : "",
    description ? `<meta property="og:description" content="${escapeHtml(description)}" data-page-head>` : "",
    image === undefined ? "" : previewTags(image),
    head ?? ""
  ].filter(Boolean);
  return tags.length ? out.replace(/<\/title>/i, `</title>\n${tags.join("\n")}`) : out;
}

/** Returns the description of a deal's page. */
export function dealDescription(name: string): string {
  return `${name}: what the deal invests and commits, what capacity it buys, how much comes back to the investor, with every figure's source and status.`;
}

/**
 * Writes the heads of the pages built in `dir` from the deals under `dataDir`: each deal page's title and
 * description, each topic page's description, and on every page (briefings included) the fonts, which it copies
 * into `<dir>/_fonts/` (`known`: the checked deals' names by id, see listDeals); the pages readers open lose their
 * module preloads ({@link withoutModulePreloads}). Only the pages `scope` takes are read (a relinked build's others
 * have their heads already, see pageScope.ts), unless a probe among the others shows every head changed; `changed`
 * receives the pages whose head changed. Returns the number of pages taken.
 */
export async function writePageHeads(
  dir: string,
  dataDir: string,
  cards: CardPlan | null = null,
  known?: ReadonlyMap<string, string>,
  scope: PageScope = EVERY_PAGE,
  changed?: Set<string>
): Promise<number> {
  const heads = new Map<string, {title?: string; description?: string}>([
    ...listDeals(dataDir, known).map(
      ({id, name}) => [`deals/${id}.html`, {title: `${name} | ${SITE_TITLE}`, description: dealDescription(name)}] as const
    ),
    ...Object.entries(PAGE_DESCRIPTIONS).map(([page, description]) => [`${page}.html`, {description}] as const)
  ]);
  const fonts = await writeFontFiles(dir);
  const all = (await readdir(dir, {recursive: true}))
    .map((f) => String(f).split("\\").join("/"))
    .filter((f) => f.endsWith(".html"))
    .sort();
  /** Writes the head of `file`; returns whether it changed. */
  const rewrite = async (file: string): Promise<boolean> => {
    const path = join(dir, file);
    const html = await readFile(path, "utf-8");
    const depth = file.split("/").length - 1;
    // The page's address: "deals/x.html" → "/deals/x", "index.html" → "/".
    const page = `/${file.replace(/(^|\/)index\.html$/, "").replace(/\.html$/, "")}`;
    const image = cards ? previewImage(cards, page, depth) : undefined;
    // The briefing pages keep their module preloads: the PDF renderer loads them on the build's machine and waits for
    // every module before printing.
    const written = withPageHead(html, {...heads.get(file), head: fontHead(fonts, depth, {print: file.startsWith("briefings/")}), image});
    const next = file.startsWith("briefings/") ? written : withoutModulePreloads(written);
    // A relinked build's pages mostly have their heads already: a page left as it was is not written again.
    if (next === html) return false;
    await writeFile(path, next);
    changed?.add(file);
    return true;
  };
  let files = all.filter(scope);
  // A deal page and a print page the scope leaves out, as probes: when one's head changes (another site address in
  // $DEALS_SITE_URL, which the og:image carries), every page's does, and every page is taken.
  const left = all.filter((f) => !scope(f));
  for (const probe of [left.find((f) => f.startsWith("deals/")), left.find((f) => f.startsWith("briefings/"))])
    if (probe && (await rewrite(probe))) {
      files = all;
      break;
    }
  for (const file of files) await rewrite(file);
  return files.length;
}
