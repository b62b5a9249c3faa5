/**
 * Safe DOM building for components: strings always become text nodes (never HTML), so text from data files cannot
 * inject markup. The only HTML inserted as HTML is what `trustedHtml` receives: output of the build-time sanitizer.
 */

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

/** Appends children to a node; nested arrays are flattened and empty values skipped. */
export function append(node: Node, children: Child[]): Node {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
  return node;
}

/** Returns a `div` holding HTML that the build already sanitized (DOMPurify in src/io/markdown.ts). */
export function trustedHtml(sanitized: string, className = "prose"): HTMLDivElement {
  const div = document.createElement("div");
  div.className = className;
  div.innerHTML = sanitized;
  return div;
}
