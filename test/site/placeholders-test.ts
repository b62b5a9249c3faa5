import {assert, it} from "vitest";
import {renderMarkdown} from "../../src/io/markdown.js";
import {type FigureValue, formatFigure, MISSING_TEXT, PlaceholderError, resolvePlaceholders} from "../../src/site/placeholders.js";
import {thrownBy} from "../asserts.js";

const figures = new Map<string, FigureValue>([
  ["amazon-anthropic.commitment.total", {kind: "number", value: 100e9, unit: "usd", bound: "at-least"}],
  ["amazon-anthropic.terms.firm", {kind: "number", value: 13e9, unit: "usd", bound: "exact"}],
  ["amazon-anthropic.capacity.ceiling", {kind: "number", value: 5, unit: "gw", bound: "up-to"}],
  ["amazon-anthropic.name", {kind: "text", text: "Amazon → Anthropic"}],
  ["amazon-anthropic.profile.hardware-angle", {kind: "text", text: "Trainium *2* [custom] | 3"}],
  ["broadcom-openai.terms.firm", {kind: "missing"}],
  ["data.deals", {kind: "number", value: 10, unit: "count"}]
]);

/** Returns the PlaceholderError `fn` throws, or fails. */
const thrown = (fn: () => unknown): PlaceholderError => thrownBy(fn, PlaceholderError);

it("resolvePlaceholders(text, figures, options) replaces a known name with its figure and bound", () => {
  const text =
    "Spend {{amazon-anthropic.commitment.total}} on {{ amazon-anthropic.capacity.ceiling }}; firm {{amazon-anthropic.terms.firm}}.";
  // 100e9 usd at-least → "over $100B"; 5 gw up-to → "up to 5 GW"; 13e9 exact → "$13B"
  assert.strictEqual(resolvePlaceholders(text, figures, {file: "x.md"}), "Spend over $100B on up to 5 GW; firm $13B.");
});

it("resolvePlaceholders(text, figures, options) drops the bound's words with | bare", () => {
  assert.strictEqual(resolvePlaceholders("{{amazon-anthropic.commitment.total | bare}}", figures, {file: "x.md"}), "$100B");
  assert.strictEqual(resolvePlaceholders("{{amazon-anthropic.capacity.ceiling|bare}}", figures, {file: "x.md"}), "5 GW");
});

it("formatFigure(value, 'sourced') adds the status of a reported or estimated figure, and nothing to a confirmed or assumed one", () => {
  const at = (status: "confirmed" | "reported" | "estimate" | "assumption", derived = false) =>
    formatFigure({kind: "number", value: 200e9, unit: "usd", bound: "about", status, derived}, "sourced");
  assert.strictEqual(at("reported"), "about $200B (reported)");
  assert.strictEqual(at("estimate", true), "about $200B (estimate)");
  assert.strictEqual(at("confirmed"), "about $200B");
  assert.strictEqual(at("assumption", true), "about $200B");
  assert.strictEqual(formatFigure({kind: "missing"}, "sourced"), MISSING_TEXT);
});

it("resolvePlaceholders(text, figures, {deal}) reads deal. as the briefing's deal", () => {
  assert.strictEqual(
    resolvePlaceholders("{{deal.terms.firm}} and {{deal.name}}", figures, {file: "deal.md", deal: "amazon-anthropic"}),
    "$13B and Amazon → Anthropic"
  );
});

it("resolvePlaceholders(text, figures, options) prints a known but missing figure as not disclosed", () => {
  assert.strictEqual(resolvePlaceholders("Firm: {{broadcom-openai.terms.firm}}.", figures, {file: "x.md"}), `Firm: ${MISSING_TEXT}.`);
});

it("resolvePlaceholders(text, figures, options) escapes Markdown in substituted text", () => {
  assert.strictEqual(
    resolvePlaceholders("{{amazon-anthropic.profile.hardware-angle}}", figures, {file: "x.md"}),
    "Trainium \\*2\\* \\[custom\\] \\| 3"
  );
});

