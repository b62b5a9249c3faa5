// `deals check` as a person or CI runs it: a child process on a fixture folder.
import {spawnSync} from "node:child_process";
import {rmSync} from "node:fs";
import {afterAll, assert, it} from "vitest";
import {ASSUMPTION_IDS} from "../../src/core/assumptions.js";
import {edit, editValid, validFiles, writeFixture, YARDSTICKS} from "../io/fixtures.js";

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, {recursive: true, force: true});
});

/** Runs `node bin/deals.js check --data <dir>` and returns its exit code and output. */
function deals(dir: string, env: Record<string, string> = {}) {
  const {GITHUB_ACTIONS: _, ...rest} = process.env;
  const {status, stdout, stderr} = spawnSync(process.execPath, ["bin/deals.js", "check", "--data", dir], {
    encoding: "utf8",
    env: {...rest, ...env},
    timeout: 30_000
  });
  return {status, stdout, stderr};
}

const broken = () => {
  const dir = writeFixture(
    edit(editValid("deals/amazon-anthropic.yaml", "lab: anthropic", "lab: 5"), "chips.yaml", "perServer: 64", "perServer: 6.5")
  );
  folders.push(dir);
  return dir;
};

it("deals check --data <valid folder> exits 0 with one line starting ok:", () => {
  const dir = writeFixture({...validFiles(), "yardsticks.yaml": YARDSTICKS});
  folders.push(dir);
  const {status, stdout, stderr} = deals(dir);
  assert.strictEqual(stderr, "");
  assert.strictEqual(status, 0);
  // Facts: the deal has 10 confirmed, 2 reported, 1 estimate; the chip 2 confirmed, 1 estimate; one assumption per
  // id; the yardstick 1 confirmed. Sources: one in each of chips, assumptions, signals, yardsticks and the deal.
  const n = ASSUMPTION_IDS.length;
  assert.strictEqual(
    stdout,
    `ok: 7 files, 1 deals, 1 chips, ${n} assumptions, 1 yardsticks, 5 sources; facts: 13 confirmed, 2 reported, 2 estimate, ${n} assumption; as of 2026-06-30\n`
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
