/** Makes the smallest valid data edit for the incremental-rebuild benchmark. */
import {readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";

/**
 * Adds 1 to the first `value:` of the `commitments:` block of `<dataDir>/deals/<dealId>.yaml` (default the
 * founding deal: its spend commitment, an "at least" amount, so the data stays valid) and returns what changed,
 * as `deals/<id>.yaml:<line>: value <old> → <new>`. Throws when the file has no such value.
 *
 * @example await changeOneValue("/tmp/data") // "deals/amazon-anthropic.yaml:171: value 100 → 101"
 */
export async function changeOneValue(dataDir: string, dealId = "amazon-anthropic"): Promise<string> {
  const file = join(dataDir, "deals", `${dealId}.yaml`);
  const text = await readFile(file, "utf-8");
  const block = text.search(/^commitments:/m);
  const match = block < 0 ? null : /\bvalue: (\d+(?:\.\d+)?)/.exec(text.slice(block));
  if (!match) throw new Error(`invalid data for the benchmark: no commitments value in ${file}`);
  const at = block + match.index;
  const before = Number(match[1]);
  const after = before + 1;
  await writeFile(file, `${text.slice(0, at)}value: ${after}${text.slice(at + match[0].length)}`);
  const line = text.slice(0, at).split("\n").length;
  return `deals/${dealId}.yaml:${line}: value ${before} → ${after}`;
}
