// Mutation fuzzing of the repository's real data files: whatever the bytes, checkFiles never throws, every problem
// is located, and a dataset comes back only when every figure in it is finite and has a known status.
import {readdirSync, readFileSync} from "node:fs";
import {join, relative} from "node:path";
import fc from "fast-check";
import {assert, it} from "vitest";
import {type Dataset, STATUSES} from "../../src/core/model.js";
import {type CheckResult, checkFiles, type RawFile} from "../../src/io/dataset.js";
import {REQUIRED_FILES} from "../../src/io/parseDataFile.js";
import {formatProblem} from "../../src/io/problem.js";
import {checkProjections, checkReports} from "../../src/site/checkReports.js";
import {validFiles} from "./fixtures.js";
import {runLoaders} from "./loaders.js";

/** The real files in data/, read now; a required file the data does not have yet comes from the fixture. */
function realFiles(): RawFile[] {
  const list = (dir: string): string[] =>
    readdirSync(dir, {withFileTypes: true}).flatMap((e) => (e.isDirectory() ? list(join(dir, e.name)) : [join(dir, e.name)]));
  const files = list("data")
    .filter((path) => path.endsWith(".yaml"))
    .map((path) => ({relative: relative("data", path).split("\\").join("/"), bytes: new Uint8Array(readFileSync(path))}));
  for (const name of Object.keys(REQUIRED_FILES)) {
    if (!files.some((f) => f.relative === name))
      files.push({relative: name, bytes: new TextEncoder().encode(validFiles()[name] as string)});
  }
  return files.sort((a, b) => (a.relative < b.relative ? -1 : 1));
}

const FILES = realFiles();
const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** A mutation of one file's bytes, from the random choices fast-check made. */
type Mutation = (bytes: Uint8Array, pick: (n: number) => number) => Uint8Array;

const onText =
  (f: (text: string, pick: (n: number) => number) => string): Mutation =>
  (bytes, pick) =>
    encoder.encode(f(decoder.decode(bytes), pick));

/** Replaces one match of `pattern` (global) in `text` with `replacement`, or returns the text unchanged. */
function replaceOne(text: string, pattern: RegExp, pick: (n: number) => number, replacement: string): string {
  const matches = [...text.matchAll(pattern)];
  if (!matches.length) return text;
  const m = matches[pick(matches.length)];
  const start = m.index + (m[1]?.length ?? 0);
  const end = m.index + m[0].length;
  return text.slice(0, start) + replacement + text.slice(end);
}

const VALUES = ["true", "null", "[]", "{}", "42", '"text"', "2024-01-01", "-1", ".nan", "~", "'x'", "[a, b]", "{a: 1}", "NO"];
const NUMBERS = [
  "1e309",
  ".nan",
  "-1",
  "9007199254740993",
  "1e308",
  "0.30000000000000004",
  "-0",
  ".inf",
  "-.inf",
  "1e-320",
  "0x10",
  "0o17",
  "1_000",
  // Valid but extreme: they must survive every loader, or be refused by check.
  "1e15",
  "123456789012",
  "0.000001",
  "0"
];

/** Lines inserted into a file (indented like the line they precede): Markdown that would stall marked, hostile text, a placeholder. */
const LINES = [
  `${"> ".repeat(9)}deep`,
  "*".repeat(70),
  `${"_a ".repeat(260)}`,
  "- ".repeat(12),
  "<script>alert(1)</script> [x](javascript:alert(1))",
  "\u202Eevil \u200B",
  "{{amazon-anthropic.name}} \\{{",
  "key: value",
  "- item"
];
const DATES = ["1899-01-01", "2101-01-01", "2024-02-30", "9999-12-31", "2030-01-01", "0000-00-00", "2024-1-1", "2024-01-01T00:00:00Z"];

