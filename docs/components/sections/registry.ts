/**
 * The section registry: every section the report knows, by id, for the briefings (and any page that wants to
 * draw sections by id). Each file below may export one or more `Section` objects under any name; the registry
 * indexes them by their `id`.
 *
 * A new section file needs one line in SECTION_FILES; an id a briefing lists that no file exports is skipped with a
 * warning when the briefing is rendered.
 */
import type {Section} from "./types.js";

type SectionModule = Record<string, unknown>;

const SECTION_FILES: Record<string, () => Promise<SectionModule>> = {
  dealOverview: () => import("./dealOverview.js"),
  capacity: () => import("./capacity.js"),
  commitment: () => import("./commitment.js"),
  recycling: () => import("./recycling.js"),
  roadmap: () => import("./roadmap.js"),
  options: () => import("./options.js"),
  comparison: () => import("./comparison.js"),
  marketMap: () => import("./marketMap.js"),
  marketTotals: () => import("./marketTotals.js"),
  marketNpv: () => import("./marketNpv.js"),
  signals: () => import("./signals.js"),
  methodology: () => import("./methodology.js"),
  research: () => import("./research.js"),
  sources: () => import("./sources.js")
};

/** Returns true when `value` has the shape of a {@link Section}: a string id and title and a render function. */
export function isSection(value: unknown): value is Section {
  const v = value as Section | null;
  return typeof v === "object" && v !== null && typeof v.id === "string" && typeof v.title === "string" && typeof v.render === "function";
}

/**
 * Returns every section found in the section files, by id, in SECTION_FILES order. Throws when two sections share
 * an id (naming both files), since a briefing could not tell them apart.
 *
 * @example
 * const sections = await sectionRegistry();
 * sections.get("deal-overview")?.title // "The deal at a glance"
 */
export async function sectionRegistry(): Promise<Map<string, Section>> {
  const entries = await Promise.all(Object.entries(SECTION_FILES).map(async ([file, load]) => [file, await load()] as const));
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
