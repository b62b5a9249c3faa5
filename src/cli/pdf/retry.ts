/** Failure handling for the PDF renderer: which errors are the browser's fault, one retry, a watchdog. */
import {BrowserFailure} from "./browserPool.js";
import {DocumentError} from "./pageChecks.js";

/** The message of a document the watchdog gave up on: the browser hung. */
export const HUNG = "timed out (the browser hung)";

/**
 * Returns true when `error` means the browser crashed, hung or went away, and false when the page itself is to
 * blame (a {@link DocumentError}) or the error is unknown.
 *
 * @example isBroken(new Error("Protocol error (Page.printToPDF): Target closed")) // true
 */
export function isBroken(error: unknown): boolean {
  if (error instanceof DocumentError) return false;
  const message = String((error as Error)?.message ?? error);
  return (
    message.includes(HUNG) ||
    /Target closed|Session closed|crashed|detached|Protocol error|disconnected|Connection closed|browser has been closed|not responding/i.test(
      message
    )
  );
}

/**
 * Returns what `job` returns, running it once more when it failed with a {@link BrowserFailure} (a crash; not a
 * bad page, not a hang), after telling `note` why.
 *
 * @example await withRetry("market", () => pool.use(render, isBroken), console.warn)
 */
export async function withRetry<T>(name: string, job: () => Promise<T>, note: (line: string) => void): Promise<T> {
  try {
    return await job();
  } catch (error) {
    if (!(error instanceof BrowserFailure) || error.message.includes(HUNG)) throw error;
    note(`pdf: ${name}: the browser failed (${error.message.split("\n")[0]}); retrying once with a new browser`);
    return job();
  }
}
