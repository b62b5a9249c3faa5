// validateSite (src/cli/validateSite.ts): the gate between a fresh build and the published site.
import {mkdir, mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {afterAll, assert, it} from "vitest";
import {validateSite} from "../../src/cli/validateSite.js";

const dirs: string[] = [];

afterAll(async () => {
  for (const dir of dirs) await rm(dir, {recursive: true, force: true});
});

/** Returns a temp folder holding `files` (relative path → content). */
async function site(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "deals-validate-"));
  dirs.push(dir);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), {recursive: true});
    await writeFile(join(dir, path), content);
  }
  return dir;
}

async function failure(files: Record<string, string>): Promise<string> {
  return validateSite(await site(files)).then(
    () => "passed",
    (error: Error) => error.message
  );
}

const GOOD = {"index.html": "<p>ok</p>", "deals/a.html": "<p>a</p>", "_file/data/dataset.4ab89dfc.json": '{"deals": []}'};

it("validateSite(dir) returns the pages of a good site", async () => {
  assert.deepStrictEqual(await validateSite(await site(GOOD)), ["deals/a.html", "index.html"]);
});

it("validateSite(dir) refuses a missing index and a page with an error block", async () => {
  assert.match(await failure({"a.html": "x"}), /^site check: .*\/index\.html is missing$/);
  assert.strictEqual(
    await failure({...GOOD, "deals/a.html": '<div class="observablehq--error">x</div>'}),
    "site check: deals/a.html contains an error block"
  );
});

it("validateSite(dir) refuses a data loader's output that is empty or not JSON (Framework ships both)", async () => {
  assert.strictEqual(
    await failure({...GOOD, "_file/data/empty.e3b0c442.json": ""}),
    "site check: _file/data/empty.e3b0c442.json is empty (did the data loader for docs/data/empty.json write nothing?)"
  );
  assert.match(
    await failure({...GOOD, "_file/data/garbage.e3396206.json": "debug: oops\n"}),
    /^site check: _file\/data\/garbage\.e3396206\.json is not JSON \(did the data loader for docs\/data\/garbage\.json print to stdout\?\): /
  );
  assert.match(await failure({...GOOD, "_file/data/half.12345678.json": '{"half": '}), /half\.12345678\.json is not JSON/);
});
