// Schema-level problems in one file (reliability.md §4.5 V4–V10, V13–V17, V19, V25, V29), checked end to end
// through checkFiles so each test pins the exact `path:line:col: field: message` line.
import {assert, it} from "vitest";
import {checkFiles} from "../../src/io/dataset.js";
import {parseDataFile} from "../../src/io/parseDataFile.js";
import {MAX_FILE_BYTES} from "../../src/io/yamlText.js";
import {check, edit, editValid, problemLines, validFiles, YARDSTICKS} from "./fixtures.js";

const D = "deals/amazon-anthropic.yaml";
const DF = "data/deals/amazon-anthropic.yaml";
/** Tranche t2023's amount is on line 20; its value starts at column 21. */
const AMOUNT = "{value: 4,";
const amountIs = (text: string) => problemLines(editValid(D, AMOUNT, `{value: ${text},`));
const PLAIN = "write a plain number without quotes, commas or symbols and put the scale in unit";

it("parseDataFile(kind, file, text) returns the value and no problem for a valid file", () => {
  const {value, problems} = parseDataFile("companies", "data/companies.yaml", validFiles()["companies.yaml"]);
  assert.deepStrictEqual(problems, []);
  assert.deepStrictEqual((value as {companies: unknown[]}).companies[1], {id: "aws", name: "AWS", parent: "amazon"});
});

it("checkFiles(ammount) reports the unknown key where it is written and suggests the missing one", () => {
  assert.deepStrictEqual(problemLines(editValid(D, "amount: {value: 4,", "ammount: {value: 4,")), [
    `${DF}:16:5: tranches[0].amount: is required but missing`,
    `${DF}:20:5: tranches[0].ammount: unknown key "ammount" (did you mean "amount"? unknown keys are not allowed)`
  ]);
});

it("checkFiles(missing or null field) reports the field", () => {
  assert.deepStrictEqual(problemLines(editValid(D, "lab: anthropic\n", "")), [`${DF}:1:1: lab: is required but missing`]);
  assert.deepStrictEqual(problemLines(editValid(D, "lab: anthropic", "lab: null")), [
    `${DF}:4:6: lab: must not be empty (expected an id (text))`
  ]);
  assert.deepStrictEqual(problemLines(editValid(D, "lab: anthropic", "lab:")), [
    `${DF}:4:5: lab: must not be empty (expected an id (text))`
  ]);
});

it('checkFiles("1000") refuses a number written as text; 1e3 is a number', () => {
  assert.deepStrictEqual(amountIs('"1000"'), [`${DF}:20:21: tranches[0].amount.value: expected a number, not the text "1000"; ${PLAIN}`]);
  // 1e3 = 1000 is a plain YAML number; it only fails here because the tranches no longer add up to the total.
  assert.notInclude(amountIs("1e3").join("\n"), "expected a number");
});

it('checkFiles("5M", "$5,000,000", 5,000,000) refuses scaled or formatted money', () => {
  assert.deepStrictEqual(amountIs('"5M"'), [`${DF}:20:21: tranches[0].amount.value: expected a number, not the text "5M"; ${PLAIN}`]);
  assert.deepStrictEqual(amountIs('"$5,000,000"'), [
    `${DF}:20:21: tranches[0].amount.value: expected a number, not the text "$5,000,000"; ${PLAIN}`
  ]);
  const block = editValid(
    D,
    "amount: {value: 4, unit: usd-bn, status: confirmed, source: deal-source}",
    "amount:\n      value: 5,000,000\n      unit: usd-bn\n      status: confirmed\n      source: deal-source"
  );
  assert.strictEqual(
    problemLines(block)[0],
    `${DF}:21:14: tranches[0].amount.value: expected a number, not the text "5,000,000"; ${PLAIN}`
  );
});

it("checkFiles(fraction 5) says to write 5% as 0.05", () => {
  assert.deepStrictEqual(problemLines(editValid(D, "stake: {value: 0.15,", "stake: {value: 5,")), [
    `${DF}:60:18: governance.stake.value: is a fraction, so it must be between 0 and 1 (got 5; write 5% as 0.05)`
  ]);
});

