import {assert, it} from "vitest";
import {contentsPages, normalizeTitle} from "../../src/cli/pdf/contentsPages.js";

const outline = [
  {title: "Amazon → Anthropic", page: 1, depth: 0},
  {title: "Contents", page: 2, depth: 1},
  {title: "Executive  summary", page: 2, depth: 1},
  {title: "The deal at a glance", page: 3, depth: 1},
  {title: "Sources", page: 3, depth: 2},
  {title: "Sources", page: 5, depth: 1}
];

it("normalizeTitle(text) collapses white space", () => {
  assert.strictEqual(normalizeTitle("  a \n b\tc "), "a b c");
});

it("contentsPages(titles, outline) finds each title's page in order", () => {
  assert.deepStrictEqual(contentsPages(["Executive summary", "The deal at a glance"], outline), [2, 3]);
});

it("contentsPages(titles, outline) takes the next match after the previous one, so repeated titles map in order", () => {
  // A sub-heading "Sources" inside the deal section comes first; the appendix "Sources" is the next one.
  assert.deepStrictEqual(contentsPages(["The deal at a glance", "Sources", "Sources"], outline), [3, 3, 5]);
});

it("contentsPages([], outline) is empty", () => {
  assert.deepStrictEqual(contentsPages([], outline), []);
});

it("contentsPages(titles, outline) refuses a title with no bookmark", () => {
  assert.throws(() => contentsPages(["Capacity"], outline), /invalid contents: "Capacity" has no bookmark/);
  assert.throws(() => contentsPages(["Sources", "Contents"], outline), /"Contents" has no bookmark/);
});