const MUTATIONS: Record<string, Mutation> = {
  flipByte: (bytes, pick) => {
    if (!bytes.length) return bytes;
    const out = bytes.slice();
    out[pick(out.length)] ^= 1 + pick(255);
    return out;
  },
  truncate: (bytes, pick) => bytes.slice(0, pick(bytes.length + 1)),
  deleteLine: onText((text, pick) => {
    const lines = text.split("\n");
    lines.splice(pick(lines.length), 1);
    return lines.join("\n");
  }),
  duplicateLine: onText((text, pick) => {
    const lines = text.split("\n");
    const i = pick(lines.length);
    lines.splice(i, 0, lines[i]);
    return lines.join("\n");
  }),
  swapScalar: onText((text, pick) => replaceOne(text, /([\w-]+: )[^\s{}[\],#][^,}\n]*/g, pick, VALUES[pick(VALUES.length)])),
  replaceNumber: onText((text, pick) => replaceOne(text, /(: |[[,] ?)-?\d+(?:\.\d+)?(?=[\s,}\]])/g, pick, NUMBERS[pick(NUMBERS.length)])),
  replaceDate: onText((text, pick) => replaceOne(text, /()\d{4}-\d{2}-\d{2}/g, pick, DATES[pick(DATES.length)])),
  insertInNote: onText((text, pick) => {
    // Only inside a block of Markdown (summary: | or notes: |), so the file stays valid YAML.
    const lines = text.split("\n");
    const starts = lines.flatMap((line, i) => (/^(summary|notes): \|$/.test(line) ? [i + 1] : []));
    if (!starts.length) return text;
    const i = starts[pick(starts.length)];
    lines.splice(i, 0, `  ${LINES[pick(LINES.length - 2)]}`, "");
    return lines.join("\n");
  }),
  insertLine: onText((text, pick) => {
    const lines = text.split("\n");
    const i = pick(lines.length);
    lines.splice(i, 0, `${/^\s*/.exec(lines[i])![0]}${LINES[pick(LINES.length)]}`);
    return lines.join("\n");
  })
};

const mutationArb = fc.record({
  file: fc.nat(FILES.length - 1),
  steps: fc.array(
    fc.record({kind: fc.constantFrom(...Object.keys(MUTATIONS)), choices: fc.array(fc.nat(), {minLength: 4, maxLength: 4})}),
    {
      minLength: 1,
      maxLength: 3
    }
  )
});

/** Asserts every figure in the dataset is finite with a known status, every date a string. */
function assertSound(dataset: Dataset): void {
  const visit = (node: unknown, path: string): void => {
    if (node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        visit(item, `${path}[${i}]`);
      });
      return;
    }
    const n = node as Record<string, unknown>;
    if (typeof n.unit === "string") {
      for (const key of ["value", "low", "base", "high"]) {
        if (key in n) assert.isTrue(Number.isFinite(n[key]), `${path}.${key} = ${n[key]}`);
      }
    }
    if (typeof n.source === "string" && "unit" in n) assert.include(STATUSES, n.status as string, `${path}.status`);
    for (const [key, child] of Object.entries(n)) visit(child, `${path}.${key}`);
  };
  visit(dataset.deals, "deals");
  visit(dataset.chips, "chips");
  visit(dataset.assumptions, "assumptions");
  for (const a of dataset.assumptions) assert.include(STATUSES, a.status, `assumption ${a.id}`);
}