it("checkFiles(money in gw) names the units allowed here", () => {
  assert.deepStrictEqual(problemLines(editValid(D, "{value: 4, unit: usd-bn", "{value: 4, unit: gw")), [
    `${DF}:20:30: tranches[0].amount.unit: must be usd-bn or usd-m or usd here, not gw`
  ]);
});

it("checkFiles(unit USDD) quotes the unknown unit", () => {
  const [line] = problemLines(editValid(D, "{value: 4, unit: usd-bn", "{value: 4, unit: USDD"));
  assert.match(
    line,
    /^data\/deals\/amazon-anthropic\.yaml:20:30: tranches\[0\]\.amount\.unit: "USDD" is not allowed: must be one of usd, usd-m, usd-bn, /
  );
});

it("checkFiles(-100, -0) refuses negative money", () => {
  assert.deepStrictEqual(amountIs("-100"), [`${DF}:20:21: tranches[0].amount.value: must not be negative (-100)`]);
  assert.deepStrictEqual(amountIs("-0"), [`${DF}:20:21: tranches[0].amount.value: must not be negative (-0); write 0`]);
});

it("checkFiles(.nan, .inf, 1e309) refuses non-finite numbers", () => {
  const tail = "(.nan, .inf and numbers past 1.8e308 are not allowed)";
  assert.deepStrictEqual(amountIs(".nan"), [`${DF}:20:21: tranches[0].amount.value: must be a finite number, not NaN ${tail}`]);
  assert.deepStrictEqual(amountIs(".inf"), [`${DF}:20:21: tranches[0].amount.value: must be a finite number, not Infinity ${tail}`]);
  assert.deepStrictEqual(amountIs("1e309"), [`${DF}:20:21: tranches[0].amount.value: must be a finite number, not Infinity ${tail}`]);
});

it("checkFiles(0.30000000000000004) refuses floating-point artefacts", () => {
  assert.deepStrictEqual(amountIs("0.30000000000000004"), [
    `${DF}:20:21: tranches[0].amount.value: has a floating-point artefact; write at most 12 significant digits`
  ]);
});

it("checkFiles(2024-02-30, 2023-13-01, 31/12/2024, a datetime) refuses anything but a real YYYY-MM-DD date", () => {
  for (const date of ["2024-02-30", "2023-13-01", "31/12/2024", "2024-01-01T10:00:00+02:00", "1989-12-31"]) {
    assert.deepStrictEqual(problemLines(editValid(D, "announced: 2026-04-20", `announced: ${date}`)), [
      `${DF}:6:12: announced: must be a real calendar date written YYYY-MM-DD (1990–2100)`
    ]);
  }
});

it("checkFiles(unquoted date) keeps it a string: no Date, no time zone shift", () => {
  const {dataset} = check(editValid("companies.yaml", "name: Anthropic", "name: 2024-01-31"));
  assert.strictEqual(dataset!.deals[0].announced, "2026-04-20");
  assert.strictEqual(dataset!.companies[2].name, "2024-01-31");
  assert.strictEqual(typeof dataset!.deals[0].tranches[0].date, "string");
});

