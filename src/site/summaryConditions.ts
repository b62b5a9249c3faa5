/**
 * Conditions in executive summaries: what a written call relies on, checked against the computed figures so that a
 * sentence whose claim stops holding is caught (a stale summary), and blocks of text kept only when their claim
 * holds (so a generic template's call changes with the data).
 *
 * Each directive stands alone on its line:
 * - `{{#holds COND}}`: the prose relies on COND. When it fails, the summary is stale: `deals check` reports it at
 *   this line and the build prints the generic template instead (src/site/briefingSummary.ts).
 * - `{{#if COND}}` … `{{#else}}` … `{{/if}}`: the lines between are kept when COND holds (else the other branch).
 *   Blocks nest.
 * COND is one comparison or several joined by ` and `: `A < B`, `A <= B`, `A > B`, `A >= B`, `A = B`, `A != B`
 * where A and B are figure names (`deal.` for the briefing's deal, as in placeholders) or numbers (`0`, `1.5`,
 * `-2e9`); `has A` (the figure is stated and not "none") and `no A` (it is not). A comparison with a figure that is
 * not a number fails, saying so. An unknown figure name or a malformed directive throws a PlaceholderError at its
 * line and column.
 */
import {type FigureValue, formatFigure, PlaceholderError} from "./placeholders.js";

/** A condition that did not hold, at its place in the file. */
export interface FailedCondition {
  line: number;
  col: number;
  /** The condition as written. */
  condition: string;
  /** Why it fails, with the figures' values in words: "amazon-anthropic.recycling.npv is about −$7.79B, not > 0". */
  reason: string;
}

export interface DirectiveResult {
  /** The text with directive lines removed and only the branches that hold kept. */
  text: string;
  /** The text with every directive line blanked and every branch kept: its placeholders are checked at their places. */
  checkable: string;
  /** `{{#holds}}` conditions that fail. */
  stale: FailedCondition[];
}

const DIRECTIVE = /^\s*\{\{\s*(#holds|#if|#else|\/if)\b\s*(.*?)\s*\}\}\s*$/;
const COMPARISON = /^(\S+)\s*(<=|>=|!=|<|>|=)\s*(\S+)$/;
const NAME = /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*$/;
const NUMBER = /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;

/**
 * Returns the summary with its directives applied against `figures`, the failing `{{#holds}}` conditions, and a
 * copy of the text for checking placeholders at their original lines. Throws a PlaceholderError (file:line:col) for
 * an unknown name, a malformed condition, an `{{#else}}` or `{{/if}}` without its `{{#if}}`, or an unclosed block.
 *
 * @example applyDirectives("{{#holds deal.recycling.npv < 0}}\nIt loses money.", figures, {file: "x.md", deal: "oracle-openai"}).stale // []
 */
export function applyDirectives(
  source: string,
  figures: ReadonlyMap<string, FigureValue>,
  {file, deal}: {file: string; deal?: string}
): DirectiveResult {
  const lines = source.split("\n");
  const kept: string[] = [];
  const checkable: string[] = [];
  const stale: FailedCondition[] = [];
  // Open blocks: whether the branch being read holds, whether the block's condition held, and where it opened.
  const stack: {on: boolean; held: boolean; line: number; elsed: boolean}[] = [];
  const active = () => stack.every((b) => b.on);
  for (const [index, line] of lines.entries()) {
    const match = DIRECTIVE.exec(line);
    if (!match) {
      checkable.push(line);
      if (active()) kept.push(line);
      continue;
    }
    checkable.push("");
    const [, kind, body] = match;
    const at = {file, line: index + 1, col: line.indexOf("{{") + 1};
    const fail = (reason: string): never => {
      throw new PlaceholderError(at.file, at.line, at.col, reason);
    };
    if (kind === "#else") {
      const block = stack.at(-1);
      if (!block || block.elsed) fail("{{#else}} without an open {{#if}}");
      block!.on = !block!.held;
      block!.elsed = true;
      continue;
    }
    if (kind === "/if") {
      if (!stack.pop()) fail("{{/if}} without an open {{#if}}");
      continue;
    }
    const result = evaluate(body, figures, {...at, deal, fail});
    if (kind === "#if") stack.push({on: result.holds, held: result.holds, line: at.line, elsed: false});
    else if (!result.holds && active()) stale.push({line: at.line, col: at.col, condition: body, reason: result.reason});
  }
  const open = stack.at(-1);
  if (open) throw new PlaceholderError(file, open.line, 1, "{{#if}} without its {{/if}}");
  return {text: kept.join("\n"), checkable: checkable.join("\n"), stale};
}

/** Returns whether a condition holds against the figures, and if not, why, in words. */
export function evaluate(
  condition: string,
  figures: ReadonlyMap<string, FigureValue>,
  {deal, fail}: {deal?: string; fail: (reason: string) => never}
): {holds: boolean; reason: string} {
  if (!condition) fail("a condition is needed: {{#holds A < B}}, {{#if has A}}");
  for (const part of condition.split(/\s+and\s+/)) {
    const result = one(part.trim(), figures, deal, fail);
    if (!result.holds) return result;
  }
  return {holds: true, reason: ""};
}

function one(
  part: string,
  figures: ReadonlyMap<string, FigureValue>,
  deal: string | undefined,
  fail: (reason: string) => never
): {holds: boolean; reason: string} {
  const lookup = (written: string): {name: string; value: FigureValue} => {
    if (!NAME.test(written)) return fail(`invalid figure name "${written}" in a condition`);
    let name = written;
    if (written.startsWith("deal.")) {
      if (!deal) return fail(`"${written}" names the briefing's deal, but this briefing is not about one deal`);
      name = `${deal}.${written.slice(5)}`;
    }
    const value = figures.get(name);
    if (!value) return fail(`unknown figure "${written}" in a condition`);
    return {name, value};
  };
  const presence = /^(has|no)\s+(\S+)$/.exec(part);
  if (presence) {
    const {name, value} = lookup(presence[2]);
    const stated = value.kind === "number" || (value.kind === "text" && value.text !== "none");
    const holds = presence[1] === "has" ? stated : !stated;
    return {holds, reason: holds ? "" : `${name} is ${formatFigure(value)}`};
  }
  const comparison = COMPARISON.exec(part);
  if (!comparison) return fail(`invalid condition "${part}": expected A < B (<, <=, >, >=, =, !=), has A or no A`);
  const [, left, op, right] = comparison;
  const operand = (written: string): {value: number | null; words: string} => {
    if (NUMBER.test(written)) return {value: Number(written), words: written};
    const {name, value} = lookup(written);
    return {value: value.kind === "number" ? value.value : null, words: `${name} (${formatFigure(value)})`};
  };
  const a = operand(left);
  const b = operand(right);
  if (a.value === null || b.value === null) return {holds: false, reason: `${a.value === null ? a.words : b.words} is not a number`};
  const holds = compare(a.value, op, b.value);
  return {holds, reason: holds ? "" : `${a.words} is not ${op} ${b.words}`};
}

/** Returns `a op b`; equality allows float noise (9 significant digits). */
export function compare(a: number, op: string, b: number): boolean {
  const same = a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
  switch (op) {
    case "<":
      return a < b && !same;
    case "<=":
      return a < b || same;
    case ">":
      return a > b && !same;
    case ">=":
      return a > b || same;
    case "=":
      return same;
    case "!=":
      return !same;
    default:
      throw new Error(`invalid comparison: ${op}`);
  }
}
