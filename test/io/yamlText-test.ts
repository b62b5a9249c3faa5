// YAML-level traps (reliability.md §4.5 V1, V2, V6 hex, V11, V18–V20, V23, V24), checked end to end through
// checkFiles so each test pins the exact line a person would read.
import {assert, it} from "vitest";
import {decodeUtf8, findDeepNesting, MAX_DEPTH, parseYamlText} from "../../src/io/yamlText.js";
import {check, editValid, problemLines, validFiles} from "./fixtures.js";

const D = "deals/amazon-anthropic.yaml";
const DF = "data/deals/amazon-anthropic.yaml";
const encode = (text: string) => new TextEncoder().encode(text);

it("checkFiles(tab indentation) reports TAB_AS_INDENT at the tab, with the fix", () => {
  const lines = problemLines(editValid(D, "  hardwareAngle", "\thardwareAngle"));
  assert.strictEqual(lines[0], `${DF}:73:1: (file): YAML syntax: tabs are not allowed as indentation; indent with spaces`);
});

it("checkFiles(unclosed quote) points at the opening quote, not the end of the file", () => {
  assert.deepStrictEqual(problemLines(editValid(D, "label: Fresh investment", 'label: "Fresh investment')), [
    `${DF}:23:12: (file): YAML syntax: this " quote is never closed; add the closing "`
  ]);
});

it("checkFiles(key: value: x) says to quote a value that contains a colon", () => {
  assert.deepStrictEqual(problemLines(editValid(D, "lab: anthropic", "lab: anthropic: x")), [
    `${DF}:4:6: (file): YAML syntax: Nested mappings are not allowed in compact mappings; a value that contains ": " must be quoted`
  ]);
});

it("checkFiles(duplicate key) reports the second occurrence with its field", () => {
  assert.deepStrictEqual(problemLines(editValid(D, "lab: anthropic\n", "lab: anthropic\nlab: openai\n")), [
    `${DF}:5:1: lab: duplicate key "lab": a key may appear once in a mapping; delete or rename one`
  ]);
  // Nested: the second `firm` of tranche 0 is on line 22 (the inserted line).
  assert.deepStrictEqual(
    problemLines(editValid(D, "    firm: true\n  - id: t2026\n", "    firm: true\n    firm: false\n  - id: t2026\n")),
    [`${DF}:22:5: tranches[0].firm: duplicate key "firm": a key may appear once in a mapping; delete or rename one`]
  );
});

it("checkFiles(second document) refuses a --- separator inside a data file", () => {
  assert.deepStrictEqual(problemLines(editValid(D, "notes: |", "---\nnotes: |")), [
    `${DF}:76:1: (file): YAML syntax: a data file holds one document; remove the second --- and what follows or move it to its own file`
  ]);
});

it("checkFiles(0x10) asks for decimal numbers", () => {
  assert.deepStrictEqual(problemLines(editValid(D, "{value: 4,", "{value: 0x10,")), [
    `${DF}:20:21: tranches[0].amount.value: write numbers in decimal, not 0x10`
  ]);
});

it("checkFiles(9007199254740993) refuses an integer past 2^53", () => {
  assert.deepStrictEqual(problemLines(editValid(D, "{value: 4,", "{value: 9007199254740993,")), [
    `${DF}:20:21: tranches[0].amount.value: 9007199254740993 is too large to be exact (over 2^53)`
  ]);
});

it("checkFiles(empty file, only ---, only a BOM, only a comment) says the document is empty", () => {
  for (const content of ["", "---\n", "\uFEFF", "# nothing yet\n"]) {
    assert.deepStrictEqual(problemLines({...validFiles(), "chips.yaml": content}), [
      "data/chips.yaml:1:1: (file): empty document: the file has no data"
    ]);
  }
});

it("checkFiles(BOM + CRLF) accepts an otherwise valid file and counts lines the same", () => {
  const crlf = (text: string) => `\uFEFF${text.replace(/\n/g, "\r\n")}`;
  const files = validFiles();
  const windows = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, crlf(v as string)]));
  const result = check(windows);
  assert.deepStrictEqual(result.problems, []);
  assert.deepStrictEqual(result.dataset, check(files).dataset);
  const broken = editValid(D, "lab: anthropic", "lab: Anthropic");
  assert.deepStrictEqual(problemLines({...broken, [D]: crlf(broken[D] as string)}), problemLines(broken));
});

it("checkFiles(Latin-1 bytes) names the byte offset, line and column of the first bad byte", () => {
  // "sources: []\n" is bytes 0–11, "chips:\n" 12–18, "  - name: Caf" 19–31, so é (0xE9) is byte 32, column 14 of line 3.
  const bytes = Uint8Array.from([...encode("sources: []\nchips:\n  - name: Caf"), 0xe9, 10]);
  assert.deepStrictEqual(problemLines({...validFiles(), "chips.yaml": bytes}), [
    "data/chips.yaml:3:14: (file): not valid UTF-8 at byte 32 (0xE9); save the file as UTF-8 (Latin-1 or Windows-1252 text is not accepted)"
  ]);
});

it("decodeUtf8(bytes, file) accepts valid multi-byte text and drops a BOM", () => {
  assert.deepStrictEqual(decodeUtf8(Uint8Array.from([0xef, 0xbb, 0xbf, ...encode("a: é → 𝔸\n")]), "f"), {text: "a: é → 𝔸\n"});
});

