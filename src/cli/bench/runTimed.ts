/** Runs a child process for the benchmark: wall time, its output lines, and the peak memory of its process tree. */
import {spawn} from "node:child_process";
import {appendFile} from "node:fs/promises";
import {delimiter, resolve} from "node:path";
import {watchTreeMemory} from "./processTree.js";

export interface TimedRun {
  /** Wall-clock seconds from spawn to exit, less the time spent waiting for another build's lock. */
  seconds: number;
  /** Seconds the process waited for another build of the project (`build: waiting for another build …` until its next line). */
  waitedSeconds: number;
  /** Every line the process printed, stdout and stderr interleaved as they arrived. */
  lines: string[];
  /** Peak of the summed RSS of the process and its descendants, bytes (0 when not watched). */
  peakBytes: number;
  maxProcesses: number;
}

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
  const started = performance.now();
  const child = spawn(command, args, {stdio: ["ignore", "pipe", "pipe"], env: {...process.env, PATH, ...env}});
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
  if (logFile)
    await appendFile(
      logFile,
      `$ ${command} ${args.join(" ")}\n${lines.join("\n")}\n(exit ${code}, ${wall.toFixed(1)} s, waited ${waitedSeconds.toFixed(1)} s)\n\n`
    );
  if (code !== 0) throw new Error(`${[command, ...args].join(" ")} failed (exit ${code}):\n  ${lines.slice(-15).join("\n  ")}`);
  return {seconds, waitedSeconds, lines, peakBytes: peak.peakBytes, maxProcesses: peak.maxProcesses};
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
