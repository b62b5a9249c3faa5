/**
 * The project's build lock (`.build/build.lock`, the holder's pid, created exclusively): `deals build` holds it for
 * the whole build, and the benchmark while it clears Framework's cache or runs a bare `observable build`, so that
 * no two builds of the project share the cache. A lock left by a process that is gone is taken over.
 */
import {rmSync} from "node:fs";
import {mkdir, readFile, rm, writeFile} from "node:fs/promises";
import {dirname} from "node:path";
import {isRunning} from "./exec.js";

export const BUILD_LOCK = ".build/build.lock";

export interface BuildLockOptions {
  /** Called once, with the holder's pid, when the lock is held by another live process. */
  onWait?: (holder: number) => void;
  /** Milliseconds to wait before giving up; default 15 minutes. */
  timeoutMs?: number;
}

/**
 * Takes the build lock, waiting (polling every 250 ms) while another live process holds it, and returns the
 * function that releases it. Throws `another build (pid N) has held .build/build.lock for M minutes` after
 * `timeoutMs` of waiting.
 *
 * @example const release = await acquireBuildLock({onWait: (pid) => log(`waiting for ${pid}`)}); try {…} finally {release()}
 */
export async function acquireBuildLock({onWait = () => {}, timeoutMs = 15 * 60_000}: BuildLockOptions = {}): Promise<() => void> {
  await mkdir(dirname(BUILD_LOCK), {recursive: true});
  const deadline = performance.now() + timeoutMs;
  let waited = false;
  for (;;) {
    try {
      await writeFile(BUILD_LOCK, String(process.pid), {flag: "wx"});
      return () => rmSync(BUILD_LOCK, {force: true});
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = Number(await readFile(BUILD_LOCK, "utf-8").catch(() => ""));
    if (!holder || !isRunning(holder)) {
      await rm(BUILD_LOCK, {force: true});
      continue;
    }
    if (performance.now() > deadline)
      throw new Error(`another build (pid ${holder}) has held ${BUILD_LOCK} for ${timeoutMs / 60_000} minutes`);
    if (!waited) onWait(holder);
    waited = true;
    await new Promise((ok) => setTimeout(ok, 250));
  }
}

/**
 * Returns what `work` returns, run while this process holds the build lock (see {@link acquireBuildLock}).
 *
 * @example await withBuildLock(() => rm("docs/.observablehq/cache", {recursive: true, force: true}));
 */
export async function withBuildLock<T>(work: () => Promise<T>, options: BuildLockOptions = {}): Promise<T> {
  const release = await acquireBuildLock(options);
  try {
    return await work();
  } finally {
    release();
  }
}
