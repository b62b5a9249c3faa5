/**
 * Checks on untrusted text that need no DOM: what would make marked slow or crash, and the invisible characters
 * stripped from every string of the dataset and before rendering. The schema (deals check) and the renderer (src/io/markdown.ts) apply the same ones, so
 * check refuses exactly the notes the build would refuse.
 */

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
      return {line: paragraphStart + 1, message: `starts a paragraph with more than ${MAX_EMPHASIS_MARKS} emphasis marks (*, _ or ~)`};
    }
  }
  return null;
}

/** Returns text without a byte-order mark, zero-width characters or bidirectional control characters. */
export function cleanText(text: string): string {
  return text.replace(/[\uFEFF\u200B-\u200D\u2060\u202A-\u202E\u2066-\u2069]/g, "");
}

/**
 * Returns a deep copy of `value` with cleanText applied to every string in it. The dataset is cleaned this way once
 * (src/io/dataset.ts), so no loader or page ever gets a string with a direction override that could reorder what a
 * reader sees.
 *
 * @example cleanStrings({name: "\u202Eevil"}) // {name: "evil"}
 */
export function cleanStrings<T>(value: T): T {
  if (typeof value === "string") return cleanText(value) as T;
  if (Array.isArray(value)) return value.map(cleanStrings) as T;
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanStrings(v)])) as T;
  return value;
}
