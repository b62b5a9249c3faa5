/** A deadline for a promise, shared by the browser launcher and the PDF renderer's watchdog. */

/**
 * Returns `promise`, or rejects with `message` after `ms` milliseconds, whichever comes first (the timer is
 * cleared either way).
 *
 * @example await withTimeout(renderDocument(browser, request), 240_000, `market: ${HUNG}`)
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
