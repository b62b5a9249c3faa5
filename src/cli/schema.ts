/** `deals schema [--check]`: writes (or checks) the data files' JSON Schemas in schema/. */
import {mkdir, readFile, writeFile} from "node:fs/promises";
import {dirname} from "node:path";
import {jsonSchemas} from "../io/jsonSchema.js";

/** Writes every schema file, or with `check` reports those that differ from the generated ones; returns the exit code. */
export async function schemaCommand({check = false}: {check?: boolean} = {}): Promise<number> {
  let stale = 0;
  for (const [path, text] of jsonSchemas()) {
    if (check) {
      if ((await readFile(path, "utf-8").catch(() => "")) !== text) {
        console.error(`${path}: out of date; run npx deals schema`);
        stale++;
      }
      continue;
    }
    await mkdir(dirname(path), {recursive: true});
    await writeFile(path, text);
    console.log(`wrote ${path}`);
  }
  return stale ? 1 : 0;
}
