// validateSite on a relinked build (src/cli/validateSite.ts `parsed`): only the data files the build wrote are parsed.
import {mkdir, mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {afterAll, assert, it} from "vitest";
import {validateSite} from "../../src/cli/validateSite.js";

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, {recursive: true, force: true});
});

async function failure(files: Record<string, string>, parsed: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "deals-validate-relinked-"));
  dirs.push(dir);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), {recursive: true});
    await writeFile(join(dir, path), content);
  }
  return validateSite(dir, {parsed: new Set(parsed)}).then(
    () => "passed",
    (error: Error) => error.message
  );
}

const written = "_file/data/deals/a.1a2b3c4d.json";
const copied = "_file/data/deals/b.5e6f7a8b.json";

it("validateSite with `parsed`: a written file that is not JSON or empty fails; a copied file is not parsed but must not be empty", async () => {
  const page = {"index.html": "<p>ok</p>"};
  assert.strictEqual(await failure({...page, [written]: "{}", [copied]: "{}"}, [written]), "passed");
  assert.match(await failure({...page, [written]: "log line", [copied]: "{}"}, [written]), /a\.1a2b3c4d\.json is not JSON/);
  assert.match(await failure({...page, [written]: "", [copied]: "{}"}, [written]), /a\.1a2b3c4d\.json is empty/);
  // A copy of the previous build's file, which its own check parsed: only its size is looked at.
  assert.strictEqual(await failure({...page, [written]: "{}", [copied]: "not json"}, [written]), "passed");
  assert.match(await failure({...page, [written]: "{}", [copied]: ""}, [written]), /b\.5e6f7a8b\.json is empty/);
  // Pages are still checked, every one.
  assert.match(await failure({...page, "deals/b.html": '<div class="observablehq--error">', [written]: "{}"}, [written]), /error block/);
});
