import {assert, it} from "vitest";
import {moduleImports, pageAssets} from "../../src/cli/bench/pageWeight.js";

const HTML = `<!DOCTYPE html>
<link rel="modulepreload" href="../_observablehq/client.d10d8454.js">
<link rel="modulepreload" href="../_node/d3@7.9.2/index.c8f1bfbe.js">
<link rel="modulepreload" href="../_node/d3@7.9.2/index.c8f1bfbe.js">
<link rel="stylesheet" href="../_import/style.css">
<link rel="preload" as="style" href="../_import/x.js">
<script type="module" src="../_import/components/dom.246a1135.js"></script>
<script src="../other/legacy.js"></script>
<script type="module" src="https://cdn.example/x.js"></script>
<script type="module">
import {define} from "../_observablehq/client.d10d8454.js";
registerFile("./data/dataset.json", {"name":"./data/dataset.json","mimeType":"application/json","path":"../_file/data/dataset.e02eeecc.json","size":132804})
</script>`;

it("pageAssets(html, page) returns module scripts and preloads under the bundle folders, resolved against the page, once each", () => {
  assert.deepStrictEqual(pageAssets(HTML, "deals/amazon-anthropic.html").scripts, [
    "_observablehq/client.d10d8454.js",
    "_node/d3@7.9.2/index.c8f1bfbe.js",
    "_import/components/dom.246a1135.js"
  ]);
});

it("pageAssets(html, page) returns the registered data files and the inline module code", () => {
  const assets = pageAssets(HTML, "deals/amazon-anthropic.html");
  assert.deepStrictEqual(assets.data, ["_file/data/dataset.e02eeecc.json"]);
  assert.strictEqual(assets.inline.length, 1);
  assert.include(assets.inline[0], "registerFile");
});

it("pageAssets(html, page) resolves ./ paths of a top-level page", () => {
  const assets = pageAssets('<link rel="modulepreload" href="./_import/lib/core.js">', "commitment.html");
  assert.deepStrictEqual(assets.scripts, ["_import/lib/core.js"]);
});

it("pageAssets('', page) returns nothing", () => {
  assert.deepStrictEqual(pageAssets("", "index.html"), {scripts: [], data: [], inline: []});
});

it("moduleImports(code, file) returns static, re-exported and literal dynamic imports, resolved against the file", () => {
  const code = `import{a}from"../../lib/core.a27fd672.js";export*from"./dom.f8f44e9a.js";import "./side.js";
const load = () => import("./capacity.d81b5802.js"), again = import("./capacity.d81b5802.js");`;
  assert.deepStrictEqual(moduleImports(code, "_import/components/sections/registry.js"), [
    "_import/lib/core.a27fd672.js",
    "_import/components/sections/dom.f8f44e9a.js",
    "_import/components/sections/side.js",
    "_import/components/sections/capacity.d81b5802.js"
  ]);
});

it("moduleImports(code, page) resolves a page's inline imports and leaves out bare specifiers, addresses and other folders", () => {
  const code = `import {define} from "./_observablehq/client.d10d8454.js";
import * as Plot from "@observablehq/plot"; import("https://cdn.example/x.js"); import("./_file/data/x.js"); import(name);`;
  assert.deepStrictEqual(moduleImports(code, "deals/amazon-anthropic.html"), []);
  assert.deepStrictEqual(moduleImports(code, "index.html"), ["_observablehq/client.d10d8454.js"]);
});
