/**
 * Safe DOM building for components: strings always become text nodes (never HTML), so text from data files cannot
 * inject markup. The only HTML inserted as HTML is what `trustedHtml` receives: output of the build-time sanitizer.
 */

import {figureRuns} from "../lib/core.js";

export type Child = Node | string | number | null | undefined | false | Child[];

/** Attributes whose value is a URL that the browser may load or navigate to. */
const URL_ATTRIBUTE = /^(?:href|src|srcset|action|formaction|poster|data|xlink:href|ping|background|cite|manifest|codebase)$/i;

/**
 * URLs an attribute may hold: http(s), mailto, an in-page anchor or query, or a path on this site (`/x`, `./x`, `../x`,
 * `x/y`), but not a protocol-relative `//host` or `/\host` (another site) and no other scheme (javascript:, data:,
 * vbscript:, file:). White space or control characters before the scheme fail too.
 */
const SAFE_URL = /^(?:https?:|mailto:|[#?]|\.{0,2}\/(?![/\\])|[\w-]+(?:\.\w+)?(?:[/?#]|$))/i;

/**
 * Returns an element with attributes (strings; `class` allowed) and children (strings become text nodes).
 * Throws `invalid attribute: <name>` for an event handler (`on…`) or `srcdoc` (both would run markup); drops a
 * URL attribute (href, src, action…) whose value is not a safe URL (see SAFE_URL).
 *
 * @example
 * el("a", {href: source.url, class: "source"}, source.title) // <a href="https://…" class="source">title as text</a>
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (/^on|^srcdoc$/i.test(key)) throw new Error(`invalid attribute: ${key}`);
    if (URL_ATTRIBUTE.test(key) && !SAFE_URL.test(String(value))) continue;
    node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

/** Elements whose content must stay plain text (no span may go inside). */
const TEXT_ONLY = /^(?:OPTION|TITLE|TEXTAREA|STYLE|SCRIPT)$/;

/** Appends children to a node; nested arrays are flattened and empty values skipped. */
export function append(node: Node, children: Child[]): Node {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else if (typeof child === "string" || typeof child === "number") appendText(node, String(child));
    else node.appendChild(child);
  }
  return node;
}

/**
 * Appends text, each figure in it ("up to 5 GW", "over 9.09 GW-years", "about −$3.41B") in a `span.figure-run`
 * that does not break across lines (figureRuns, in the figure vocabulary); the text itself is unchanged.
 */
function appendText(node: Node, text: string): void {
  const runs = node.nodeType === 1 && !TEXT_ONLY.test((node as Element).tagName) ? figureRuns(text) : [];
  if (runs.length < 2 && !runs[0]?.figure) {
    node.appendChild(document.createTextNode(text));
    return;
  }
  appendRuns(node, runs);
}

/** Appends runs of text: a figure in a `span.figure-run`, the text between as text nodes. */
function appendRuns(node: Node, runs: readonly {text: string; figure: boolean}[]): void {
  for (const run of runs) {
    if (!run.figure) node.appendChild(document.createTextNode(run.text));
    else {
      const span = document.createElement("span");
      span.className = "figure-run";
      span.textContent = run.text;
      node.appendChild(span);
    }
  }
}

/**
 * Returns `text` in a `span` whose figures do not break across lines (for a page's inline `${…}` text: a figure in
 * a heading or a dek, "about −$15.3B", would otherwise break after the minus sign or a bound word).
 *
 * @example runs("worth about −$15.3B") // <span>worth <span class="figure-run">about −$15.3B</span></span>
 */
export function runs(text: string): HTMLSpanElement {
  return el("span", {}, text);
}

/**
 * Returns a `div` holding HTML that the build already sanitized (DOMPurify in src/io/markdown.ts). Its figures do not
 * break across lines either: each text node is split into runs as appendText splits a string (page 1's call and
 * takeaways are summaries rendered from Markdown, where "about −$34.7B" broke after the minus sign).
 */
export function trustedHtml(sanitized: string, className = "prose"): HTMLDivElement {
  const div = document.createElement("div");
  div.className = className;
  div.innerHTML = sanitized;
  const walker = document.createTreeWalker(div, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  for (const text of texts) {
    const parent = text.parentNode;
    if (!parent || TEXT_ONLY.test((parent as Element).tagName ?? "")) continue;
    const runs = figureRuns(text.data);
    if (!runs.some((r) => r.figure)) continue;
    const pieces = document.createDocumentFragment();
    appendRuns(pieces, runs);
    parent.replaceChild(pieces, text);
  }
  return div;
}
