/** Memory of a process and all its descendants, read from Linux's /proc. */
import {readdirSync, readFileSync} from "node:fs";

/**
 * Returns the ids of `root` and every process descended from it, from the parent ids in `/proc/<pid>/stat`
 * (`parents` maps pid → parent pid; injectable for tests). A pid whose parent chain does not reach `root` is left out.
 *
 * @example descendants(100, new Map([[101, 100], [102, 101], [200, 1]])) // [100, 101, 102]
 */
export function descendants(root: number, parents: ReadonlyMap<number, number> = readParents()): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, parent] of parents) children.set(parent, [...(children.get(parent) ?? []), pid]);
  const out: number[] = [];
  const queue = [root];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** Returns pid → parent pid for every process visible in /proc (processes that vanish meanwhile are skipped). */
function readParents(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf-8");
      // The command name (2nd field) is in parentheses and may contain spaces: the parent id follows the last ")".
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parents.set(Number(name), Number(fields[1]));
    } catch {
      // the process ended between readdir and read
    }
  }
  return parents;
}

/** Returns the resident set size of a process in bytes (VmRSS of /proc/<pid>/status), 0 when it is gone. */
function rssBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf-8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Returns the summed resident memory in bytes of `root` and all its descendants right now. Shared pages (e.g.
 * Chromium's processes sharing libraries) are counted once per process, so this over-states physical use.
 *
 * @example treeRssBytes(process.pid) // e.g. 84_000_000
 */
export function treeRssBytes(root: number): number {
  return descendants(root).reduce((sum, pid) => sum + rssBytes(pid), 0);
}

/**
 * Starts polling the memory of `root`'s process tree every `intervalMs` (default 100); `stop()` returns the peak of
 * the summed RSS in bytes and how many processes the tree had at most. Not available (peak 0) outside Linux.
 *
 * @example const watch = watchTreeMemory(child.pid); …; const {peakBytes} = watch.stop();
 */
export function watchTreeMemory(root: number, intervalMs = 100): {stop(): {peakBytes: number; maxProcesses: number; polls: number}} {
  let peakBytes = 0;
  let maxProcesses = 0;
  let polls = 0;
  const poll = () => {
    try {
      const pids = descendants(root);
      const bytes = pids.reduce((sum, pid) => sum + rssBytes(pid), 0);
      peakBytes = Math.max(peakBytes, bytes);
      maxProcesses = Math.max(maxProcesses, pids.length);
      polls++;
    } catch {
      // no /proc (not Linux): report 0
    }
  };
  poll();
  const timer = setInterval(poll, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return {peakBytes, maxProcesses, polls};
    }
  };
}