/** Asserts every problem names a real file, a line inside it (0 only for whole-file problems), and says something. */
function assertLocated(result: CheckResult, files: RawFile[]): void {
  const lineCount = new Map(files.map((f) => [`data/${f.relative}`, decoder.decode(f.bytes as Uint8Array).split("\n").length]));
  const wholeDataset = new Set(["data", "data/deals", ...Object.keys(REQUIRED_FILES).map((name) => `data/${name}`)]);
  for (const name of readdirSync("reports/summaries"))
    lineCount.set(`reports/summaries/${name}`, readFileSync(`reports/summaries/${name}`, "utf-8").split("\n").length);
  assert.isAbove(result.problems.length, 0);
  for (const p of result.problems) {
    const where = formatProblem(p);
    assert.isTrue(lineCount.has(p.file) || wholeDataset.has(p.file), `unknown file: ${where}`);
    assert.isTrue(Number.isInteger(p.line) && Number.isInteger(p.col), where);
    if (p.line === 0) assert.strictEqual(p.field, "", `line 0 for a field: ${where}`);
    else assert.isAtMost(p.line, lineCount.get(p.file) ?? 1, `past the end: ${where}`);
    assert.isTrue(p.line >= 1 || (p.line === 0 && p.col === 0), where);
    assert.isString(p.field, where);
    assert.isAbove(p.message.trim().length, 0, where);
    assert.notMatch(p.message, /undefined|NaN\b(?! \()|\[object /, where);
  }
}

/** Seeded and 300 runs by default; FUZZ_SEED and FUZZ_RUNS explore further (e.g. FUZZ_RUNS=5000 FUZZ_SEED=7). */
const SEED = Number(process.env.FUZZ_SEED ?? 20260420);
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

/**
 * Returns what `deals check` (src/cli/check.ts) decides on the files: the data's own check, then, for valid data,
 * the executive summaries against it.
 */
async function dealsCheck(files: RawFile[]): Promise<CheckResult> {
  const result = checkFiles(files, "data");
  if (!result.dataset) return result;
  // The summaries' claims are checked against medians of draws, as \`deals check\` does (fewer draws here: speed).
  const problems = await checkReports(result.dataset, {projections: checkProjections(result.dataset, {draws: 200})});
  return problems.length ? {problems, files: result.files} : result;
}

it("deals check on mutated real data never throws, locates every problem, and every dataset it accepts goes through every loader", {
  timeout: 60_000 + RUNS * 300
}, async () => {
  const start = performance.now();
  let valid = 0;
  await fc.assert(
    fc.asyncProperty(mutationArb, async ({file, steps}) => {
      let bytes = FILES[file].bytes as Uint8Array;
      for (const {kind, choices} of steps) {
        let k = 0;
        bytes = MUTATIONS[kind](bytes, (n) => (n > 0 ? choices[k++ % choices.length] % n : 0));
      }
      const files = FILES.map((f, i) => (i === file ? {relative: f.relative, bytes} : f));
      const result = await dealsCheck(files);
      if (result.dataset) {
        ++valid;
        assert.deepStrictEqual(result.problems, []);
        assertSound(result.dataset);
        await runLoaders(result.dataset, {deals: affected(file, result.dataset, steps[0].choices[0])});
      } else assertLocated(result, files);
    }),
    {seed: SEED, numRuns: RUNS}
  );
  // Some mutations (a deleted blank line, a swapped note) leave the data valid; most must not.
  assert.isBelow(valid, RUNS);
  if (process.env.FUZZ_RUNS) console.log(`${RUNS} runs, ${valid} valid, ${Math.round(performance.now() - start)} ms`);
});

/**
 * Returns the deals whose loader outputs a mutation of FILES[file] can change: that deal for a deal file; for a
 * shared file (chips, assumptions…) all of them, of which two are taken (the first and one chosen by `choice`), to
 * keep each case fast.
 */
function affected(file: number, dataset: Dataset, choice: number): string[] {
  const deal = /^deals\/(.+)\.yaml$/.exec(FILES[file].relative)?.[1];
  if (deal) return [deal];
  const ids = dataset.deals.map((d) => d.id);
  return [...new Set([ids[0], ids[choice % ids.length]])];
}

/** Mutations that often keep the data valid, so that what check accepts reaches the loaders. */
const gentleArb = fc.record({
  file: fc.nat(FILES.length - 1),
  kind: fc.constantFrom("insertInNote", "replaceNumber", "replaceDate"),
  choices: fc.array(fc.nat(), {minLength: 4, maxLength: 4})
});

it("deals check on gently mutated real data (Markdown hazards and hostile text in notes, extreme numbers, edge dates) accepts only what every loader takes", {
  timeout: 60_000 + RUNS * 300
}, async () => {
  let valid = 0;
  await fc.assert(
    fc.asyncProperty(gentleArb, async ({file, kind, choices}) => {
      let k = 0;
      const bytes = MUTATIONS[kind](FILES[file].bytes as Uint8Array, (n) => (n > 0 ? choices[k++ % choices.length] % n : 0));
      const files = FILES.map((f, i) => (i === file ? {relative: f.relative, bytes} : f));
      const result = await dealsCheck(files);
      if (!result.dataset) return assertLocated(result, files);
      ++valid;
      await runLoaders(result.dataset, {deals: affected(file, result.dataset, choices[0])});
    }),
    {seed: SEED, numRuns: Math.ceil(RUNS / 4)}
  );
  assert.isAbove(valid, RUNS / 40, "too few mutations kept the data valid to exercise the loaders");
});

it("deals check (real data) is valid before mutation, so the fuzz starts from a sound dataset that every loader takes", async () => {
  const result = await dealsCheck(FILES);
  assert.deepStrictEqual(result.problems.map(formatProblem), []);
  assertSound(result.dataset!);
  const published = await runLoaders(result.dataset!);
  // Each loader in docs/data publishes one of these files (a parameterized one, one per value): none is left out.
  const loaders = readdirSync("docs/data", {recursive: true, encoding: "utf-8"}).filter((f) => /\.json\.(ts|js)$/.test(f));
  assert.isNotEmpty(loaders);
  for (const loader of loaders) {
    const pattern = new RegExp(
      `^data/${loader
        .replace(/\.(ts|js)$/, "")
        .replace(/\./g, "\\.")
        .replace(/\[\w+\]/g, "[^/]+")}$`
    );
    assert.isTrue(
      [...published.keys()].some((path) => pattern.test(path)),
      `docs/data/${loader} publishes nothing that runLoaders computes`
    );
  }
});
