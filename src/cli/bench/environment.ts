/** The machine and software a benchmark ran on, and the date it describes. */
import {execFileSync} from "node:child_process";
import {readFileSync} from "node:fs";
import {availableParallelism, cpus, totalmem} from "node:os";
import {findChromium} from "../../../scripts/chromium.mjs";

export interface BenchEnvironment {
  cores: number;
  cpuModel: string;
  memoryBytes: number;
  /** 1-minute load average when the benchmark started (other work on the machine skews every time). */
  loadAverage: number;
  node: string;
  chromium: string;
  /** Installed versions of the project and its dependencies, by package name. */
  packages: Record<string, string>;
}

/**
 * Returns the machine's core count, CPU model, memory, load, Node and Chromium versions and the installed versions
 * of the project (`compute-deals`) and every dependency listed in package.json ("missing" when not installed).
 *
 * @example readEnvironment().cores // 2
 */
export function readEnvironment(): BenchEnvironment {
  const manifest = JSON.parse(readFileSync("package.json", "utf-8")) as {
    name: string;
    version: string;
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const packages: Record<string, string> = {[manifest.name]: manifest.version};
  for (const name of Object.keys({...manifest.dependencies, ...manifest.devDependencies}).sort()) {
    try {
      packages[name] = (JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf-8")) as {version: string}).version;
    } catch {
      packages[name] = "missing";
    }
  }
  const chromiumPath = findChromium();
  let chromium = "not found";
  if (chromiumPath) {
    try {
      chromium = execFileSync(chromiumPath, ["--version"], {encoding: "utf-8", stdio: ["ignore", "pipe", "ignore"]}).trim();
    } catch {
      chromium = `${chromiumPath} (version unknown)`;
    }
  }
  let loadAverage = 0;
  try {
    loadAverage = Number(readFileSync("/proc/loadavg", "utf-8").split(" ")[0]);
  } catch {
    // not Linux
  }
  return {
    cores: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? "unknown",
    memoryBytes: totalmem(),
    loadAverage,
    node: process.version,
    chromium,
    packages
  };
}

/**
 * Returns the date (ISO `YYYY-MM-DD`) the results describe: `SOURCE_DATE_EPOCH` (seconds since 1970, UTC) when set,
 * else `asOf` (the data's as-of date). Throws `invalid SOURCE_DATE_EPOCH` for a value that is not a whole number.
 *
 * @example resultsDate({SOURCE_DATE_EPOCH: "1767225600"}, "2026-06-30") // "2026-01-01"
 */
export function resultsDate(env: Record<string, string | undefined>, asOf: string): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === "") return asOf;
  if (!/^\d+$/.test(epoch)) throw new Error(`invalid SOURCE_DATE_EPOCH: ${epoch}`);
  return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
}
