import {existsSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterEach, assert, it, vi} from "vitest";
import {newDealCommand} from "../../src/cli/newDeal.js";
import {PLACEHOLDER} from "../../src/io/dealTemplate.js";
import {formatProblem} from "../../src/io/problem.js";
import {readDataset} from "../../src/io/readDataset.js";
import {validFiles, writeFixture} from "../io/fixtures.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, {recursive: true, force: true});
  vi.restoreAllMocks();
});

/** Writes the valid fixture, runs `deals new test-deal` in it; returns the folder and the new file's path. */
async function fresh(): Promise<{dir: string; path: string}> {
  vi.spyOn(console, "log").mockImplementation(() => {});
  const dir = writeFixture(validFiles());
  dirs.push(dir);
  assert.strictEqual(await newDealCommand("test-deal", {data: dir}), 0);
  return {dir, path: join(dir, "deals", "test-deal.yaml")};
}

async function problems(dir: string): Promise<string[]> {
  const result = await readDataset(dir);
  return result.problems.map(formatProblem);
}

it("deals new <id> writes a deal file that deals check rejects at each placeholder's line", async () => {
  const {dir, path} = await fresh();
  const text = readFileSync(path, "utf-8");
  assert(text.startsWith("# yaml-language-server: $schema=../../schema/deal.schema.json\n"));
  const lines = text.split("\n");
  const expected = lines.flatMap((line, i) => (line.includes(`"${PLACEHOLDER}`) ? [i + 1] : []));
  const found = await problems(dir);
  assert(found.length > 0);
  for (const p of found) assert.match(p, /deals\/test-deal\.yaml:\d+:\d+: .+: is still a placeholder from deals new: /, p);
  // Every line holding a placeholder is reported, and nothing else.
  const reported = [...new Set(found.map((p) => Number(/test-deal\.yaml:(\d+):/.exec(p)![1])))].sort((a, b) => a - b);
  assert.deepStrictEqual(reported, expected);
});

it("deals new <id>: once every placeholder is filled, deals check passes", async () => {
  const {dir, path} = await fresh();
  const values: Record<string, string> = {
    name: "Amazon → Anthropic (test)",
    investors: "amazon",
    investor: "amazon",
    lab: "anthropic",
    provider: "aws",
    announced: "2026-01-02",
    status: "active",
    asOf: "2026-01-03",
    summary: "A test deal.",
    id: "test-source",
    title: "A page",
    url: "https://example.com/deal",
    publisher: "Example",
    date: "2026-01-02",
    label: "Something",
    start: "2026-01-01",
    platform: "AWS",
    source: "test-source",
    capacityLanguage: "x",
    hardwareAngle: "x",
    governancePosture: "x",
    strategicIntent: "x"
  };
  let ids = 0;
  const filled = readFileSync(path, "utf-8").replace(
    /(\w+)(: |: \[|, )?"FILL IN: ([^"]*)"/g,
    (_m, key: string, sep: string, hint: string) => {
      if (hint.includes("confirmed, reported")) return `${key}${sep ?? ""}confirmed`;
      if (hint.includes("a plain number")) return `${key}${sep ?? ""}5`;
      if (key === "kind") return `${key}${sep ?? ""}filing`;
      if (key === "id" && !hint.includes("publisher")) return `${key}${sep}item-${++ids}`;
      return `${key}${sep ?? ""}${JSON.stringify(values[key] ?? "x")}`;
    }
  );
  assert.notInclude(filled.replace(/#.*$/gm, ""), PLACEHOLDER);
  writeFileSync(path, filled);
  assert.deepStrictEqual(await problems(dir), []);
});

it("deals new <id> refuses an invalid id and a deal that exists", async () => {
  vi.spyOn(console, "error").mockImplementation(() => {});
  const {dir} = await fresh();
  assert.strictEqual(await newDealCommand("Bad Id", {data: dir}), 1);
  assert.strictEqual(await newDealCommand("test-deal", {data: dir}), 1);
  assert(!existsSync(join(dir, "deals", "Bad Id.yaml")));
});
