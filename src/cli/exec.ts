/** Runs child processes for the CLI, and tells whether one still runs. */
import {spawn} from "node:child_process";
import {delimiter, resolve as resolvePath} from "node:path";

/**
 * Runs a command with inherited output and resolves when it exits 0; rejects with `<label> failed (exit N)`.
 * Extra environment variables are added to the current ones.
 */
export function run(command: string, args: string[], {env = {}, label = command}: {env?: Record<string, string>; label?: string} = {}) {
  return new Promise<void>((resolve, reject) => {
    // Framework runs TypeScript loaders with `tsx` from the PATH: put the project's own binaries first.
    const PATH = `${resolvePath("node_modules/.bin")}${delimiter}${process.env.PATH ?? ""}`;
    const child = spawn(command, args, {stdio: "inherit", env: {...process.env, PATH, ...env}});
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${label} failed (${signal ? `signal ${signal}` : `exit ${code}`})`));
    });
  });
}

/**
 * Returns true when a process with this pid runs (on this machine), including one this user may not signal.
 *
 * @example isRunning(process.pid) // true
 */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
