/**
 * Runs a `deals` command while watching the Chromium processes it starts (their profile is under the run's temp
 * folder), so a test can crash them mid-document and then check that nothing of them is left: no process of their
 * process groups (Chromium runs in a group of its own), no zombie, no profile folder.
 */
import {type ChildProcess, execFileSync, spawn} from "node:child_process";
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";

export interface Proc {
  pid: number;
  /** The parent's process id (1, or a subreaper's, once the parent has died). */
  ppid: number;
  pgid: number;
  stat: string;
  args: string;
}

/**
 * Returns every process of the machine, read from /proc (a third of the CPU of running `ps`, which runWatched would
 * do ten times a second), or from `ps` where there is no /proc. `stat` starts with the state letter (Z: zombie);
 * `args` is the command line, empty for a zombie. With `wanted`, only the processes it accepts, given their ids and
 * state: their command lines, most of the cost, are read only for those. `ids` is a listing already read
 * (processIds), for several selections from one poll.
 */
export function processes(wanted: (p: ProcIds) => boolean = () => true, ids: readonly ProcIds[] = processIds()): Proc[] {
  return ids.filter(wanted).flatMap((p) => {
    const args = commandLine(p);
    return args === undefined ? [] : [{...p, args}];
  });
}

/** A process without its command line (`ps` gives it at once, where there is no /proc). */
export type ProcIds = Omit<Proc, "args"> & {args?: string};

/** Returns the ids and state of every process of the machine. */
function processIds(): ProcIds[] {
  if (!existsSync("/proc/self/stat")) return psProcesses();
  const out: ProcIds[] = [];
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf-8");
      // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses, so read after its last ")".
      const [state, ppid, pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.push({pid: Number(pid), ppid: Number(ppid), pgid: Number(pgrp), stat: state});
    } catch {
      // gone between the listing and the read
    }
  }
  return out;
}

/** Returns the command line of process `p` (empty for a zombie), or undefined once it is gone. */
function commandLine(p: ProcIds): string | undefined {
  if (p.args !== undefined) return p.args;
  try {
    return readFileSync(`/proc/${p.pid}/cmdline`, "utf-8").replace(/\0+$/, "").replaceAll("\0", " ");
  } catch {
    return undefined;
  }
}

function psProcesses(): Proc[] {
  return execFileSync("ps", ["-eo", "pid=,ppid=,pgid=,stat=,args="], {encoding: "utf-8", maxBuffer: 16 << 20})
    .split("\n")
    .flatMap((line) => {
      const m = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line);
      return m ? [{pid: Number(m[1]), ppid: Number(m[2]), pgid: Number(m[3]), stat: m[4], args: m[5]}] : [];
    });
}

/** Sends SIGKILL to each process (by its id); one that is gone already is skipped. */
export function kill(procs: readonly Proc[]): void {
  for (const {pid} of procs) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

/** Returns the CPU seconds (user + system) process `pid` has used so far, 0 when it is gone (Linux's /proc only). */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf-8");
    // After the command name: state is field 3, utime and stime fields 14 and 15, in clock ticks (USER_HZ, 100 on Linux).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds a page's renderer has used when it is surely loading its page: past its own start-up (≈ 0.2 s) and
 * well short of the ≈ 0.9 s that loading the smallest briefing takes (measured, Chromium 156, load average 9: 0.2 s at
 * 0.5 s of wall after the renderer appeared, 0.4 s at 1.1 s, 0.89 s once loaded at 2.4 s). CPU time, unlike wall
 * time, does not stretch with the machine's load, so a test that crashes a browser "mid-document" on this signal does
 * so whatever the machine's speed or load (a fixed delay after the first renderer landed in the browser's start-up,
 * or after the page was done, on slower or faster machines).
 */
export const LOADING = 0.4;

/** Returns whether one of `renderers` (a browser's page renderers, as OnBrowser gets them) is loading its page (see {@link LOADING}). */
export function loading(renderers: readonly Proc[]): boolean {
  return renderers.some((r) => cpuSeconds(r.pid) >= LOADING);
}

export interface WatchedRun {
  code: number | null;
  stderr: string;
  seconds: number;
  /** The temp folder of the run (its TMPDIR): Chromium's profiles go there. */
  tmp: string;
  /** Process groups of every browser the run started. */
  groups: Set<number>;
  /** Returns the seconds from the start of the run to when its stderr first held `text`, or undefined if it never did. */
  at(text: string): number | undefined;
}

/** Called every 100 ms for each browser of a run: its index (0 for the first), main process, page renderers and the milliseconds since its first page renderer appeared. */
export type OnBrowser = (index: number, main: Proc, renderers: Proc[], ms: number) => void;

/** Every browser group a watched run saw, so that endWatchedBrowsers can end what a failed test left running. */
const seenGroups = new Set<number>();

