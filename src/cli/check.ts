/** `deals check`: validates every data file and prints every problem at once. */

import {countFactsByStatus} from "../core/facts.js";
import {STATUSES, type Status} from "../core/model.js";
import {annotateProblem, formatProblem} from "../io/problem.js";
import {readDataset} from "../io/readDataset.js";

/** Runs the check; returns the process exit code (0 clean, 1 problems). */
export async function check({dataDir = "data", quiet = false}: {dataDir?: string; quiet?: boolean} = {}): Promise<number> {
  const {dataset, problems, files} = await readDataset(dataDir);
  if (!dataset) {
    for (const p of problems) console.error(formatProblem(p));
    if (process.env.GITHUB_ACTIONS === "true") for (const p of problems) console.log(annotateProblem(p));
    console.error(`\n${problems.length} problem${problems.length === 1 ? "" : "s"} in ${files.length} files`);
    return 1;
  }
  if (!quiet) {
    const counts = countFactsByStatus(dataset);
    const mix = STATUSES.map((s: Status) => `${counts[s]} ${s}`).join(", ");
    console.log(
      `ok: ${files.length} files, ${dataset.deals.length} deals, ${dataset.chips.length} chips, ` +
        `${dataset.assumptions.length} assumptions, ${dataset.sources.length} sources; facts: ${mix}; as of ${dataset.asOf}`
    );
  }
  return 0;
}
