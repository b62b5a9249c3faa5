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

/** Deepest nesting of block quotes and list items a line may open (marked recurses once per level). */
export const MAX_MARKDOWN_NESTING = 8;

/** Most emphasis marks (`*`, `_`, `~`) in one paragraph: marked's emphasis matching is quadratic in them. */
export const MAX_EMPHASIS_MARKS = 500;

/** Longest run of one emphasis mark (`*****…`): marked recurses on long runs. */
export const MAX_MARK_RUN = 64;

/**
 * Returns the first construct in `markdown` that would make marked slow (quadratic time) or overflow its stack,
 * as `{line, message}` (line 1-based), or null when there is none: a line nesting block quotes and list items
 * deeper than MAX_MARKDOWN_NESTING, a paragraph with more than MAX_EMPHASIS_MARKS emphasis marks, or a run of
 * more than MAX_MARK_RUN equal marks. Prose never comes near these limits. Under them, marked's time is linear
 * in the text (tens of milliseconds at the 20,000-character note limit); sanitizing is linear in the number of
 * elements produced.
 *
 * @example
 * markdownHazard("> ".repeat(20) + "deep") // {line: 1, message: "nests 20 block quotes or lists (limit 8)"}
 */
export function markdownHazard(markdown: string): {line: number; message: string} | null {
  const lines = markdown.split(/\r\n?|\n/);
  let marks = 0;
  let paragraphStart = 0;
  for (let i = 0; i < lines.length; ++i) {
    const line = lines[i];
    if (!line.trim()) {
      marks = 0;
      paragraphStart = i + 1;
      continue;
    }
    const prefix = /^(?:[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))+/.exec(line)?.[0] ?? "";
    const depth = (prefix.match(/>|[-+*]|\d{1,9}[.)]/g) ?? []).length;
    if (depth > MAX_MARKDOWN_NESTING) return {line: i + 1, message: `nests ${depth} block quotes or lists (limit ${MAX_MARKDOWN_NESTING})`};
    const run = new RegExp(`([*_~])\\1{${MAX_MARK_RUN},}`).exec(line);
    if (run) return {line: i + 1, message: `has a run of more than ${MAX_MARK_RUN} "${run[1]}" (limit ${MAX_MARK_RUN})`};
    marks += (line.match(/[*_~]/g) ?? []).length;
    if (marks > MAX_EMPHASIS_MARKS) {
      return {line: paragraphStart + 1, message: `the paragraph has more than ${MAX_EMPHASIS_MARKS} emphasis marks (*, _ or ~)`};
    }
  }
  return null;
}

/** Returns text without a byte-order mark, zero-width characters or bidirectional control characters. */
export function cleanText(text: string): string {
  return text.replace(/[\uFEFF\u200B-\u200D\u2060\u202A-\u202E\u2066-\u2069]/g, "");
}
