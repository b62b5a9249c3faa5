/** The benchmark's notes that describe one run's steps, and which of an earlier run's a merge replaces. */
import type {BenchStep} from "./steps.js";

/** The start of the note that the machine was busy, naming the steps of the run it concerns. */
export function busyNotePrefix(steps: ReadonlySet<BenchStep>): string {
  return `the machine was busy when the benchmark started (steps ${[...steps].join(", ")})`;
}

/**
 * Whether an earlier run's note is replaced by a merge of the run of `steps`: the notes a step writes (growth's, the
 * PDF target's, Lighthouse's) when it ran again, the earlier merge's list of steps, and a busy machine's note when
 * every step it names ran again. A busy note that names no step (written before notes named them) cannot be
 * attributed to a run, so it is dropped rather than left to describe the wrong figures.
 *
 * @example replacedNote("the machine was busy when the benchmark started (steps growth) (load 3 on 2 cores): …", new Set(["growth"])) // true
 */
export function replacedNote(note: string, steps: ReadonlySet<BenchStep>): boolean {
  if (/^steps .* measured at /.test(note)) return true;
  if (steps.has("growth") && /^growth/.test(note)) return true;
  if (steps.has("pdf") && /^PDF target/.test(note)) return true;
  if (steps.has("lighthouse") && /^Lighthouse ran on a busy machine/.test(note)) return true;
  const busy = /^the machine was busy when the benchmark started(?: \(steps ([^)]*)\))?/.exec(note);
  if (!busy) return false;
  return busy[1] === undefined || busy[1].split(", ").every((s) => steps.has(s as BenchStep));
}
