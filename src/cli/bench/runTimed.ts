/** Runs a child process for the benchmark: wall time, its output lines, and the peak memory of its process tree. */
import {spawn} from "node:child_process";
import {existsSync} from "node:fs";
import {appendFile, mkdtemp, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {delimiter, join, resolve} from "node:path";
import {openCpuGroup} from "./cpuGroup.js";
import {watchTreeMemory} from "./processTree.js";

export interface TimedRun {
  /** Wall-clock seconds from spawn to exit, less the time spent waiting for another build's lock. */
  seconds: number;
  /** Seconds the process waited for another build of the project (`build: waiting for another build …` until its next line). */
  waitedSeconds: number;
  /**
   * CPU seconds (user + system) of the process and every process it started, from a control group (cpuGroup.ts);
   * where none can be made, of the process and the descendants it waited for, from GNU time (which misses Chromium's
   * renderers); null where neither is available. Unlike wall time, hardly affected by other work on the machine.
   */
  cpuSeconds: number | null;
  /** How cpuSeconds was measured: a cgroup's kind (every process), "GNU time" (waited-for descendants only), or null. */
  cpuMethod: string | null;
  /** Every line the process printed, stdout and stderr interleaved as they arrived. */
  lines: string[];
  /** Peak of the summed RSS of the process and its descendants, bytes (0 when not watched). */
  peakBytes: number;
  maxProcesses: number;
}

const GNU_TIME = "/usr/bin/time";

/** Runs started by this process (each gets a control group of its own). */
let runs = 0;

export interface RunOptions {
  /** Extra environment variables. */
  env?: Record<string, string>;
  /** Append the output to this file (for reading a failure afterwards). */
  logFile?: string;
  /** Poll the process tree's memory (every 100 ms). */
  memory?: boolean;
}

/**
 * Returns how long `command args` took, what it printed and its peak memory; throws `<command> failed (exit N)`
 * with the last output lines when it exits non-zero. The project's `node_modules/.bin` comes first in PATH, as for
 * the build itself.
 *
 * @example const {seconds, lines} = await runTimed("node", ["bin/deals.js", "build", "--out", "/tmp/out"]);
 */
export async function runTimed(
  command: string,
  args: readonly string[],
  {env = {}, logFile, memory = false}: RunOptions = {}
): Promise<TimedRun> {
  const PATH = `${resolve("node_modules/.bin")}${delimiter}${process.env.PATH ?? ""}`;
  const lines: string[] = [];
  const times: number[] = [];
  // A control group counts every process the command starts; GNU time, the fallback, only the descendants waited for.
  const group = await openCpuGroup(`deals-bench-${process.pid}-${++runs}`);
  const rusageDir = !group && existsSync(GNU_TIME) ? await mkdtemp(join(tmpdir(), "deals-bench-time-")) : null;
  const rusage = rusageDir ? join(rusageDir, "rusage") : "";
  const [file, argv] = group
    ? group.wrap(command, args)
    : rusageDir
      ? [GNU_TIME, ["-f", "%U %S", "-o", rusage, command, ...args]]
      : [command, [...args]];
  const started = performance.now();
  const child = spawn(file, argv, {stdio: ["ignore", "pipe", "pipe"], env: {...process.env, PATH, ...env}});
  const watch = memory && child.pid ? watchTreeMemory(child.pid) : null;
  const collect = (stream: NodeJS.ReadableStream) => {
    let rest = "";
    stream.setEncoding("utf-8");
    stream.on("data", (chunk: string) => {
      const parts = (rest + chunk).split(/\r?\n/);
      rest = parts.pop() ?? "";
      const now = (performance.now() - started) / 1000;
      for (const part of parts) {
        lines.push(part);
        times.push(now);
      }
    });
    stream.on("end", () => {
      if (!rest) return;
      lines.push(rest);
      times.push((performance.now() - started) / 1000);
    });
  };
  collect(child.stdout);
  collect(child.stderr);
  const code = await new Promise<number | null>((ok, fail) => {
    child.on("error", fail);
    child.on("close", (exit, signal) => ok(signal ? -1 : exit));
  });
  const wall = (performance.now() - started) / 1000;
  const waitedSeconds = waitingTime(lines, times, wall);
  const seconds = wall - waitedSeconds;
  const peak = watch?.stop() ?? {peakBytes: 0, maxProcesses: 0};
  let cpuSeconds: number | null = null;
  let cpuMethod: string | null = null;
  if (group) {
    // Processes the command left behind still count until they exit (finish waits for them, up to 5 s).
    const used = await group.finish().catch(() => Number.NaN);
    if (Number.isFinite(used)) {
      cpuSeconds = used;
      cpuMethod = group.kind;
    }
  } else if (rusageDir) {
    const fields = (await readFile(rusage, "utf-8").catch(() => "")).trim().split("\n").pop()?.split(" ").map(Number) ?? [];
    if (fields.length === 2 && fields.every(Number.isFinite)) {
      cpuSeconds = fields[0] + fields[1];
      cpuMethod = "GNU time";
    }
    await rm(rusageDir, {recursive: true, force: true});
  }
  if (logFile)
    await appendFile(
      logFile,
      `$ ${command} ${args.join(" ")}\n${lines.join("\n")}\n(exit ${code}, ${wall.toFixed(1)} s, waited ${waitedSeconds.toFixed(1)} s, CPU ${cpuSeconds?.toFixed(1) ?? "?"} s)\n\n`
    );
  if (code !== 0) throw new Error(`${[command, ...args].join(" ")} failed (exit ${code}):\n  ${lines.slice(-15).join("\n  ")}`);
  return {seconds, waitedSeconds, cpuSeconds, cpuMethod, lines, peakBytes: peak.peakBytes, maxProcesses: peak.maxProcesses};
}

/**
 * Returns the seconds between each `build: waiting for another build` line and the line after it (or the end),
 * from the lines' arrival times; 0 when the process never waited.
 *
 * @example waitingTime(["ok", "build: waiting for another build of this project to finish (pid 1)", "build: bundling (9.0 s)"], [0.4, 0.5, 9.0], 10) // 8.5
 */
export function waitingTime(lines: readonly string[], times: readonly number[], end: number): number {
  let waited = 0;
  lines.forEach((line, i) => {
    if (/^build: waiting for another build/.test(line)) waited += (times[i + 1] ?? end) - times[i];
  });
  return waited;
}
