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
import {validFiles} from "./fixtures.js";

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
  "1_000"
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
  replaceDate: onText((text, pick) => replaceOne(text, /()\d{4}-\d{2}-\d{2}/g, pick, DATES[pick(DATES.length)]))
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

it("checkFiles(mutated real data) never throws, locates every problem, and returns only sound datasets", {
  timeout: 60_000 + RUNS * 100
}, () => {
  const start = performance.now();
  let valid = 0;
  fc.assert(
    fc.property(mutationArb, ({file, steps}) => {
      let bytes = FILES[file].bytes as Uint8Array;
      for (const {kind, choices} of steps) {
        let k = 0;
        bytes = MUTATIONS[kind](bytes, (n) => (n > 0 ? choices[k++ % choices.length] % n : 0));
      }
      const files = FILES.map((f, i) => (i === file ? {relative: f.relative, bytes} : f));
      const result = checkFiles(files, "data");
      if (result.dataset) {
        ++valid;
        assert.deepStrictEqual(result.problems, []);
        assertSound(result.dataset);
      } else assertLocated(result, files);
    }),
    {seed: SEED, numRuns: RUNS}
  );
  // Some mutations (a deleted blank line, a swapped note) leave the data valid; most must not.
  assert.isBelow(valid, RUNS);
  if (process.env.FUZZ_RUNS) console.log(`${RUNS} runs, ${valid} valid, ${Math.round(performance.now() - start)} ms`);
  assert.isBelow(performance.now() - start, (20_000 * RUNS) / 300);
});

it("checkFiles(real data) is valid before mutation, so the fuzz starts from a sound dataset", () => {
  const result = checkFiles(FILES, "data");
  assert.deepStrictEqual(result.problems.map(formatProblem), []);
  assertSound(result.dataset!);
});
