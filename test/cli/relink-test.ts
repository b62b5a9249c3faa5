// The rebuild's fast path (src/cli/relink.ts, issue #18): with the same code and deals, a data-only change rewrites
// the data files the previous site has and relinks its pages, without Framework. A data file the previous site does
// not have (no page loads it: data/analysis.json since the topic pages load their own) must not send the rebuild
// through Framework.
import {mkdir, mkdtemp, readdir, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, assert, beforeAll, it} from "vitest";
import {fileAlias, relinkSite} from "../../src/cli/relink.js";

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "relink-"));
});

afterAll(() => rm(root, {recursive: true, force: true}));

/** Writes a previous site whose page loads data/x.json (text `text`), with the site key `key`. */
async function previousSite(dir: string, text: string, key: string): Promise<string> {
  const alias = fileAlias("data/x.json", text);
  await mkdir(join(dir, "_file", "data"), {recursive: true});
  await writeFile(join(dir, alias), text);
  await writeFile(join(dir, "index.html"), "<h1>Home</h1>");
  await writeFile(
    join(dir, "page.html"),
    `registerFile("./data/x.json", {"name":"./data/x.json","path":"./${alias}","lastModified":1,"size":${text.length}});`
  );
  // A page one folder down, loading the same file and one that does not change (data/y.json).
  const y = fileAlias("data/y.json", "{}");
  await writeFile(join(dir, y), "{}");
  await mkdir(join(dir, "deals"), {recursive: true});
  await writeFile(
    join(dir, "deals", "d.html"),
    `registerFile("../data/y.json", {"name":"../data/y.json","path":"../${y}","lastModified":1,"size":2});\n` +
      `registerFile("../data/x.json", {"name":"../data/x.json","path":"../${alias}","lastModified":1,"size":${text.length}});`
  );
  await writeFile(join(dir, "manifest.json"), JSON.stringify({format: 1, dataVersion: "v", asOf: "", figures: [], siteKey: key}));
  return alias;
}

it("relinkSite replaces the files the previous site has and skips one no page loads", async () => {
  const previousOut = join(root, "out");
  const old = await previousSite(previousOut, '{"a":1}', "key");
  const scratch = join(root, "scratch");
  const files = new Map([
    ["data/x.json", '{"a":2}'],
    ["data/analysis.json", '{"not":"loaded"}']
  ]);
  const moved = await relinkSite({previousOut, scratch, files, key: "key"});
  assert.deepStrictEqual(moved, [fileAlias("data/x.json", '{"a":2}')]);
  assert.sameMembers(await readdir(join(scratch, "_file", "data")), [
    moved![0].slice("_file/data/".length),
    fileAlias("data/y.json", "{}").slice("_file/data/".length)
  ]);
  const page = await readFile(join(scratch, "page.html"), "utf-8");
  assert.include(page, `"path":"./${moved![0]}","lastModified":1,"size":7`);
  assert.notInclude(page, old);
  // The page one folder down: its moved file re-pointed, the unchanged one left as it was.
  const nested = await readFile(join(scratch, "deals", "d.html"), "utf-8");
  assert.include(nested, `"path":"../${moved![0]}","lastModified":1,"size":7`);
  assert.include(nested, `"path":"../${fileAlias("data/y.json", "{}")}","lastModified":1,"size":2`);
  assert.notInclude(nested, old);
});

it("relinkSite returns null (a full build) for another site key", async () => {
  const previousOut = join(root, "out2");
  await previousSite(previousOut, '{"a":1}', "key");
  const moved = await relinkSite({previousOut, scratch: join(root, "scratch2"), files: new Map([["data/x.json", "{}"]]), key: "other"});
  assert.isNull(moved);
});

it("relinkSite returns null (a full build) for an output folder that holds only the last edition's manifest", async () => {
  // The clean build of incremental-test (and a CI shard) starts from an emptied output with the previous manifest:
  // every data file then reads as "loaded by no page", and relinking built an empty site.
  const previousOut = join(root, "out3");
  await mkdir(previousOut, {recursive: true});
  await writeFile(join(previousOut, "manifest.json"), JSON.stringify({format: 1, dataVersion: "v", asOf: "", figures: [], siteKey: "key"}));
  const moved = await relinkSite({previousOut, scratch: join(root, "scratch3"), files: new Map([["data/x.json", "{}"]]), key: "key"});
  assert.isNull(moved);
});
