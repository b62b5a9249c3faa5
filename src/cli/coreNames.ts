/**
 * The names the pages take from the core bundle: every `import {…}` and `export {…} from` of `lib/core.js` in the
 * docs folder's components and pages (type-only names left out). The browser bundle exports these and nothing else,
 * so esbuild drops the core code only the loaders and the CLI run (about 7 kB gzip on every page that loads it).
 */
import {readdir, readFile} from "node:fs/promises";
import {join} from "node:path";

const FROM_CORE = /(?:import|export)\s+(type\s+)?\{([^}]*)\}\s+from\s+["'](?:\.{1,2}\/)+lib\/core\.js["']/g;
/** Any other way to reach the bundle (a namespace import, a dynamic import): then every name is kept. */
const WHOLE = /import\s+\*\s+as\s+\w+\s+from\s+["'](?:\.{1,2}\/)+lib\/core\.js["']|import\(\s*["'](?:\.{1,2}\/)+lib\/core\.js["']\s*\)/;

/**
 * Returns the sorted value names the files under `docsDir` (its `.ts`, `.js` and `.md` files, not `lib/` or
 * Framework's cache) import or re-export from `lib/core.js`; null when one reaches the bundle some other way.
 *
 * @example await coreNamesUsed("docs") // ["capitalChain", "changeLine", …]
 */
export async function coreNamesUsed(docsDir: string): Promise<string[] | null> {
  const names = new Set<string>();
  for (const entry of await readdir(docsDir, {recursive: true, withFileTypes: true})) {
    const path = join(entry.parentPath, entry.name);
    const inside = path.slice(docsDir.length + 1).split(/[\\/]/)[0];
    if (!entry.isFile() || !/\.(?:ts|js|md)$/.test(entry.name) || inside === "lib" || inside === ".observablehq") continue;
    const text = await readFile(path, "utf-8");
    if (WHOLE.test(text)) return null;
    for (const [, typeOnly, list] of text.matchAll(FROM_CORE)) {
      if (typeOnly) continue;
      for (const item of list.split(",")) {
        const name = item.trim();
        if (!name || name.startsWith("type ")) continue;
        names.add(name.split(/\s+as\s+/)[0].trim());
      }
    }
  }
  return [...names].sort();
}
