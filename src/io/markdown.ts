/**
 * Untrusted Markdown (deal summaries and notes, briefing text) → safe HTML. marked renders; DOMPurify (with jsdom)
 * sanitizes the output with an allow-list: no scripts, no event handlers, no images or iframes (nothing that could
 * fetch), links only to http(s), mailto and in-page anchors. Raw HTML in the Markdown is escaped, not rendered.
 */
import DOMPurify from "isomorphic-dompurify";
import {Marked} from "marked";
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

let hooked = false;
function purifier() {
  if (!hooked) {
    DOMPurify.addHook("afterSanitizeAttributes", (node) => {
      if (node.tagName === "A") {
        node.setAttribute("rel", "noopener noreferrer");
        if (/^https?:/i.test(node.getAttribute("href") ?? "")) node.setAttribute("target", "_blank");
      }
    });
    hooked = true;
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
 * bidirectional overrides first (they can disguise text); refuses text over the note limit.
 */
export function renderMarkdown(markdown: string, {inline = false}: {inline?: boolean} = {}): string {
  if (markdown.length > MAX_MARKDOWN) throw new Error(`invalid markdown: ${markdown.length} characters (limit ${MAX_MARKDOWN})`);
  const clean = cleanText(markdown);
  const html = inline ? (marked.parseInline(clean) as string) : (marked.parse(clean) as string);
  return sanitizeHtml(html);
}

/** Returns text without a byte-order mark, zero-width characters or bidirectional control characters. */
export function cleanText(text: string): string {
  return text.replace(/[\uFEFF\u200B-\u200D\u2060\u202A-\u202E\u2066-\u2069]/g, "");
}
