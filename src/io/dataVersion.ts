/** The data version: a short content hash of every file in `data/`, printed on covers and in the manifest. */
import {createHash} from "node:crypto";
import {readdir, readFile} from "node:fs/promises";
import {join} from "node:path";

/** Returns the first 12 hex digits of SHA-256 over every data file's path and bytes, in path order. */
export async function dataVersion(dataDir = "data"): Promise<string> {
  const files = (await readdir(dataDir, {recursive: true, withFileTypes: true}))
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name))
    .sort();
  const hash = createHash("sha256");
  for (const file of files)
    hash
      .update(`${file}\0`)
      .update(await readFile(file))
      .update("\0");
  return hash.digest("hex").slice(0, 12);
}
