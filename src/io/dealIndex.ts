/** Lists the deal files' ids and names cheaply, for the site's sidebar and routes (no full validation). */
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {parse} from "yaml";

/**
 * Returns `{id, name}` for every `deals/*.yaml` under `dataDir`, sorted by file name; unreadable files are skipped.
 * `known` (id → name, from data already read and checked: a checked deal's id is its file name) spares parsing those
 * files again; the others are parsed.
 */
export function listDeals(dataDir = "data", known?: ReadonlyMap<string, string>): {id: string; name: string}[] {
  const dir = join(dataDir, "deals");
  return readdirSync(dir)
    .filter((f) => /^[a-z0-9-]+\.ya?ml$/.test(f))
    .sort()
    .flatMap((f) => {
      const id = f.replace(/\.ya?ml$/, "");
      const name = known?.get(id);
      if (name !== undefined) return [{id, name}];
      try {
        const {id, name} = parse(readFileSync(join(dir, f), "utf-8"), {maxAliasCount: 0}) as {id?: unknown; name?: unknown};
        return typeof id === "string" && typeof name === "string" ? [{id, name}] : [];
      } catch {
        return [];
      }
    });
}
