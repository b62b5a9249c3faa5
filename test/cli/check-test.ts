// `deals check` as a person or CI runs it: a child process on a fixture folder.
import {spawnSync} from "node:child_process";
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {afterAll, assert, it} from "vitest";
import {ASSUMPTION_IDS} from "../../src/core/assumptions.js";
import {edit, editValid, validFiles, writeFixture} from "../io/fixtures.js";

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, {recursive: true, force: true});
});

/**
 * Runs `node bin/deals.js check --data <dir>` and returns its exit code and output; in `cwd` (a project whose
 * reports/summaries the data is checked against) when given, else in the repository.
 */
function deals(dir: string, env: Record<string, string> = {}, cwd?: string) {
  const {GITHUB_ACTIONS: _, ...rest} = process.env;
  const {status, stdout, stderr} = spawnSync(process.execPath, [resolve("bin/deals.js"), "check", "--data", dir], {
    encoding: "utf8",
    env: {...rest, ...env},
    timeout: 30_000,
    cwd
  });
  return {status, stdout, stderr};
}

/** Returns a project folder whose executive summaries are the given texts (market.md and deal.md by default). */
function summariesProject(summaries: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "deals-summaries-"));
  folders.push(dir);
  mkdirSync(join(dir, "reports/summaries"), {recursive: true});
  const texts = {
    "market.md": "The data holds {{data.deals}} deals as of {{data.as-of}}.\n",
    "deal.md": "**{{deal.name}}**.\n",
    ...summaries
  };
  for (const [name, text] of Object.entries(texts)) writeFileSync(join(dir, "reports/summaries", name), text);
  return dir;
}

const broken = () => {
  const dir = writeFixture(
    edit(editValid("deals/amazon-anthropic.yaml", "lab: anthropic", "lab: 5"), "chips.yaml", "perServer: 64", "perServer: 6.5")
  );
  folders.push(dir);
  return dir;
};

it("deals check --data <valid folder> exits 0 with one line starting ok:", () => {
  const dir = writeFixture(validFiles());
  folders.push(dir);
  // The repository's market summary cites deals this small dataset does not have: check against simpler ones.
  const {status, stdout, stderr} = deals(dir, {}, summariesProject());
  assert.strictEqual(stderr, "");
  assert.strictEqual(status, 0);
  // Facts: the deal has 10 confirmed, 2 reported, 1 estimate; the chip 2 confirmed, 1 estimate; one assumption per
  // id. Sources: one in each of chips, assumptions, signals and the deal.
  const n = ASSUMPTION_IDS.length;
  assert.strictEqual(
    stdout,
    `ok: 6 files, 1 deals, 1 chips, ${n} assumptions, 4 sources; facts: 12 confirmed, 2 reported, 2 estimate, ${n} assumption; as of 2026-06-30\n`
  );
});

it("deals check --data <broken folder> exits 1 and prints every problem as path:line:col: field: message", () => {
  const dir = broken();
  const {status, stdout, stderr} = deals(dir);
  assert.strictEqual(status, 1);
  assert.strictEqual(stdout, "");
  assert.strictEqual(
    stderr,
    [
      `${dir}/chips.yaml:15:16: chips[0].perServer: expected a whole number, not the number 6.5`,
      `${dir}/deals/amazon-anthropic.yaml:4:6: lab: expected an id (text), not the number 5`,
      "",
      `2 problems; 6 files checked in ${dir}`,
      ""
    ].join("\n")
  );
  assert.notMatch(stderr, /\n\s+at /); // no stack trace
});

it("deals check --data <valid data> refuses summaries that cite a missing figure or would stall marked, at their line", () => {
  const dir = writeFixture(validFiles());
  folders.push(dir);
  const project = summariesProject({
    "market.md": "Intro.\n\nThe first comparison: {{amazon-openai.commitment.total}}.\n",
    "deal.md": `Fine.\n\n${"> ".repeat(9)}deep\n`
  });
  const {status, stderr} = deals(dir, {}, project);
  assert.strictEqual(status, 1);
  const lines = stderr.split("\n");
  assert.include(lines, 'reports/summaries/market.md:3:23: placeholder: unknown figure "amazon-openai.commitment.total"');
  assert.include(lines, "reports/summaries/deal.md:3:1: markdown: cannot be rendered safely (nests 9 block quotes or lists (limit 8))");
  assert.include(lines, `2 problems; 6 files checked in ${dir}`);
  assert.notMatch(stderr, /\n\s+at /);
});

it("deals check --data <missing folder> exits 1 with one located problem and no stack trace", () => {
  const {status, stderr} = deals("no/such/folder");
  assert.strictEqual(status, 1);
  assert.strictEqual(
    stderr,
    "no/such/folder:0:0: (file): cannot read the data folder: no such file or folder\n\n1 problem; 0 files checked in no/such/folder\n"
  );
});

it("deals check with GITHUB_ACTIONS=true adds an ::error annotation per problem", () => {
  const dir = broken();
  const {status, stdout} = deals(dir, {GITHUB_ACTIONS: "true"});
  assert.strictEqual(status, 1);
  assert.strictEqual(
    stdout,
    [
      `::error file=${dir}/chips.yaml,line=15,col=16::chips[0].perServer: expected a whole number, not the number 6.5`,
      `::error file=${dir}/deals/amazon-anthropic.yaml,line=4,col=6::lab: expected an id (text), not the number 5`,
      ""
    ].join("\n")
  );
});