it("decodeUtf8(bytes, file) rejects overlong forms, surrogates and truncated sequences at their first byte", () => {
  const offset = (bytes: number[]) => {
    const result = decodeUtf8(Uint8Array.from(bytes), "f");
    return "problem" in result ? /byte (\d+)/.exec(result.problem.message)![1] : "valid";
  };
  assert.strictEqual(offset([0x61, 0xc0, 0x80]), "1"); // overlong NUL
  assert.strictEqual(offset([0x61, 0x62, 0xed, 0xa0, 0x80]), "2"); // UTF-16 surrogate D800
  assert.strictEqual(offset([0x61, 0xe2, 0x82]), "1"); // € cut short at the end of the file
  assert.strictEqual(offset([0xff, 0xfe, 0x61, 0x00]), "0"); // UTF-16 LE byte-order mark
});

it("checkFiles(__proto__ or constructor key) rejects reserved keys before any value is built", () => {
  assert.deepStrictEqual(problemLines(editValid(D, "lab: anthropic\n", "lab: anthropic\n__proto__: {polluted: true}\n")), [
    `${DF}:5:1: __proto__: this key name is reserved and not allowed`
  ]);
  assert.deepStrictEqual(problemLines(editValid("companies.yaml", "    name: Amazon\n", "    name: Amazon\n    constructor: x\n")), [
    "data/companies.yaml:5:5: constructor: this key name is reserved and not allowed"
  ]);
  assert.strictEqual(({} as {polluted?: boolean}).polluted, undefined);
});

it("checkFiles(billion laughs) rejects anchors and aliases quickly", () => {
  const lines = ['lol0: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; ++i) {
    const [prev, next] = [String.fromCharCode(96 + i), String.fromCharCode(97 + i)];
    lines.push(`lol${i}: &${next} [${Array(9).fill(`*${prev}`).join(",")}]`);
  }
  const start = performance.now();
  const problems = problemLines({...validFiles(), "chips.yaml": `${lines.join("\n")}\n`});
  assert.isBelow(performance.now() - start, 1000);
  assert.strictEqual(problems[0], "data/chips.yaml:1:7: lol0: anchors (&a) are not allowed in data files; write the value out");
  assert.strictEqual(problems[1], "data/chips.yaml:2:7: lol1: anchors (&b) are not allowed in data files; write the value out");
  assert.strictEqual(problems[2], "data/chips.yaml:2:11: lol1[0]: aliases (*a) are not allowed in data files; write the value out");
  assert.strictEqual(problems.length, 9 + 8 * 9); // 9 anchors, 8 lines of 9 aliases
});

it("checkFiles(10,000 levels of nesting) rejects brackets, dashes and key chains quickly", () => {
  const cases: [string, string][] = [
    [`chips: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`, "data/chips.yaml:1:40"], // 7 + 33rd bracket
    [`${"{a: ".repeat(10_000)}${"}".repeat(10_000)}\n`, "data/chips.yaml:1:129"], // 33rd brace: 32 × 4 + 1
    [`${"- ".repeat(10_000)}x\n`, `data/chips.yaml:1:${MAX_DEPTH * 4 + 1}`],
    [`${"? ".repeat(10_000)}x\n`, `data/chips.yaml:1:${MAX_DEPTH * 4 + 1}`],
    [`${"a: ".repeat(10_000)}x\n`, "data/chips.yaml:1:98"] // 33rd colon: 32 × 3 + 2
  ];
  for (const [text, where] of cases) {
    const start = performance.now();
    const problems = problemLines({...validFiles(), "chips.yaml": text});
    assert.isBelow(performance.now() - start, 1000);
    assert.deepStrictEqual(problems, [`${where}: (file): nested more than ${MAX_DEPTH} levels deep`]);
  }
});

it("findDeepNesting(text) ignores brackets in quotes, comments and block scalars, and apostrophes in prose", () => {
  const prose = `a: Amazon's "[[[" total\nb: '{{{'\n# [[[[\nnotes: |\n  ${"[".repeat(40)}\nc: [1, [2]]\n`;
  assert.isNull(findDeepNesting(prose));
  assert.isNull(findDeepNesting(`a: ${"[".repeat(MAX_DEPTH)}${"]".repeat(MAX_DEPTH)}\n`));
  assert.deepStrictEqual(findDeepNesting(`a: Amazon's\nb: ${"[".repeat(MAX_DEPTH + 1)}\n`), {line: 2, col: 4 + MAX_DEPTH});
});

it("parseYamlText(text) reads dates, NO and yes as strings (YAML 1.2 core schema)", () => {
  const {value, problems} = parseYamlText("date: 2024-01-31\ncountry: NO\nactive: yes\nflag: true\n", "f");
  assert.deepStrictEqual(problems, []);
  assert.deepStrictEqual(value, {date: "2024-01-31", country: "NO", active: "yes", flag: true});
});

it("parseYamlText(text) accepts a key without a value (? key), which the parser visits as null", () => {
  // Found by the fuzz test: two flipped bytes turned a line into `? key`, and the visitor read null.range.
  assert.deepStrictEqual(parseYamlText("a:\n  ? b\n", "f").value, {a: {b: null}});
  assert.deepStrictEqual(problemLines({...validFiles(), "chips.yaml": "? chips\n"}), [
    "data/chips.yaml:1:1: chips: must not be empty (expected a list)"
  ]);
});

it("parseYamlText(text) refuses keys that are lists or mappings, at the key", () => {
  assert.deepStrictEqual(
    parseYamlText("a: 1\n? [b]\n: 2\n", "f").problems.map((p) => `${p.line}:${p.col}: ${p.message}`),
    ["2:3: keys must be plain text"]
  );
});
