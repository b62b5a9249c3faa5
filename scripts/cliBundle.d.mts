/** The files and folders (relative to the project root) the compiled CLI is made from: its key hashes all of them. */
export const KEY_ROOTS: readonly string[];
/** Where the compiled CLI's bundles live, relative to the project root. */
export const BUNDLES: string;
/** Returns the key of the sources under `root`: SHA-256 (hex) over esbuild's version and every file under KEY_ROOTS. */
export function sourceKey(root: string): string;
/** Returns the path of the compiled CLI's `main.js` for the sources under `root`, building it first when absent. */
export function compiledCli(root: string): Promise<string>;
/** Builds the bundle of the sources under `root` into `<root>/.build/cli/<key>/` (a temp folder renamed into place). */
export function buildBundle(root: string, key: string): Promise<void>;