it("checkFiles(NO, yes) keeps them strings, so a boolean field fails with a clear message", () => {
  const {dataset} = check(editValid("companies.yaml", "name: Anthropic", "name: NO"));
  assert.strictEqual(dataset!.companies[2].name, "NO");
  for (const word of ["NO", "yes", "off", '"true"']) {
    const text = word.replace(/"/g, "");
    assert.deepStrictEqual(problemLines(editValid(D, "firm: false", `firm: ${word}`)), [
      `${DF}:33:11: tranches[2].firm: expected true (firm) or false (contingent), not the text "${text}"; only unquoted true and false are yes/no values`
    ]);
  }
});

it("checkFiles(zero-width space in an id) names the invisible character", () => {
  assert.deepStrictEqual(problemLines(editValid(D, "id: t2023\n", "id: t20\u200b23\n")), [
    `${DF}:16:9: tranches[0].id: must be kebab-case: lower-case letters and digits separated by dashes (it contains the invisible character U+200B; retype it)`
  ]);
});

it("checkFiles(source address) accepts only http(s) addresses and project pages", () => {
  const message = "must be an http(s) address with no spaces or quotes, or a page of this project (docs/…)";
  for (const url of ["ftp://www.anthropic.com/x", "javascript:alert(1)", "www.anthropic.com"]) {
    assert.deepStrictEqual(problemLines(editValid(D, "url: https://www.anthropic.com/news/anthropic-amazon-compute", `url: ${url}`)), [
      `${DF}:13:11: sources[0].url: ${message}`
    ]);
  }
});

it("checkFiles(a note over 20,000 characters) refuses it", () => {
  assert.deepStrictEqual(problemLines(editValid(D, "  The $100B is a headline figure.", `  ${"x".repeat(20_001)}`)), [
    `${DF}:76:8: notes: is longer than 20000 characters (the limit for a note)`
  ]);
  // A `|` block keeps its final newline: 19,999 x's + "\n" is exactly the 20,000 allowed.
  assert.deepStrictEqual(problemLines(editValid(D, "  The $100B is a headline figure.", `  ${"x".repeat(19_999)}`)), []);
});

it("checkFiles(a fact's note over 2,000 characters) refuses it", () => {
  // Line 32: 4 spaces + "amount: {" (13) + "value: 20, " (24) + "unit: usd-bn, " (38) + "status: reported, " (56)
  // + "bound: up-to, " (70) + "source: deal-source, " (91) + "note: " (97), so the note starts at column 98.
  assert.deepStrictEqual(
    problemLines(editValid(D, "source: deal-source}\n    firm: false", `source: deal-source, note: ${"y".repeat(2001)}}\n    firm: false`)),
    [`${DF}:32:98: tranches[2].amount.note: is longer than 2000 characters`]
  );
});

it("checkFiles(a file over 1 MB) refuses it before parsing, as bytes or as text", () => {
  // "chips: " (7) + 1,000,000 brackets + "\n" = 1,000,008 bytes. Parsed, it would be a nesting problem; only the
  // size problem is reported.
  const huge = `chips: ${"[".repeat(MAX_FILE_BYTES)}\n`;
  const start = performance.now();
  assert.deepStrictEqual(problemLines({...validFiles(), "chips.yaml": huge}), [
    "data/chips.yaml:0:0: (file): file is 1000008 bytes; the limit is 1000000"
  ]);
  const asText = checkFiles([{relative: "chips.yaml", bytes: huge}]).problems.filter((p) => p.file === "data/chips.yaml");
  assert.deepStrictEqual(
    asText.map((p) => p.message),
    ["file is 1000008 bytes; the limit is 1000000"]
  );
  assert.isBelow(performance.now() - start, 1000);
});

it("checkFiles(a top-level list or text) asks for a mapping", () => {
  assert.deepStrictEqual(problemLines({...validFiles(), "chips.yaml": "- trainium2\n"}), [
    'data/chips.yaml:1:1: (file): the file must be a mapping of keys (such as "id:" or "chips:"), not a list'
  ]);
});

it("checkFiles(a yardstick in another unit, of 0 or with an unknown key) names each field", () => {
  const yardsticks = (from: string, to: string) =>
    problemLines(edit({...validFiles(), "yardsticks.yaml": YARDSTICKS}, "yardsticks.yaml", from, to));
  assert.deepStrictEqual(yardsticks("unit: twh-per-year", "unit: twh"), [
    `data/yardsticks.yaml:10:11: yardsticks[0].unit: "twh" is not allowed: must be twh-per-year (the unit of a deal's energy a year)`
  ]);
  assert.deepStrictEqual(yardsticks("value: 183", "value: 0"), [
    "data/yardsticks.yaml:9:12: yardsticks[0].value: must be above 0 (a yardstick divides)"
  ]);
  assert.deepStrictEqual(yardsticks("year: 2024", "yaer: 2024"), [
    "data/yardsticks.yaml:7:5: yardsticks[0].year: is required but missing",
    'data/yardsticks.yaml:11:5: yardsticks[0].yaer: unknown key "yaer" (did you mean "year"? unknown keys are not allowed)'
  ]);
});
