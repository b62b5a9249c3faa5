/**
 * Placeholders in briefing Markdown: executive summaries name computed figures instead of typing them, so the
 * text can never disagree with the data.
 *
 * Syntax (resolved at build time by docs/data/briefings.json.ts, before the Markdown is rendered):
 * - `{{name}}`: the figure, formatted for its unit with the bound the source used:
 *   `{{amazon-anthropic.commitment.total}}` → "over $100B", `{{amazon-anthropic.capacity.ceiling}}` → "up to 5 GW".
 * - `{{name | bare}}`: the same figure without its bound's words: "$100B".
 * - `{{name | sourced}}`: the figure with its status when it is reported or an estimate: "about $200B (reported)";
 *   otherwise as `{{name}}` (a call says what its figure rests on, and stops saying it when a party confirms it).
 * - `deal.` at the start of a name stands for the briefing's own deal (per-deal briefings only):
 *   `{{deal.terms.firm}}` in the briefing `deal-amazon-anthropic` is `{{amazon-anthropic.terms.firm}}`.
 * - `\{{` writes a literal `{{`.
 * Names are segments of letters, digits and dashes joined by dots; the figures table (src/site/figures.ts) lists
 * them. An unknown name, a malformed placeholder or an unclosed `{{` throws a {@link PlaceholderError} that gives
 * the file, line and column.
 */
import {figureWords} from "../core/format/index.js";
import type {Bound, Status} from "../core/model.js";

/**
 * A value a placeholder can name: a number with its unit, bound, status and whether it is computed (derived) or
 * stated by a source (see src/core/format: a stated confirmed or reported figure keeps its digits), a text, or a
 * figure this deal does not state.
 */
export type FigureValue =
  | {kind: "number"; value: number; unit: string; bound?: Bound; status?: Status; derived?: boolean; orMore?: boolean; inclusive?: boolean}
  | {kind: "text"; text: string}
  | {kind: "missing"};

/** What a placeholder prints for a known figure that the data does not state (e.g. a deal with no commitment). */
export const MISSING_TEXT = "not disclosed";

const MODIFIERS = ["bare", "sourced"] as const;
type Modifier = (typeof MODIFIERS)[number];

/** An error at a place in a Markdown file: `file:line:col: message`. */
export class PlaceholderError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly col: number,
    readonly reason: string
  ) {
    super(`${file}:${line}:${col}: ${reason}`);
    this.name = "PlaceholderError";
  }
}

export interface ResolveOptions {
  /** The file the text comes from, for error messages. */
  file: string;
  /** The deal `deal.` names stand for; absent outside per-deal briefings. */
  deal?: string;
}

const TOKEN = /\\\{\{|\{\{([^{}\n]*)\}\}|\{\{/g;
const INNER = /^\s*([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)\s*(?:\|\s*([A-Za-z-]+)\s*)?$/;

/**
 * Returns `text` with every placeholder replaced by its figure, formatted with the core's figureWords and
 * escaped so that it reads as plain text in Markdown. Throws a {@link PlaceholderError} (file:line:col) for an
 * unknown name, an unknown modifier, a malformed or unclosed placeholder, or `deal.` outside a deal briefing.
 *
 * @example
 * resolvePlaceholders("Over ten years: {{amazon-anthropic.commitment.total}}.", figures, {file: "x.md"})
 * // "Over ten years: over $100B."
 */
export function resolvePlaceholders(text: string, figures: ReadonlyMap<string, FigureValue>, {file, deal}: ResolveOptions): string {
  return text.replace(TOKEN, (match: string, inner: string | undefined, offset: number) => {
    if (match === "\\{{") return "{{";
    const fail = (reason: string): never => {
      const {line, col} = position(text, offset);
      throw new PlaceholderError(file, line, col, reason);
    };
    if (inner === undefined)
      return fail('unclosed placeholder: "{{" needs a matching "}}" on the same line (write \\{{ for a literal "{{")');
    const parsed = INNER.exec(inner);
    if (!parsed) return fail(`invalid placeholder ${match}: expected {{name}} or {{name | bare}}`);
    const [, written, modifier] = parsed;
    if (modifier !== undefined && !(MODIFIERS as readonly string[]).includes(modifier))
      return fail(`unknown modifier "${modifier}" in ${match} (known: ${MODIFIERS.join(", ")})`);
    let name = written;
    if (written.startsWith("deal.")) {
      if (!deal)
        return fail(
          `"${written}" names the briefing's deal, but this briefing is not about one deal; write the deal's id instead of "deal"`
        );
      name = `${deal}.${written.slice(5)}`;
    }
    const value = figures.get(name);
    if (!value) return fail(`unknown figure "${written}"${deal && name !== written ? ` (${name})` : ""}${hint(name, figures)}`);
    return escapeMarkdown(formatFigure(value, modifier as Modifier | undefined));
  });
}

/**
 * Returns a figure as text: a number in words for its unit with its bound ("up to 5 GW"), without the bound when
 * `modifier` is "bare" ("5 GW"); a text as is; a missing figure as "not disclosed".
 *
 * @example formatFigure({kind: "number", value: 1e11, unit: "usd", bound: "at-least"}) // "over $100B"
 */
export function formatFigure(value: FigureValue, modifier?: Modifier): string {
  switch (value.kind) {
    case "number": {
      const words = figureWords(value, {bare: modifier === "bare"});
      // The status of what a sentence rests on, when no party to the deal or filing confirmed it (a model's own
      // assumptions are said elsewhere: "about").
      const stated = modifier === "sourced" && (value.status === "reported" || value.status === "estimate");
      return stated ? `${words} (${value.status})` : words;
    }
    case "text":
      return value.text;
    case "missing":
      return MISSING_TEXT;
  }
}

/** Returns the 1-based line and column of `offset` in `text`. */
function position(text: string, offset: number): {line: number; col: number} {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return {line, col: offset - before.lastIndexOf("\n")};
}

/** Returns a hint listing known names that share the unknown name's first segments, or "" when none do. */
function hint(name: string, figures: ReadonlyMap<string, FigureValue>): string {
  const parts = name.split(".");
  for (let n = parts.length - 1; n > 0; --n) {
    const prefix = `${parts.slice(0, n).join(".")}.`;
    const near = [...figures.keys()].filter((k) => k.startsWith(prefix));
    if (near.length) return `; known names starting with "${prefix}": ${near.slice(0, 12).join(", ")}${near.length > 12 ? ", …" : ""}`;
  }
  return "";
}

/**
 * Returns text with Markdown's special characters backslash-escaped and line breaks made spaces, so a figure never
 * turns into markup: no emphasis, link or HTML, no entity decoded, and no new block (a list, a heading) started.
 */
function escapeMarkdown(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").replace(/[\\`*_{}[\]<>#|~&]/g, "\\$&");
}
