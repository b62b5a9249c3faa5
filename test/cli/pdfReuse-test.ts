// The input key of a briefing's PDF: its page and, transitively, every site file the page loads.
import {mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {assert, it} from "vitest";
import {pageInputsHash, referencedFiles} from "../../src/cli/pdf/reuse.js";

it("referencedFiles(text, from) finds local links, registered files and module specifiers, resolved from the site root", () => {
  const html = `<link rel="modulepreload" href="../_import/components/dom.1a2b3c4d.js">
<script type="module">import {x} from "../_import/briefing.5e6f.js";
registerFile("../data/briefings/market.json", {"name":"../data/briefings/market.json","path":"../_file/data/briefings/market.9a8b7c6d.json"});
</script><a href="https://example.com/">out</a><img src="data:image/png;base64,AAAA">`;
  assert.deepStrictEqual(referencedFiles(html, "briefings/market.html"), [
    "_file/data/briefings/market.9a8b7c6d.json",
    "_import/briefing.5e6f.js",
    "_import/components/dom.1a2b3c4d.js"
  ]);
  assert.deepStrictEqual(
    referencedFiles(`import("./sections/capacity.12345678.js"); export * from "/_node/d3@7/index.js";`, "_import/components/registry.js"),
    ["_import/components/sections/capacity.12345678.js", "_node/d3@7/index.js"]
  );
});

it("pageInputsHash(site, name) changes with any file the page loads, even two imports deep, and ignores file dates", async () => {
  const site = mkdtempSync(join(tmpdir(), "reuse-"));
  mkdirSync(join(site, "briefings"));
  mkdirSync(join(site, "_import"));
  const page = (modified: number) => `<script type="module" src="../_import/a.js"></script><script>{"lastModified":${modified}}</script>`;
  writeFileSync(join(site, "briefings", "x.html"), page(1));
  writeFileSync(join(site, "_import", "a.js"), `import "./b.js";`);
  writeFileSync(join(site, "_import", "b.js"), "export const value = 1;");
  writeFileSync(join(site, "_import", "unrelated.js"), "export const other = 1;");
  const first = await pageInputsHash(site, "x");
  writeFileSync(join(site, "briefings", "x.html"), page(2));
  writeFileSync(join(site, "_import", "unrelated.js"), "export const other = 2;");
  assert.strictEqual(await pageInputsHash(site, "x"), first, "file dates and files the page does not load are no inputs");
  writeFileSync(join(site, "_import", "b.js"), "export const value = 2;");
  assert.notStrictEqual(await pageInputsHash(site, "x"), first, "a module two imports deep is an input");
  await pageInputsHash(site, "missing").then(
    () => assert.fail("a missing page must throw"),
    (error: Error) => assert.match(error.message, /no page briefings\/missing\.html/)
  );
});
