/**
 * JSON Schemas of the data files, generated from the zod schemas (schema.ts) with zod's own z.toJSONSchema, for
 * editors: each data file's first line points at its schema (`# yaml-language-server: $schema=…`), so a wrong or
 * misspelt field is flagged while typing. `deals schema` writes them to schema/; a test keeps them current.
 */
import {z} from "zod";
import {SCHEMAS} from "./parseDataFile.js";

/**
 * Returns every JSON Schema file: `schema/<name>.schema.json` → its text. Draft 7, which the YAML language server
 * reads; checks zod cannot express (ISO dates, cross-file ids, units per field) stay with `deals check`.
 */
export function jsonSchemas(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    const json = z.toJSONSchema(schema, {io: "input", unrepresentable: "any", target: "draft-7"});
    const titled = {
      ...json,
      title: `compute-deals ${name} file`,
      description: `Generated from src/io/schema.ts by \`deals schema\`; do not edit.`
    };
    out.set(`schema/${name}.schema.json`, `${JSON.stringify(titled, null, 2)}\n`);
  }
  return out;
}

/** Returns the first line a data file starts with, pointing at its schema (path relative to the data folder). */
export function schemaComment(relative: string): string {
  const name = relative.startsWith("deals/") ? "deal" : relative.replace(/\.ya?ml$/, "");
  const up = "../".repeat(relative.split("/").length);
  return `# yaml-language-server: $schema=${up}schema/${name}.schema.json`;
}
