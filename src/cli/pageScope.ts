/**
 * Which built pages a build's later steps (page heads, the site check, the prerender, file dates, the PDF keys) read
 * and write. A full build: every page. A relinked build (only data changed, src/cli/relink.ts) starts from a byte copy
 * of the previous build, whose pages those steps finished; what differs is the pages the relink re-pointed at new data
 * files. So those steps take: the pages re-pointed, every page that is not one deal's own (the topic pages, bounded
 * whatever the number of deals), and a deal page whose link-preview card is not the previous build's (its head names
 * the card). A deal's own pages (`deals/<id>.html`, `briefings/<name>.html`) load only files named by their content
 * (modules, fonts, their data file), so one left as it was loads the same bytes as before. Issue #18: a rebuild after
 * one deal changes no longer reads and rewrites every deal's pages.
 */
import type {CardPlan} from "./ogCards.js";

/** Whether the build's later steps take the page `file` (site-relative, `deals/x.html`). */
export type PageScope = (file: string) => boolean;

/** Every page (a full build). */
export const EVERY_PAGE: PageScope = () => true;

/**
 * Whether `file` is one deal's own page: its page or a briefing's print page.
 *
 * @example isDealPage("deals/amd-openai.html") // true; isDealPage("deals.html") // false
 */
export function isDealPage(file: string): boolean {
  return /^(deals|briefings)\/[^/]+\.html$/.test(file);
}

/**
 * Returns the scope of a relinked build: the pages the relink `rewritten`, the pages not of one deal, and the deal
 * pages whose head names another card than the previous build's: a card drawn anew, or none where the previous build
 * had one. A deal page without a card in either build (a site-only build after another, a test run's) keeps its head:
 * at 300 deals a site-only rebuild took every deal page (312 pages prerendered for 20 changed files).
 *
 * @example relinkedScope(["deals/a.html"], plan)("deals/b.html") // false when b's card was kept
 */
export function relinkedScope(rewritten: readonly string[], cards: CardPlan | null): PageScope {
  const written = new Set(rewritten);
  return (file) => {
    if (!isDealPage(file) || written.has(file)) return true;
    if (!file.startsWith("deals/")) return false;
    const page = `/${file.replace(/\.html$/, "")}`;
    const card = cards?.pages.get(page);
    if (card) return card.draw;
    return cards ? cards.previouslyNamed.has(page) : true;
  };
}
