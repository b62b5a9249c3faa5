// The rebuild's fast path (src/cli/relink.ts, issue #18): with the same code and deals, a data-only change rewrites
// the data files the previous site has and relinks its pages, without Framework. A data file the previous site does
// not have (no page loads it: data/analysis.json since the topic pages load their own) must not send the rebuild
// through Framework.
import {mkdir, mkdtemp, readdir, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, assert, beforeAll, it} from "vitest";
import {fileAlias, registeredFiles, relinkSite} from "../../src/cli/relink.js";

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
  const relinked = await relinkSite({previousOut, scratch, files, key: "key"});
  const moved = relinked?.files;
  assert.deepStrictEqual(moved, [fileAlias("data/x.json", '{"a":2}')]);
  // No index in the previous manifest: every page scanned, and the index built for the next build.
  assert.deepStrictEqual(relinked?.pages, ["deals/d.html", "page.html"]);
  assert.deepStrictEqual(relinked?.registered, {
    [fileAlias("data/x.json", '{"a":2}')]: ["deals/d.html", "page.html"],
    [fileAlias("data/y.json", "{}")]: ["deals/d.html"]
  });
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

it("relinkSite reads only the pages the previous manifest's index names for a moved file (issue #18)", async () => {
  const previousOut = join(root, "out-indexed");
  const old = await previousSite(previousOut, '{"a":1}', "key");
  const y = fileAlias("data/y.json", "{}");
  // The index says only page.html registers x: deals/d.html (which does too) is left as the previous build's, so the
  // index, not a scan, decided the pages. A real index is the scan's (registeredFiles), as the first test shows.
  const manifest = JSON.parse(await readFile(join(previousOut, "manifest.json"), "utf-8"));
  await writeFile(
    join(previousOut, "manifest.json"),
    JSON.stringify({...manifest, registered: {[old]: ["page.html"], [y]: ["deals/d.html"]}})
  );
  const scratch = join(root, "scratch-indexed");
  const relinked = await relinkSite({previousOut, scratch, files: new Map([["data/x.json", '{"a":3}']]), key: "key"});
  const now = fileAlias("data/x.json", '{"a":3}');
  assert.deepStrictEqual(relinked, {files: [now], pages: ["page.html"], registered: {[now]: ["page.html"], [y]: ["deals/d.html"]}});
  assert.include(await readFile(join(scratch, "page.html"), "utf-8"), `"path":"./${now}","lastModified":1,"size":7`);
  assert.include(await readFile(join(scratch, "deals", "d.html"), "utf-8"), old);
  assert.deepStrictEqual(await registeredFiles(previousOut), {[old]: ["deals/d.html", "page.html"], [y]: ["deals/d.html"]});
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
