/** What the renderer checks and fixes on a briefing page before printing it. */
import type {Page} from "puppeteer-core";
import {LANDSCAPE_CLASS} from "../../core/paper.js";
import type {PageLog} from "../browser.js";

/** A document that the page itself refused: an error block, a console error, a blocked request. Not retried. */
export class DocumentError extends Error {
  override name = "DocumentError";
}

/**
 * Returns a warning for the page's content box when it is not the paper's printable width, for each chart, table or
 * figure wider than its page's printable width (`landscape` inside `.print-landscape`): it would be cut; and for each
 * card whose content is wider than its box (a big figure run past the card's edge, critic s8 M9).
 *
 * @example await overflowing(page, 672, 1001) // ["table.comparison-deals is 723 px wide, wider than the printable 672 px"]
 * @example await overflowing(page, 642, 1001) // ["a card's content overflows its box by 31 px: \"about 41.7 GW-years\""]
 */
export async function overflowing(page: Page, width: number, landscape: number): Promise<string[]> {
  return page.evaluate(
    (width: number, landscape: number, landscapeClass: string) => {
      const main = document.querySelector("main")?.getBoundingClientRect();
      if (!main) return ["the page has no <main>"];
      const warnings =
        Math.abs(main.width - width) > 1 ? [`the content is ${Math.round(main.width)} px wide, not the paper's ${width} px`] : [];
      for (const node of document.querySelectorAll("main svg, main table, main figure, main img, main pre")) {
        const box = node.getBoundingClientRect();
        const limit = node.closest(`.${landscapeClass}`) ? landscape : width;
        if (box.width > limit + 1 || box.left < main.left - 1) {
          const name = `${node.tagName.toLowerCase()}${node.getAttribute("class") ? `.${String(node.getAttribute("class")).split(" ")[0]}` : ""}`;
          warnings.push(`${name} is ${Math.round(box.width)} px wide, wider than the printable ${limit} px`);
        }
      }
      // A card or its big figure whose content is wider than its box: the figure runs past the card's edge.
      for (const card of document.querySelectorAll<HTMLElement>("main .card")) {
        const parts = [card, ...card.querySelectorAll<HTMLElement>(".big")].filter((n) => n.clientWidth > 0);
        const over = Math.max(...parts.map((n) => n.scrollWidth - n.clientWidth));
        if (over > 1) {
          // The figure's own words, without its badge's and tooltip's text.
          const value = (card.querySelector(".big .figure-run") ?? card.querySelector(".big") ?? card).textContent ?? "";
          warnings.push(`a card's content overflows its box by ${over} px: "${value.replace(/\s+/g, " ").trim().slice(0, 60)}"`);
        }
      }
      return warnings;
    },
    width,
    landscape,
    LANDSCAPE_CLASS
  );
}

/**
 * Points links to other pages of the site at `siteUrl`, or removes them without one (they would print the local
 * server's address, which changes every run and leads nowhere). Links within the document and to other sites
 * stay as they are.
 *
 * @example await relinkSite(page, "https://example.org/compute-deals")
 */
export async function relinkSite(page: Page, siteUrl: string | undefined): Promise<void> {
  await page.evaluate((siteUrl: string | null) => {
    for (const a of document.querySelectorAll<HTMLAnchorElement>("a[href]")) {
      const url = new URL(a.href, location.href);
      if (url.origin !== location.origin || (url.pathname === location.pathname && url.hash)) continue;
      if (siteUrl) a.href = `${siteUrl.replace(/\/+$/, "")}${url.pathname}${url.hash}`;
      else a.removeAttribute("href");
    }
  }, siteUrl ?? null);
}

/**
 * Returns the log's errors and refused requests as "; console: …; blocked request: …" text, or "" for a clean log.
 *
 * @example problems({errors: ["boom"], blocked: []}) // "; console: boom"
 */
export function problems(log: PageLog): string {
  return [...log.errors.map((text) => `; console: ${text}`), ...log.blocked.map((url) => `; blocked request: ${url}`)].join("");
}

/**
 * Resolves when the page shows no error block and its log no console error or refused request; otherwise throws a
 * {@link DocumentError} naming the briefing and every problem.
 *
 * @example await refuseProblems(page, log, "market")
 */
export async function refuseProblems(page: Page, log: PageLog, name: string): Promise<void> {
  const blocks = await page.$$eval(".observablehq--error", (nodes) => nodes.map((n) => (n.textContent ?? "").trim().slice(0, 300)));
  const problems = [
    ...blocks.map((text) => `error in the page: ${text}`),
    ...log.errors.map((text) => `console: ${text}`),
    ...log.blocked.map((url) => `blocked request: ${url}`)
  ];
  if (problems.length) throw new DocumentError(`${name}: ${problems.join("; ")}`);
}