/**
 * Runs `node bin/deals.js <args>` in `cwd` with TMPDIR `tmp` and CI=true, for at most `limit` seconds (then it is
 * killed and its exit code is null), calling `onBrowser` as it goes. Resolves when the command exits (not when its
 * output closes: a process it left behind may hold that open), half a second later. With `watchFrom`, it lists the
 * machine's processes only once the command's stderr holds that text (a build starts its browsers in its PDF stage).
 */
export async function runWatched(
  args: string[],
  {
    cwd,
    tmp,
    env = {},
    onBrowser,
    limit = 45,
    watchFrom
  }: {cwd: string; tmp: string; env?: Record<string, string>; onBrowser?: OnBrowser; limit?: number; watchFrom?: string}
): Promise<WatchedRun> {
  const started = performance.now();
  const child: ChildProcess = spawn("node", ["bin/deals.js", ...args], {
    cwd,
    env: {...process.env, TMPDIR: tmp, CI: "true", ...env},
    stdio: ["ignore", "ignore", "pipe"]
  });
  let stderr = "";
  // When each piece of stderr arrived (seconds from the start) and where it ended, for `at`.
  const arrivals: {end: number; seconds: number}[] = [];
  child.stderr!.on("data", (chunk) => {
    stderr += chunk;
    arrivals.push({end: stderr.length, seconds: (performance.now() - started) / 1000});
  });
  const groups = new Set<number>();
  const mains: number[] = [];
  const firstRenderer = new Map<number, number>();
  const marker = `--user-data-dir=${join(tmp, "deals-chromium-")}`;
  const timer = setInterval(() => {
    // No browser before the command prints `watchFrom` (a build's PDF stage): no need to list processes until then.
    if (watchFrom && !stderr.includes(watchFrom)) return;
    // A browser's main process is the command's own child (Puppeteer starts it, in a process group of its own): not
    // any process showing the browser's command line. Chromium starts its crash handler by forking twice, the first
    // fork in a session of its own (setsid), and until the handler runs its own program those forks show the
    // browser's command line (no --type=) in a group of their own; on a busy machine they did for over 100 ms, and
    // were counted as a third browser (test/pdf/faults-test.ts, s13). Only the command's children and the processes
    // of browser groups have their command lines read (the rest of the machine's processes are skipped).
    const ids = processIds();
    const looksMain = processes((p) => p.ppid === child.pid, ids).filter((p) => p.args.includes(marker) && !p.args.includes("--type="));
    for (const main of looksMain) {
      groups.add(main.pgid);
      seenGroups.add(main.pgid);
      if (!mains.includes(main.pid)) mains.push(main.pid);
    }
    const live = new Set(looksMain.map((m) => m.pgid));
    const allRenderers = processes((p) => live.has(p.pgid) && p.ppid !== child.pid, ids).filter(
      (p) => p.args.includes("--type=renderer") && !p.args.includes("--top-chrome-webui")
    );
    for (const main of looksMain) {
      const renderers = allRenderers.filter((p) => p.pgid === main.pgid);
      if (!renderers.length) continue;
      if (!firstRenderer.has(main.pid)) firstRenderer.set(main.pid, performance.now());
      onBrowser?.(mains.indexOf(main.pid), main, renderers, performance.now() - firstRenderer.get(main.pid)!);
    }
  }, 100);
  const limiter = setTimeout(() => {
    stderr += `\n[the test killed the run after ${limit} s]`;
    child.kill("SIGKILL");
  }, limit * 1000);
  const code = await new Promise<number | null>((ok) => child.on("exit", (code) => ok(code)));
  clearTimeout(limiter);
  clearInterval(timer);
  await new Promise((ok) => setTimeout(ok, 500));
  const at = (text: string) => {
    const index = stderr.indexOf(text);
    return index < 0 ? undefined : arrivals.find((a) => a.end >= index + text.length)?.seconds;
  };
  return {code, stderr, seconds: (performance.now() - started) / 1000, tmp, groups, at};
}

/**
 * Returns what a run must not leave: processes of its browsers' groups, zombies among them that are not reaped (a
 * killed browser's children are reaped by init, which takes a moment: they get 5 s), Chromium profiles in its tmp.
 */
export async function leftovers(run: WatchedRun): Promise<string[]> {
  let procs: Proc[] = [];
  for (let waited = 0; waited <= 5000; waited += 250) {
    procs = processes((p) => run.groups.has(p.pgid));
    if (!procs.some((p) => p.stat.startsWith("Z"))) break;
    await new Promise((ok) => setTimeout(ok, 250));
  }
  const profiles = readdirSync(run.tmp).filter((f) => f.startsWith("deals-chromium-"));
  return [
    ...procs.map((p) => `${p.stat.startsWith("Z") ? "zombie" : "process"} ${p.pid}: ${p.args.slice(0, 120)}`),
    ...profiles.map((f) => `profile ${f}`)
  ];
}

/** Kills every process still running in a browser group that a watched run saw (for afterAll). */
export function endWatchedBrowsers(): void {
  kill(processes((p) => seenGroups.has(p.pgid)));
}
