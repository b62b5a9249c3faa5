/**
 * Minifies the page modules Framework writes (`_import/**.js`: the components, transpiled but not minified) in a
 * built site, in place. The core, Plot and Sankey bundles are minified when bundled (bundleCore.ts) and are left
 * as they are. Import paths and export names are kept (esbuild's transform renames only local bindings), so file
 * names, the pages' module graph and Framework's content hashes in the names stay valid; the output is
 * deterministic, so a rebuild from the same inputs gives the same bytes. It keeps every page's JavaScript within
 * the 250 kB gzip budget (test/browser/site-test.ts).
 */
import {readdir, readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {transform} from "esbuild";

/** Returns how many modules were minified under `<site>/_import`, with their bytes before and after. */
export async function minifyModules(site: string): Promise<{files: number; before: number; after: number}> {
  const dir = join(site, "_import");
  const files = (await readdir(dir, {recursive: true}))
    .map(String)
    .filter((f) => f.endsWith(".js") && !f.startsWith("lib/"))
    .sort();
  let before = 0;
  let after = 0;
  for (const file of files) {
    const path = join(dir, file);
    const code = await readFile(path, "utf-8");
    const result = await transform(code, {minify: true, format: "esm", target: "es2022", legalComments: "none", charset: "utf8"});
    before += Buffer.byteLength(code);
    after += Buffer.byteLength(result.code);
    await writeFile(path, result.code);
  }
  return {files: files.length, before, after};
}
