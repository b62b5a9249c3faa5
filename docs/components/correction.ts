/**
 * "Suggest a correction": a link from each figure to a prefilled GitHub issue naming the figure, its value, status
 * and source, as readers of data hubs ask for. The repository comes from package.json (see src/io/repository.ts)
 * through a <meta name="deals-repository"> the site configuration writes; without it no link is drawn.
 */
import {el} from "./dom.js";

/** What an issue needs to identify a figure. */
export interface CorrectionFigure {
  /** Figure key or lineage id when the caller knows it, e.g. "commitment.total" or "amazon-anthropic.tranches.t2026.amount". */
  key?: string;
  /** The value as printed, e.g. "over $100B". */
  value: string;
  status: string;
  /** Source: id, publisher or title, and address. */
  source?: {id: string; label: string; url: string};
  /** The page the reader was on. */
  page?: string;
}

/**
 * Returns the URL of a new issue in `repository` (https://github.com/owner/name) prefilled with the figure.
 *
 * @example correctionUrl("https://github.com/acme/deals", {key: "commitment.total", value: "over $100B", status: "confirmed"})
 * // "https://github.com/acme/deals/issues/new?title=Correction%3A+commitment.total+%28over+%24100B%29&body=…&labels=correction"
 */
export function correctionUrl(repository: string, figure: CorrectionFigure): string {
  const title = `Correction: ${figure.key ?? figure.value} (${figure.value})`;
  const lines = [
    "A figure on the site may be wrong.",
    "",
    `- Figure: ${figure.key ?? "(see page)"}`,
    `- Value shown: ${figure.value}`,
    `- Status shown: ${figure.status}`,
    figure.source
      ? `- Source: ${figure.source.label} (${figure.source.id}), ${figure.source.url}`
      : "- Source: derived (see the figure's inputs)",
    figure.page ? `- Page: ${figure.page}` : null,
    "",
    "What should it be, and where does that come from (a filing, the company's own statement, the outlet's own report)?",
    ""
  ].filter((line) => line !== null);
  const query = new URLSearchParams({title, body: lines.join("\n"), labels: "correction"});
  return `${repository.replace(/\/+$/, "")}/issues/new?${query}`;
}

/** Returns the repository the page names in <meta name="deals-repository">, or null. */
export function pageRepository(): string | null {
  if (typeof document === "undefined") return null;
  const content = document.querySelector('meta[name="deals-repository"]')?.getAttribute("content") ?? "";
  return /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/.test(content) ? content : null;
}

/** Returns a small "suggest a correction" link for the figure (screen only), or null without a repository. */
export function CorrectionLink(figure: CorrectionFigure): HTMLElement | null {
  const repository = pageRepository();
  if (!repository) return null;
  const page = figure.page ?? (typeof location === "undefined" ? undefined : location.pathname);
  return el(
    "a",
    {
      class: "correction-link no-print",
      href: correctionUrl(repository, {...figure, page}),
      target: "_blank",
      rel: "noopener noreferrer",
      title: "Suggest a correction to this figure (opens a prefilled GitHub issue)",
      "aria-label": "suggest a correction"
    },
    "✎"
  );
}
