import {assert, it} from "vitest";
import {type FigureValue, PlaceholderError} from "../../src/site/placeholders.js";
import {applyDirectives, compare} from "../../src/site/summaryConditions.js";
import {thrownBy} from "../asserts.js";

const figures = new Map<string, FigureValue>([
  ["oracle-openai.recycling.npv", {kind: "number", value: -15.9e9, unit: "usd", bound: "about"}],
  ["oracle-openai.econ.new-money", {kind: "number", value: 0, unit: "usd"}],
  ["oracle-openai.econ.coverage", {kind: "number", value: 1.21, unit: "fraction", bound: "about"}],
  ["oracle-openai.terms.firm", {kind: "text", text: "none"}],
  ["oracle-openai.recycling.paybackYear", {kind: "missing"}],
  ["oracle-openai.econ.term-end", {kind: "number", value: 2031, unit: "year"}],
  ["market.npv-positive", {kind: "number", value: 1, unit: "count"}]
]);

/** Returns the PlaceholderError `fn` throws, or fails. */
const thrown = (fn: () => unknown): PlaceholderError => thrownBy(fn, PlaceholderError);

const apply = (text: string) => applyDirectives(text, figures, {file: "s.md", deal: "oracle-openai"});

it("compare(a, op, b) compares numbers, equality to 9 significant digits", () => {
  assert.isTrue(compare(-1, "<", 0));
  assert.isFalse(compare(0, "<", 0));
  assert.isTrue(compare(0, "<=", 0));
  assert.isTrue(compare(0.1 + 0.2, "=", 0.3), "float noise is equal");
  assert.isFalse(compare(0.1 + 0.2, "<", 0.3), "and not smaller");
  assert.isTrue(compare(2032, ">", 2031));
  assert.isTrue(compare(1, "!=", 2));
});

it("applyDirectives(text) removes {{#holds}} lines that hold and reports nothing stale", () => {
  const r = apply("{{#holds deal.recycling.npv < 0}}\n{{#holds no deal.terms.firm and deal.econ.new-money = 0}}\nIt loses money.");
  assert.strictEqual(r.text, "It loses money.");
  assert.deepEqual(r.stale, []);
});

it("applyDirectives(text) reports a {{#holds}} that fails at its line and column, with the figures' values", () => {
  const r = apply("Line one.\n  {{#holds deal.recycling.npv > 0}}\nIt makes money.");
  assert.strictEqual(r.stale.length, 1);
  const [s] = r.stale;
  assert.strictEqual(s.line, 2);
  assert.strictEqual(s.col, 3);
  assert.strictEqual(s.condition, "deal.recycling.npv > 0");
  assert.strictEqual(s.reason, "oracle-openai.recycling.npv (about −$15.9B) is not > 0");
});

it("applyDirectives(text) fails a comparison with a figure that is not a number, and tests presence with has/no", () => {
  const [s] = apply("{{#holds deal.recycling.paybackYear > deal.econ.term-end}}").stale;
  assert.strictEqual(s.reason, "oracle-openai.recycling.paybackYear (not disclosed) is not a number");
  assert.deepEqual(apply("{{#holds no deal.recycling.paybackYear}}").stale, []);
  assert.deepEqual(apply("{{#holds has deal.econ.coverage}}").stale, []);
  assert.strictEqual(apply("{{#holds has deal.terms.firm}}").stale[0].reason, "oracle-openai.terms.firm is none");
});

it("applyDirectives(text) keeps the branch of {{#if}} that holds, nested, and checks no {{#holds}} in a dropped branch", () => {
  const text = [
    "{{#if deal.recycling.npv < 0}}",
    "Loses.",
    "{{#if deal.econ.coverage > 1}}",
    "Buys more than the lease.",
    "{{#else}}",
    "Buys less.",
    "{{/if}}",
    "{{#else}}",
    "{{#holds deal.recycling.npv > 1e12}}",
    "Earns.",
    "{{/if}}",
    "End."
  ].join("\n");
  const r = apply(text);
  assert.strictEqual(r.text, "Loses.\nBuys more than the lease.\nEnd.");
  assert.deepEqual(r.stale, [], "the holds in the branch not printed is not stale");
  // Every directive line is blanked in the checkable copy, so placeholders keep their line numbers.
  assert.strictEqual(r.checkable.split("\n").length, text.split("\n").length);
  assert.strictEqual(r.checkable.split("\n")[9], "Earns.");
});

it("applyDirectives(text) compares two figures and a market figure without the deal prefix", () => {
  assert.deepEqual(apply("{{#holds market.npv-positive = 1 and deal.econ.term-end >= 2031}}").stale, []);
});

it("applyDirectives(text) throws file:line:col for an unknown figure, a malformed condition or an unbalanced block", () => {
  const unknown = thrown(() => apply("x\n{{#holds deal.recycling.npvv < 0}}"));
  assert.strictEqual(unknown.message, 's.md:2:1: unknown figure "deal.recycling.npvv" in a condition');
  assert.match(thrown(() => apply("{{#holds deal.recycling.npv <> 0}}")).message, /^s\.md:1:1: invalid condition/);
  assert.match(thrown(() => apply("{{#if deal.recycling.npv < 0}}\nx")).message, /^s\.md:1:1: \{\{#if\}\} without its \{\{\/if\}\}/);
  assert.match(thrown(() => apply("{{/if}}")).message, /without an open/);
  assert.match(thrown(() => apply("{{#holds}}")).message, /a condition is needed/);
  const market = thrown(() => applyDirectives("{{#holds deal.recycling.npv < 0}}", figures, {file: "m.md"}));
  assert.match(market.message, /not about one deal/);
});
