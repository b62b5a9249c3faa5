/**
 * Where the compiled CLI's entry files are. bin/deals.js runs the CLI from a bundle (scripts/cliBundle.mjs), which
 * compiles this module to return `<bundle folder>/<name>.js` when that file exists; from the sources (tsx, vitest)
 * there is no compiled file, and it returns null.
 */

/** The entries the bundle compiles besides the CLI's own (scripts/cliBundle.mjs ENTRIES). */
export type CompiledEntry = "prerenderWorker" | "scaleDeals";

/**
 * Returns the path of the compiled entry `name` when this code runs from the compiled CLI, or null from the sources.
 *
 * @example compiledEntry("prerenderWorker") // null under tsx; "/…/.build/cli/<key>/prerenderWorker.js" compiled
 */
export function compiledEntry(_name: CompiledEntry): string | null {
  return null;
}