it("resolvePlaceholders(text, figures, options) keeps a substituted text inline and literal: no line break starts a block, no entity decodes", () => {
  const hostile = new Map<string, FigureValue>([["x.name", {kind: "text", text: "A\n\n- item\n1. first\r\n+ plus &lt;b&gt; &amp;"}]]);
  const markdown = resolvePlaceholders("Deal: {{x.name}}.", hostile, {file: "x.md"});
  assert.strictEqual(renderMarkdown(markdown), "<p>Deal: A - item 1. first + plus &amp;lt;b&amp;gt; &amp;amp;.</p>\n");
});

it("resolvePlaceholders(text, figures, options) keeps \\{{ as a literal {{ and leaves other text alone", () => {
  assert.strictEqual(resolvePlaceholders("a \\{{b}} {c} }} $5B", figures, {file: "x.md"}), "a {{b}} {c} }} $5B");
  assert.strictEqual(resolvePlaceholders("", figures, {file: "x.md"}), "");
});

it("resolvePlaceholders(text, figures, options) fails on an unknown name with its file, line and column", () => {
  const error = thrown(() =>
    resolvePlaceholders("Line one\nSpend {{amazon-anthropic.commitment.totl}} here", figures, {file: "reports/summaries/market.md"})
  );
  assert.strictEqual(error.file, "reports/summaries/market.md");
  assert.strictEqual(error.line, 2);
  assert.strictEqual(error.col, 7);
  assert.match(error.message, /^reports\/summaries\/market\.md:2:7: unknown figure "amazon-anthropic\.commitment\.totl"/);
  // The hint lists the names that share the longest known prefix.
  assert.match(error.message, /known names starting with "amazon-anthropic\.commitment\.": amazon-anthropic\.commitment\.total/);
});

it("resolvePlaceholders(text, figures, {deal}) names the deal an unknown deal. figure stands for", () => {
  const error = thrown(() => resolvePlaceholders("{{deal.terms.frm}}", figures, {file: "deal.md", deal: "amazon-anthropic"}));
  assert.match(error.message, /^deal\.md:1:1: unknown figure "deal\.terms\.frm" \(amazon-anthropic\.terms\.frm\)/);
});

it("resolvePlaceholders(text, figures, options) refuses deal. outside a deal briefing", () => {
  assert.match(
    thrown(() => resolvePlaceholders("x {{deal.terms.firm}}", figures, {file: "market.md"})).message,
    /^market\.md:1:3: "deal\.terms\.firm" names the briefing's deal/
  );
});

it("resolvePlaceholders(text, figures, options) refuses malformed, unclosed and unknown-modifier placeholders", () => {
  assert.match(
    thrown(() => resolvePlaceholders("{{ two words }}", figures, {file: "a.md"})).message,
    /^a\.md:1:1: invalid placeholder \{\{ two words \}\}/
  );
  assert.match(thrown(() => resolvePlaceholders("{{}}", figures, {file: "a.md"})).message, /^a\.md:1:1: invalid placeholder/);
  assert.match(
    thrown(() => resolvePlaceholders("ok\n  {{data.deals", figures, {file: "a.md"})).message,
    /^a\.md:2:3: unclosed placeholder/
  );
  assert.match(
    thrown(() => resolvePlaceholders("{{data.deals | loud}}", figures, {file: "a.md"})).message,
    /^a\.md:1:1: unknown modifier "loud"/
  );
});

it("formatFigure(value, modifier) formats numbers by unit, texts as is and missing figures as not disclosed", () => {
  assert.strictEqual(formatFigure({kind: "number", value: 5e9, unit: "usd", bound: "exact"}), "$5B");
  assert.strictEqual(formatFigure({kind: "number", value: 10, unit: "years"}), "10 years");
  assert.strictEqual(formatFigure({kind: "number", value: 1, unit: "gw", bound: "about"}), "about 1 GW");
  assert.strictEqual(formatFigure({kind: "number", value: 1, unit: "gw", bound: "about"}, "bare"), "1 GW");
  assert.strictEqual(formatFigure({kind: "text", text: "as written"}), "as written");
  assert.strictEqual(formatFigure({kind: "missing"}), "not disclosed");
});
