// Limits: what test/io does not cover yet (a summary over 20,000 characters, Markdown that would stall marked,
// reported with the deal and field) and the synthetic datasets of src/cli/bench/scaleDeals.ts. Growth to 1,000 deals
// is measured in scale-test.ts (the `scale` project: CPU-heavy, not part of `npm run test:unit`).
import {readFile} from "node:fs/promises";
import fc from "fast-check";
import {assert, it} from "vitest";
import {measureScale, syntheticDataset} from "../../src/cli/bench/scaleDeals.js";
import {renderMarkdown} from "../../src/io/markdown.js";
import {parseDataFile} from "../../src/io/parseDataFile.js";
import {formatProblem} from "../../src/io/problem.js";
import {readValidDataset} from "../../src/io/readDataset.js";
import {dealFile} from "../../src/io/schema.js";
import {publicDataset} from "../../src/site/publicDataset.js";

const FILE = "data/deals/amazon-anthropic.yaml";

it("parseDataFile(deal with a summary over 20,000 characters) refuses it at the summary's line", async () => {
  const text = await readFile(FILE, "utf-8");
  // The problem points at the block's "|": line of "summary: |", column 10 ("summary: " is 9 characters).
  const line = text.split("\n").findIndex((l) => l.startsWith("summary: |")) + 1;
  const long = text.replace(/^summary: \|\n/m, `summary: |\n  ${"x".repeat(20_001)}\n`);
  const {problems} = parseDataFile("deal", FILE, long);
  assert.deepStrictEqual(problems.map(formatProblem), [
    `${FILE}:${line}:10: summary: is longer than 20000 characters (the limit for a note)`
  ]);
});

it("parseDataFile(deal whose notes or summary would stall marked) refuses it at the field, as deals check reports it", async () => {
  const text = await readFile(FILE, "utf-8");
  const at = (key: string) => text.split("\n").findIndex((l) => l.startsWith(`${key}: |`)) + 1;
  const cases: [string, string, string][] = [
    ["notes", `  fine\n\n  ${"> ".repeat(9)}deep\n`, "line 3 of the text nests 9 block quotes or lists (limit 8)"],
    ["summary", `  ${"*".repeat(65)}\n`, 'line 1 of the text has a run of more than 64 "*" (limit 64)'],
    // Zero-width spaces between the marks are stripped before rendering, so they do not hide a run.
    [
      "summary",
      `  ${"*\u200B".repeat(65)}\n`,
      'line 1 of the text has a run of more than 64 "*" (limit 64)) (it contains the invisible character U+200B; retype it'
    ],
    ["notes", `  ${"_a ".repeat(501)}\n`, "line 1 of the text starts a paragraph with more than 500 emphasis marks (*, _ or ~)"]
  ];
  for (const [key, block, message] of cases) {
    const edited = text.replace(new RegExp(`^${key}: \\|\\n`, "m"), `${key}: |\n${block}`);
    const {problems} = parseDataFile("deal", FILE, edited);
    assert.deepStrictEqual(problems.map(formatProblem), [
      `${FILE}:${at(key)}:${key.length + 3}: ${key}: cannot be rendered safely (${message})`
    ]);
  }
});

it("the schema's Markdown check and renderMarkdown agree: deals check accepts exactly the notes the build renders", () => {
  const summary = dealFile.shape.summary;
  const token = fc.constantFrom("> ", "- ", "1. ", "*", "**", "_", "~", " ", "\n", "\n\n", "a", "word ", "\u200B", "  ", "#");
  fc.assert(
    fc.property(fc.array(fc.tuple(token, fc.integer({min: 1, max: 80})), {maxLength: 40}), (parts) => {
      const text = `x${parts.map(([t, n]) => t.repeat(n)).join("")}`;
      let rendered = true;
      try {
        renderMarkdown(text);
      } catch (error) {
        assert.match((error as Error).message, /^invalid markdown: /);
        rendered = false;
      }
      assert.strictEqual(summary.safeParse(text).success, rendered, JSON.stringify(text.slice(0, 200)));
    }),
    {seed: 20260421, numRuns: 300}
  );
});

it("publicDataset(dataset with Markdown that would stall marked) throws naming the deal, the field and the line", async () => {
  const dataset = await readValidDataset("data");
  const deals = dataset.deals.map((d) => (d.id === "amazon-anthropic" ? {...d, notes: `fine\n\n${"> ".repeat(9)}deep`} : d));
  assert.throws(
    () => publicDataset({...dataset, deals}, "v"),
    /^deal amazon-anthropic: notes: invalid markdown: line 3: nests 9 block quotes or lists \(limit 8\)$/
  );
});

it("syntheticDataset(count) derives count deals with unique ids from a real one", async () => {
  const files = await syntheticDataset(12);
  const deals = files.filter((f) => f.relative.startsWith("deals/")).map((f) => f.relative);
  assert.strictEqual(deals.length, 12);
  assert.strictEqual(new Set(deals).size, 12);
  assert.strictEqual(deals[0], "deals/amazon-anthropic-s01.yaml");
  for (const count of [0, 1.5, -1, Number.NaN]) {
    const error = await syntheticDataset(count).catch((e: Error) => e);
    assert.match(String((error as Error).message), /^invalid count: /);
  }
});

it("measureScale(counts) returns the deals and seconds of each count", async () => {
  const rows = await measureScale([2, 5]);
  assert.deepStrictEqual(
    rows.map((r) => r.deals),
    [2, 5]
  );
  for (const row of rows) assert.isAtLeast(row.seconds, 0);
});
