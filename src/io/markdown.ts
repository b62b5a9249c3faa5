/**
 * Untrusted Markdown (deal summaries and notes, briefing text) → safe HTML. marked renders; DOMPurify (with jsdom)
 * sanitizes the output with an allow-list: no scripts, no event handlers, no images or iframes (nothing that could
 * fetch), links only to http(s), mailto and in-page anchors. Raw HTML in the Markdown is escaped, not rendered.
 */
import {createRequire} from "node:module";
import type DOMPurifyType from "isomorphic-dompurify";
import {Marked} from "marked";
import {cleanText, markdownHazard} from "./markdownHazard.js";
import {MAX_MARKDOWN} from "./schema.js";

const ALLOWED_TAGS = [
  "p",
  "br",
  "strong",
  "em",
  "b",
  "i",
  "code",
  "pre",
  "blockquote",
  "ul",
  "ol",
  "li",
  "a",
  "h3",
  "h4",
  "h5",
  "h6",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "hr",
  "del",
  "sup",
  "sub",
  "span"
];
const ALLOWED_ATTR = ["href", "title", "class"];
const ALLOWED_URI_REGEXP = /^(?:https?:|mailto:|#)/i;

const marked = new Marked({
  async: false,
  gfm: true,
  renderer: {
    // Notes are prose: raw HTML in them is shown as text, never interpreted.
    html({text}) {
      return escapeHtml(text);
    },
    image({text}) {
      return escapeHtml(text);
    }
  }
});

/**
 * DOMPurify with its jsdom window, loaded on first use: loading jsdom costs about 0.65 s of CPU, which every command
 * that imports this module (check, pdf, project, changes, serve) paid at start even when it sanitizes nothing.
 */
let DOMPurify: typeof DOMPurifyType | undefined;
function purifier(): typeof DOMPurifyType {
  if (!DOMPurify) {
    DOMPurify = createRequire(import.meta.url)("isomorphic-dompurify") as typeof DOMPurifyType;
    DOMPurify.addHook("afterSanitizeAttributes", (node) => {
      if (node.tagName === "A") {
        node.setAttribute("rel", "noopener noreferrer");
        if (/^https?:/i.test(node.getAttribute("href") ?? "")) node.setAttribute("target", "_blank");
      }
    });
  }
  return DOMPurify;
}

/** Returns text with &, <, >, " and ' escaped for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})[c]!);
}

/** Returns `html` sanitized with the allow-list above. */
export function sanitizeHtml(html: string): string {
  return purifier().sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: [...ALLOWED_ATTR, "rel", "target"],
    ALLOWED_URI_REGEXP,
    USE_PROFILES: undefined
  });
}

/**
 * Returns sanitized HTML for untrusted Markdown. Strips a byte-order mark, zero-width characters and
 * bidirectional overrides first (they can disguise text). Throws `invalid markdown: …` for text over the note
 * limit and for text that would make marked slow or crash (see {@link markdownHazard}), before marked runs.
 *
 * @example
 * renderMarkdown("**$5B** fresh") // "<p><strong>$5B</strong> fresh</p>\n"
 */
export function renderMarkdown(markdown: string, {inline = false}: {inline?: boolean} = {}): string {
  if (markdown.length > MAX_MARKDOWN) throw new Error(`invalid markdown: ${markdown.length} characters (limit ${MAX_MARKDOWN})`);
  const clean = cleanText(markdown);
  const hazard = markdownHazard(clean);
  if (hazard) throw new Error(`invalid markdown: line ${hazard.line}: ${hazard.message}`);
  let html: string;
  try {
    html = inline ? (marked.parseInline(clean) as string) : (marked.parse(clean) as string);
  } catch (error) {
    throw new Error(`invalid markdown: marked failed: ${String((error as Error).message ?? error).split("\n")[0]}`);
  }
  return sanitizeHtml(html);
}
