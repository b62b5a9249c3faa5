/**
 * Builds a section registry from a table of section files (see registry.ts for every file, dealRegistry.ts for a
 * deal page's): each file may export one or more `Section` objects under any name; the registry indexes them by id.
 * This module imports no section itself, so a page that loads a few sections does not reach the others' code.
 */
import type {Section} from "./types.js";

export type SectionModule = Record<string, unknown>;

/** Returns true when `value` has the shape of a {@link Section}: a string id and title and a render function. */
export function isSection(value: unknown): value is Section {
  const v = value as Section | null;
  return typeof v === "object" && v !== null && typeof v.id === "string" && typeof v.title === "string" && typeof v.render === "function";
}

/**
 * Returns every section found in `files` (file name → its loader), by id, in the table's order. Throws when two
 * sections share an id (naming both files), since a briefing could not tell them apart.
 *
 * @example
 * const sections = await registryOf({research: () => import("./research.js")});
 * sections.get("risks")?.title // "Risks, scenarios and peers"
 */
export async function registryOf(files: Record<string, () => Promise<SectionModule>>): Promise<Map<string, Section>> {
  const entries = await Promise.all(Object.entries(files).map(async ([file, load]) => [file, await load()] as const));
  const registry = new Map<string, Section>();
  const fileOf = new Map<string, string>();
  for (const [file, module] of entries) {
    for (const value of Object.values(module)) {
      if (!isSection(value) || registry.get(value.id) === value) continue;
      if (registry.has(value.id))
        throw new Error(`invalid section id: "${value.id}" is exported by both ${fileOf.get(value.id)}.ts and ${file}.ts`);
      registry.set(value.id, value);
      fileOf.set(value.id, file);
    }
  }
  return registry;
}
