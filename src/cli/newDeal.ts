/** `deals new <deal-id>`: writes `data/deals/<id>.yaml` from the template, to be filled in until `deals check` passes. */
import {existsSync} from "node:fs";
import {mkdir, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {dealTemplate} from "../io/dealTemplate.js";
import {ID} from "../io/schema.js";

/** Writes the new deal file; returns the exit code (1 for an invalid id or a file that exists). */
export async function newDealCommand(id: string, {data = "data"}: {data?: string} = {}): Promise<number> {
  if (!ID.test(id)) {
    console.error(`deals new: invalid deal id "${id}": use lower-case letters, digits and hyphens, e.g. amazon-anthropic`);
    return 1;
  }
  const path = join(data, "deals", `${id}.yaml`);
  if (existsSync(path)) {
    console.error(`deals new: ${path} exists already`);
    return 1;
  }
  await mkdir(join(data, "deals"), {recursive: true});
  await writeFile(path, dealTemplate(id), {flag: "wx"});
  console.log(`wrote ${path}: replace every "FILL IN" value, then run npx deals check`);
  return 0;
}
