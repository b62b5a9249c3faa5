/** Returns the path of a Chromium/Chrome executable, or null if none is found. */
export function findChromium(env?: Record<string, string | undefined>): string | null;
/** Returns the exact steps to get a browser on this platform. */
export function installHint(): string;
