// A lock between the test files of a run (and other runs in this checkout) that build a shared fixture once: a
// folder made with mkdir (atomic), holding the holder's pid; a lock whose holder is gone is taken over.
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {dirname} from "node:path";

/** Returns `work()`'s result, run while holding the lock folder `lock` (waiting for another holder, 250 ms a look). */
export async function withDirLock<T>(lock: string, work: () => Promise<T>): Promise<T> {
  mkdirSync(dirname(lock), {recursive: true});
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(`${lock}/pid`, String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(existsSync(`${lock}/pid`) ? readFileSync(`${lock}/pid`, "utf-8") : "");
      if (holder && !isRunning(holder)) rmSync(lock, {recursive: true, force: true});
      await new Promise((ok) => setTimeout(ok, 250));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, {recursive: true, force: true});
  }
}

/** Whether process `pid` runs (EPERM: it runs as another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Returns what names this test run: its main process (the parent of the worker this file runs in) and when that
 * started (a process id alone is reused). A fixture built once per run (twoDealSite.ts, publishedSite.ts) keeps it in a
 * token file beside its folder, which tells a later file of the same run that the fixture is there.
 */
export function runToken(): string {
  const ppid = process.ppid;
  try {
    const stat = readFileSync(`/proc/${ppid}/stat`, "utf-8");
    return `${ppid}-${stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]}`;
  } catch {
    return String(ppid);
  }
}
