/**
 * The CPU time of a command and of every process it starts, from a Linux control group. GNU time's rusage counts a
 * descendant only once its parent has waited for it: Chromium's renderer and GPU processes are not, and a 10-deal
 * rebuild measured 17.4 CPU-s by GNU time against 30.0 in a cgroup (s18), so every rebuild's fixed cost, its PDFs,
 * was mostly missing from the benchmark's ratios.
 */
import {existsSync} from "node:fs";
import {mkdir, readFile, rmdir} from "node:fs/promises";
import {join} from "node:path";

/** A control group a command runs in: how to start the command in it, and the CPU-s its processes used so far. */
export interface CpuGroup {
  /** How this group is read: "cgroup v1 cpuacct" or "cgroup v2 cpu.stat". */
  kind: string;
  /** Returns the command line that starts `command args` inside the group (a shell that moves itself in, then execs). */
  wrap(command: string, args: readonly string[]): [string, string[]];
  /**
   * Waits until no process is left in the group (up to 5 s: Chromium's last processes exit after the command), then
   * returns the CPU seconds (user + system) of every process that ran in it and removes the group.
   */
  finish(): Promise<number>;
}

/** Where a group can be made: cgroup v1's cpuacct hierarchy, or a unified (v2) hierarchy with cpu.stat. */
const ROOTS = [
  {kind: "cgroup v1 cpuacct", dir: "/sys/fs/cgroup/cpuacct", usage: "cpuacct.usage"},
  {kind: "cgroup v2 cpu.stat", dir: "/sys/fs/cgroup", usage: "cpu.stat"},
  {kind: "cgroup v2 cpu.stat", dir: "/sys/fs/cgroup/unified", usage: "cpu.stat"}
] as const;

/**
 * Returns a new control group named `name` for timing a command, or null where none can be made (not Linux, no
 * permission): the caller then falls back to GNU time.
 *
 * @example const group = await openCpuGroup(`deals-bench-${process.pid}-1`); // group?.kind === "cgroup v1 cpuacct"
 */
export async function openCpuGroup(name: string): Promise<CpuGroup | null> {
  for (const root of ROOTS) {
    if (!existsSync(join(root.dir, root.usage)) && !existsSync(join(root.dir, "cgroup.procs"))) continue;
    const dir = join(root.dir, name);
    try {
      await mkdir(dir);
    } catch {
      continue;
    }
    const usageFile = join(dir, root.usage);
    if (!existsSync(usageFile)) {
      await rmdir(dir).catch(() => {});
      continue;
    }
    return {
      kind: root.kind,
      wrap: (command, args) => ["/bin/sh", ["-c", `echo $$ > '${join(dir, "cgroup.procs")}' && exec "$@"`, "sh", command, ...args]],
      finish: async () => {
        for (let i = 0; i < 50; i++) {
          const procs = await readFile(join(dir, "cgroup.procs"), "utf-8").catch(() => "");
          if (procs.trim() === "") break;
          await new Promise((done) => setTimeout(done, 100));
        }
        const seconds = usageSeconds(root.usage, await readFile(usageFile, "utf-8").catch(() => ""));
        await rmdir(dir).catch(() => {});
        return seconds;
      }
    };
  }
  return null;
}

/**
 * Returns the CPU seconds a group's usage file states: cpuacct.usage is nanoseconds; cpu.stat's `usage_usec` line
 * microseconds. NaN when the text holds neither.
 *
 * @example usageSeconds("cpuacct.usage", "30012345678\n") // 30.012345678
 * @example usageSeconds("cpu.stat", "usage_usec 1500000\nuser_usec 1000000\n") // 1.5
 */
export function usageSeconds(file: string, text: string): number {
  if (file === "cpuacct.usage") return /^\s*\d+\s*$/.test(text) ? Number(text.trim()) / 1e9 : Number.NaN;
  const match = /^usage_usec (\d+)$/m.exec(text);
  return match ? Number(match[1]) / 1e6 : Number.NaN;
}
