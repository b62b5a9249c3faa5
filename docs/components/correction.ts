/**
 * "Suggest a correction": from each figure, a prefilled issue naming the figure, its value, status, sources and the
 * data version, as readers of data hubs ask for. The repository is the one the build knew (GitHub Actions, the git
 * remote or an explicit setting; see src/io/repository.ts), named in <meta name="deals-repository">. Without one
 * (a fresh clone with no remote) the same details are offered to copy, so the path works without an address.
 */
import {el} from "./dom.js";

/** What an issue needs to identify a figure. */
export interface CorrectionFigure {
  /** Figure key or lineage id when the caller knows it, e.g. "amazon-anthropic.commitment.total". */
  key?: string;
  /** The value as printed, e.g. "over $100B". */
  value: string;
  status: string;
  /** Source: id, publisher or title, and address. */
  source?: {id: string; label: string; url: string};
  /** The inputs of a derived figure (fact, chip and assumption ids), listed when there is no single source. */
  inputs?: readonly string[];
  /** The page the reader was on. */
  page?: string;
  /** The data version the page shows; read from the page when not given. */
  version?: string;
}

/**
 * Returns the key of a derived figure named `name` on a deal's page: `<deal>.<name>` when its fact inputs
 * (`<deal>.<path>`) all belong to one deal, else `name` (a market figure, or chips and assumptions only).
 *
 * @example figureKey("recycling.npv", ["amazon-anthropic.tranches.t1.amount", "assumption:discount-rate"]) // "amazon-anthropic.recycling.npv"
 */
export function figureKey(name: string, inputs: readonly string[]): string {
  const deals = new Set(inputs.filter((id) => !id.includes(":")).map((id) => id.split(".")[0]));
  return deals.size === 1 ? `${[...deals][0]}.${name}` : name;
}

/** Returns the issue title and body (the details a reader sends) for a figure. */
export function correctionText(figure: CorrectionFigure): {title: string; body: string} {
  const title = `Correction: ${figure.key ?? figure.value} (${figure.value})`;
  const lines = [
    "A figure on the site may be wrong.",
    "",
    `- Figure: ${figure.key ?? "(see page)"}`,
    `- Value shown: ${figure.value}`,
    `- Status shown: ${figure.status}`,
    figure.source
      ? `- Source: ${figure.source.label} (${figure.source.id}), ${figure.source.url}`
      : figure.inputs?.length
        ? `- Sources: derived from ${figure.inputs.join(", ")}`
        : "- Source: derived (see the figure's inputs)",
    figure.version ? `- Data version: ${figure.version}` : null,
    figure.page ? `- Page: ${figure.page}` : null,
    "",
    "What should it be, and where does that come from (a filing, the company's own statement, the outlet's own report)?",
    ""
  ].filter((line) => line !== null);
  return {title, body: lines.join("\n")};
}

/**
 * Returns the URL of a new issue in `repository` (https://<host>/owner/name) prefilled with the figure.
 *
 * @example correctionUrl("https://github.com/acme/deals", {key: "commitment.total", value: "over $100B", status: "confirmed"})
 * // "https://github.com/acme/deals/issues/new?title=Correction%3A+commitment.total+%28over+%24100B%29&body=…&labels=correction"
 */
export function correctionUrl(repository: string, figure: CorrectionFigure): string {
  const {title, body} = correctionText(figure);
  const query = new URLSearchParams({title, body, labels: "correction"});
  return `${repository.replace(/\/+$/, "")}/issues/new?${query}`;
}

/** Returns the repository the page names in <meta name="deals-repository"> (https://<host>/<owner>/<name>), or null. */
export function pageRepository(): string | null {
  if (typeof document === "undefined") return null;
  const content = document.querySelector('meta[name="deals-repository"]')?.getAttribute("content") ?? "";
  return /^https:\/\/[A-Za-z0-9.-]+(?::\d+)?\/[\w.-]+\/[\w.-]+$/.test(content) ? content : null;
}

/** Returns the data version the page prints ("data version 0123456789ab"), or undefined. */
export function pageVersion(): string | undefined {
  if (typeof document === "undefined") return undefined;
  const marked = document.querySelector("[data-data-version]")?.getAttribute("data-data-version");
  if (marked) return marked;
  return /data version ([0-9a-f]{12})/.exec(document.body?.textContent ?? "")?.[1];
}

/** Copies `text` to the clipboard; false when the browser refuses (no permission, insecure context). */
async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Returns the "copy correction details" control for a page with no repository: a pencil button that copies the
 * details (title and body, as an issue would carry them) and shows them in a small panel, selected, so a reader can
 * copy them by hand where the clipboard is refused. Escape or a second press closes the panel.
 */
function CopyCorrection(figure: CorrectionFigure): HTMLElement {
  const wrap = el("span", {class: "correction no-print"});
  const button = el(
    "button",
    {
      type: "button",
      class: "correction-copy",
      title: "Copy correction details (figure, value, status, sources, data version) to send to the editors",
      "aria-label": "copy correction details",
      "aria-expanded": "false"
    },
    "✎"
  );
  wrap.append(button);
  const close = () => {
    wrap.querySelector(".correction-panel")?.remove();
    button.setAttribute("aria-expanded", "false");
  };
  button.addEventListener("click", async (event) => {
    event.stopPropagation();
    if (wrap.querySelector(".correction-panel")) return close();
    const {title, body} = correctionText({...figure, version: figure.version ?? pageVersion()});
    const text = `${title}\n\n${body}`;
    const status = el("span", {class: "correction-status", role: "status"}, "");
    const area = el("textarea", {class: "correction-text", readonly: true, rows: 8, "aria-label": "correction details"});
    area.value = text;
    const done = el("button", {type: "button", class: "correction-close"}, "Close");
    done.addEventListener("click", (e) => {
      e.stopPropagation();
      close();
      button.focus();
    });
    wrap.append(
      el(
        "span",
        {class: "correction-panel", role: "dialog", "aria-label": "Correction details"},
        status,
        area,
        el("span", {class: "muted"}, "Send these details to the site's editors with what the figure should be and its source."),
        done
      )
    );
    button.setAttribute("aria-expanded", "true");
    area.focus();
    area.select();
    area.scrollTop = 0;
    status.textContent = (await copy(text)) ? "Correction details copied." : "Copy the correction details below.";
  });
  wrap.addEventListener("keydown", (event) => {
    if (event.key === "Escape") close();
  });
  return wrap;
}

/**
 * Returns the screen-only correction control for a figure: a link to a prefilled issue when the page names a
 * repository, otherwise a "copy correction details" button.
 */
export function CorrectionLink(figure: CorrectionFigure): HTMLElement {
  const repository = pageRepository();
  const page = figure.page ?? (typeof location === "undefined" ? undefined : location.pathname);
  if (!repository) return CopyCorrection({...figure, page});
  const link = el(
    "a",
    {
      class: "correction-link no-print",
      target: "_blank",
      rel: "noopener noreferrer",
      title: "Suggest a correction to this figure (opens a prefilled issue)",
      "aria-label": "suggest a correction"
    },
    "✎"
  );
  // The data version is read when the link is used: the page prints it after the figures are drawn.
  const refresh = () => {
    link.href = correctionUrl(repository, {...figure, page, version: figure.version ?? pageVersion()});
  };
  refresh();
  for (const type of ["pointerdown", "focus", "click"]) link.addEventListener(type, refresh);
  return link;
}
