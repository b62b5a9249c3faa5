// `deals check` as a person or CI runs it: a child process on a fixture folder.
import {spawnSync} from "node:child_process";
import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {afterAll, assert, it} from "vitest";
import {ASSUMPTION_IDS} from "../../src/core/assumptions.js";
import {edit, editValid, validFiles, writeFixture, YARDSTICKS} from "../io/fixtures.js";

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
  const dir = writeFixture({...validFiles(), "yardsticks.yaml": YARDSTICKS});
  folders.push(dir);
  // The repository's market summary cites deals this small dataset does not have: check against simpler ones.
  const {status, stdout, stderr} = deals(dir, {}, summariesProject());
  // The deal has no summary of its own: check says so, without failing.
  assert.strictEqual(
    stderr,
    "reports/summaries/deal.md: warning: deal-amazon-anthropic has no summary of its own and prints this generic template; write reports/summaries/deal-amazon-anthropic.md\n"
  );
  assert.strictEqual(status, 0);
  // Facts: the deal has 10 confirmed, 2 reported, 1 estimate; the chip 2 confirmed, 1 estimate; one assumption per
  // id and the deal's provider margin (margin-aws); the yardstick 1 confirmed. Sources: one in each of chips,
  // assumptions, signals, yardsticks and the deal.
  const n = ASSUMPTION_IDS.length + 1;
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

/** Writes a copy of the repository's data with every file corrupted in a different way; returns its folder. */
function corruptedData(): string {
  const dir = mkdtempSync(join(tmpdir(), "deals-corrupt-"));
  folders.push(dir);
  cpSync("data", dir, {recursive: true});
  const at = (f: string) => join(dir, f);
  const bytes = Uint8Array.from({length: 600}, (_, i) => (i * 7919 + 13) % 256);
  writeFileSync(at("companies.yaml"), bytes); // binary garbage: NUL bytes, invalid UTF-8
  const chips = readFileSync(at("chips.yaml"), "utf-8");
  writeFileSync(at("chips.yaml"), chips.slice(0, Math.floor(chips.length / 2))); // cut mid-file
  writeFileSync(at("assumptions.yaml"), ""); // empty
  rmSync(at("scenarios.yaml"));
  mkdirSync(at("scenarios.yaml")); // a folder where the file should be
  writeFileSync(at("signals.yaml"), "- just\n- a list\n"); // not a mapping
  const deal = (id: string) => at(`deals/${id}.yaml`);
  const bomb = [
    "a: &a [x, x, x, x, x, x, x, x, x]",
    ..."bcdefgh".split("").map((k, i) => `${k}: &${k} [${Array(9).fill(`*${"abcdefgh"[i]}`).join(", ")}]`)
  ];
  writeFileSync(deal("amazon-openai"), `${bomb.join("\n")}\n`); // billion laughs
  writeFileSync(deal("amd-openai"), `id: amd-openai\nx: ${"[".repeat(10_000)}\n`); // 10,000 levels of nesting
  writeFileSync(deal("broadcom-openai"), `${readFileSync(deal("broadcom-openai"), "utf-8")}\n# ${"x".repeat(1_100_000)}\n`); // over 1 MB
  rmSync(deal("coreweave-openai"));
  symlinkSync(join(dir, "no-such-file"), deal("coreweave-openai")); // dangling link
  const google = readFileSync(deal("google-anthropic"), "utf-8");
  writeFileSync(
    deal("google-anthropic"),
    google.replace(/^(\s*)value: [\d.]+/m, "$1value: .nan").replace(/^announced: .*/m, "announced: 2101-13-45")
  );
  const microsoft = readFileSync(deal("microsoft-openai"), "utf-8");
  writeFileSync(
    deal("microsoft-openai"),
    microsoft.replace(/^lab: .*$/m, (line) => `${line}\n${line}`)
  ); // duplicated key
  const nvidia = readFileSync(deal("nvidia-openai"), "utf-8");
  writeFileSync(deal("nvidia-openai"), nvidia.replace(/^provider: .*\n/m, "")); // deleted key
  writeFileSync(deal("oracle-openai"), "\uFEFF\r\nid: oracle-openai\r\nname: [unclosed\r\n"); // BOM, CRLF, bad YAML
  writeFileSync(at("deals/notes.txt"), "not a data file");
  return dir;
}

it("deals check --data <every file corrupted a different way> reports each at its file and line, and no stack trace", () => {
  const dir = corruptedData();
  const {status, stdout, stderr} = deals(dir);
  assert.strictEqual(status, 1);
  assert.strictEqual(stdout, "");
  const lines = stderr.trimEnd().split("\n");
  assert.match(lines.at(-1)!, /^\d+ problems; \d+ files checked in /);
  for (const line of lines.slice(0, -2)) assert.match(line, /^[^:\n]+:\d+:\d+: [^:]+: \S/, line);
  assert.notMatch(stderr, /\n\s+at |Error:|undefined|\[object /);
  const named = (file: string) => lines.some((line) => line.startsWith(`${dir}/${file}:`));
  const files = ["companies.yaml", "chips.yaml", "assumptions.yaml", "scenarios.yaml", "signals.yaml", "deals/notes.txt"];
  for (const id of [
    "amazon-openai",
    "amd-openai",
    "broadcom-openai",
    "coreweave-openai",
    "google-anthropic",
    "microsoft-openai",
    "nvidia-openai",
    "oracle-openai"
  ])
    files.push(`deals/${id}.yaml`);
  assert.deepStrictEqual(
    files.filter((f) => !named(f)),
    [],
    stderr
  );
});

it("a data loader run on invalid data exits 1 with the located problems and writes nothing (invalid data never reaches one)", () => {
  const dir = corruptedData();
  const {status, stdout, stderr} = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "docs/data/changes.json.ts"], {
    encoding: "utf8",
    env: {...process.env, DEALS_DATA: dir},
    timeout: 60_000
  });
  assert.strictEqual(status, 1);
  assert.strictEqual(stdout, "");
  assert.include(stderr, "invalid data:");
  assert.include(stderr, `${dir}/chips.yaml:`);
});
