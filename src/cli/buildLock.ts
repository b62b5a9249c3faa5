/**
 * Holds the build lock of src/cli/build.ts (`.build/build.lock`, the holder's pid, created exclusively) while the
 * benchmark clears Framework's cache or runs a bare `observable build`, so that no other build of the project
 * shares the cache meanwhile. Same protocol as build.ts's own acquireLock, which is not exported.
 */
import {rmSync} from "node:fs";
import {mkdir, readFile, rm, writeFile} from "node:fs/promises";

export const BUILD_LOCK = ".build/build.lock";

/**
 * Returns what `work` returns, run while this process holds the build lock (waiting, polling every 250 ms, while
 * another live process holds it; a lock left by a dead process is taken over). `onWait` is called once if it
 * had to wait. Throws after `timeoutMs` (default 15 minutes) of waiting.
 *
 * @example await withBuildLock(() => rm("docs/.observablehq/cache", {recursive: true, force: true}));
 */
export async function withBuildLock<T>(
  work: () => Promise<T>,
  {onWait = () => {}, timeoutMs = 15 * 60_000}: {onWait?: (holder: number) => void; timeoutMs?: number} = {}
): Promise<T> {
  await mkdir(".build", {recursive: true});
  const deadline = performance.now() + timeoutMs;
  let waited = false;
  for (;;) {
    try {
      await writeFile(BUILD_LOCK, String(process.pid), {flag: "wx"});
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = Number(await readFile(BUILD_LOCK, "utf-8").catch(() => ""));
    if (!holder || !isRunning(holder)) {
      await rm(BUILD_LOCK, {force: true});
      continue;
    }
    if (performance.now() > deadline) throw new Error(`another build (pid ${holder}) has held ${BUILD_LOCK} for too long`);
    if (!waited) onWait(holder);
    waited = true;
    await new Promise((ok) => setTimeout(ok, 250));
  }
  try {
    return await work();
  } finally {
    rmSync(BUILD_LOCK, {force: true});
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
