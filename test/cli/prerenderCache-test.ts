// Issue #18: a rebuild prerenders only the pages whose inputs changed. A page's key covers its HTML and every file it
// loads, transitively, and nothing else.
import {mkdir, mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {assert, it} from "vitest";
import {pageCache} from "../../src/cli/prerenderCache.js";

it("pageCache(dir, site).key(page) changes with the page and every file it loads, transitively, and with nothing else", async () => {
  const site = await mkdtemp(join(tmpdir(), "deals-prerender-"));
  try {
    const write = async (path: string, text: string) => {
      await mkdir(join(site, path, ".."), {recursive: true});
      await writeFile(join(site, path), text);
    };
    const page = (extra = "") =>
      `<script type="module">import "../_import/a.js"; registerFile("d", {"path":"../_file/data/d.json","lastModified":${extra || "1"}});</script><a href="./">home</a><h1><observablehq-loading></observablehq-loading><!--:6e474379:--></h1>`;
    await write("_import/a.js", 'import {b} from "./b.js";');
    await write("_import/b.js", "export const b = 1;");
    await write("_file/data/d.json", "{}");
    await write("_file/data/other.json", "{}");
    const key = async () => (await pageCache(join(site, ".cache"), site)).key("deals/x.html", page());
    const first = await key();
    assert.match(first, /^[0-9a-f]{64}$/);
    // Not inputs: a file the page does not load, the file dates, what an earlier prerender wrote.
    await write("_file/data/other.json", '{"x": 1}');
    assert.strictEqual(await key(), first);
    const cache = await pageCache(join(site, ".cache"), site);
    assert.strictEqual(await cache.key("deals/x.html", page("1767225600000")), first);
    const prerendered = page().replace(
      "<observablehq-loading></observablehq-loading><!--:6e474379:-->",
      '<observablehq-loading class="prerendered">Amazon → Anthropic</observablehq-loading><!--:6e474379:-->'
    );
    assert.strictEqual(await cache.key("deals/x.html", prerendered), first);
    // Inputs: the data file, a module the page's module imports, the page's path.
    await write("_file/data/d.json", '{"y": 2}');
    const second = await key();
    assert.notStrictEqual(second, first);
    await write("_import/b.js", "export const b = 2;");
    const third = await key();
    assert.notStrictEqual(third, second);
    assert.notStrictEqual(await (await pageCache(join(site, ".cache"), site)).key("deals/y.html", page()), third);
    // Kept by key; an entry this run did not use is pruned.
    await cache.set(first, {cells: {"6e474379": "Amazon → Anthropic"}, controls: []});
    const next = await pageCache(join(site, ".cache"), site);
    assert.deepStrictEqual(await next.get(first), {cells: {"6e474379": "Amazon → Anthropic"}, controls: []});
    await (await pageCache(join(site, ".cache"), site)).prune();
    assert.strictEqual(await (await pageCache(join(site, ".cache"), site)).get(first), null);
  } finally {
    await rm(site, {recursive: true, force: true});
  }
});
