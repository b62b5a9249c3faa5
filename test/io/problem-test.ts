import {assert, it} from "vitest";
import {annotateProblem, compareProblems, fieldName, formatProblem, type Problem} from "../../src/io/problem.js";

const problem: Problem = {
  file: "data/deals/x.yaml",
  line: 12,
  col: 5,
  field: "tranches[0].amount.value",
  message: "must not be negative (-1)"
};

it("formatProblem(problem) returns path:line:col: field: message", () => {
  assert.strictEqual(formatProblem(problem), "data/deals/x.yaml:12:5: tranches[0].amount.value: must not be negative (-1)");
  assert.strictEqual(formatProblem({...problem, line: 0, col: 0, field: ""}), "data/deals/x.yaml:0:0: (file): must not be negative (-1)");
});

it("annotateProblem(problem) returns a GitHub ::error line with line and column at least 1, escaped", () => {
  assert.strictEqual(
    annotateProblem(problem),
    "::error file=data/deals/x.yaml,line=12,col=5::tranches[0].amount.value: must not be negative (-1)"
  );
  assert.strictEqual(
    annotateProblem({file: "data/a,b:c.yaml", line: 0, col: 0, field: "", message: "100% wrong\nsecond line"}),
    "::error file=data/a%2Cb%3Ac.yaml,line=1,col=1::(file): 100%25 wrong%0Asecond line"
  );
});

it("fieldName(path) writes indices in brackets and keys with dots", () => {
  assert.strictEqual(fieldName(["tranches", 2, "amount", "value"]), "tranches[2].amount.value");
  assert.strictEqual(fieldName([0, "id"]), "[0].id");
  assert.strictEqual(fieldName([]), "");
});

it("compareProblems(a, b) orders by file, line, column, then field", () => {
  const at = (file: string, line: number, col: number, field = "") => ({file, line, col, field, message: ""});
  const sorted = [at("b", 1, 1), at("a", 2, 1), at("a", 1, 9), at("a", 1, 2, "y"), at("a", 1, 2, "x")].sort(compareProblems);
  assert.deepStrictEqual(
    sorted.map((p) => `${p.file}:${p.line}:${p.col}:${p.field}`),
    ["a:1:2:x", "a:1:2:y", "a:1:9:", "a:2:1:", "b:1:1:"]
  );
});
