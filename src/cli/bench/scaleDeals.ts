/**
 * Growth with the number of deals: synthetic datasets of N valid deals derived from a real one, and the time
 * `checkFiles` takes to read, validate and cross-check them. Called by the benchmark (./scale.ts).
 */
import {readdir, readFile} from "node:fs/promises";
import {join, relative} from "node:path";
import {parse, stringify} from "yaml";
import {checkFiles, type RawFile} from "../../io/dataset.js";

export interface SyntheticOptions {
  /** The data folder the other files and the template deal come from; default `data`. */
  dataDir?: string;
  /** Id of the real deal every synthetic deal copies; default `amazon-anthropic`. */
  template?: string;
  /**
   * Give each copy a lab of its own (`lab-s0001`, "Synthetic lab 1", added to companies.yaml) instead of the
   * template's: a tracker of many deals has many labs, and a lab's exposure is stated in each of its deals'
   * briefings, so with one lab for every copy a change to one copy's commitment changes every copy's briefing.
   * Default false.
   */
  ownLabs?: boolean;
  /**
   * Keep the data folder's real deals (their files and the signals' links to them) and add copies up to `count`
   * deals in all: the dataset the scale benchmark builds, whose market summary names real deals. Default false.
   */
  withRealDeals?: boolean;
}

/**
 * Returns the files of a dataset with exactly `count` deals, each a copy of the template deal with its own id
 * (`<template>-s0001`…), name and source ids, plus every other file of the data folder. The real deals are not in
 * the set: signal observations lose their link to a deal (keeping the deal's lab as what they concern), and the sources the real deals declare move to
 * companies.yaml (other files cite them). The dataset is valid when the data folder is.
 * Throws `invalid count` unless count is a whole number ≥ 1 (with `withRealDeals`, at least the number of real deals).
 *
 * @example
 * const files = await syntheticDataset(100); // 100 deals/…yaml files + companies, chips, assumptions, scenarios, signals
 */
export async function syntheticDataset(
  count: number,
  {dataDir = "data", template = "amazon-anthropic", ownLabs = false, withRealDeals = false}: SyntheticOptions = {}
): Promise<RawFile[]> {
  if (!(Number.isInteger(count) && count >= 1)) throw new Error(`invalid count: ${count}`);
  const files: RawFile[] = [];
  const dealSources: unknown[] = [];
  const labs = new Map<string, string>();
  for (const entry of await readdir(dataDir, {recursive: true, withFileTypes: true})) {
    const path = relative(dataDir, join(entry.parentPath, entry.name)).split("\\").join("/");
    if (!entry.isFile() || !/\.ya?ml$/.test(path)) continue;
    const text = await readFile(join(dataDir, path), "utf-8");
    // The real deals are left out, but other files cite the sources they declare: keep those in companies.yaml.
    if (path.startsWith("deals/") && !withRealDeals) {
      const real = parse(text) as {id?: string; lab?: string; sources?: unknown[]};
      dealSources.push(...(real.sources ?? []));
      if (real.id && real.lab) labs.set(real.id, real.lab);
    } else files.push({relative: path, bytes: text});
  }
  const signals = files.find((f) => f.relative === "signals.yaml");
  if (signals && !withRealDeals) signals.bytes = unlinkDeals(String(signals.bytes), labs);
  const copies = count - files.filter((f) => f.relative.startsWith("deals/")).length;
  if (copies < 0) throw new Error(`invalid count: ${count} (the data folder holds more real deals)`);
  const width = String(count).length;
  const suffixOf = (i: number) => `s${String(i).padStart(width, "0")}`;
  const companies = files.find((f) => f.relative === "companies.yaml");
  if (companies) {
    const value = parse(String(companies.bytes)) as {sources?: unknown[]; companies?: unknown[]};
    const labs = ownLabs ? Array.from({length: copies}, (_, k) => ({id: `lab-${suffixOf(k + 1)}`, name: `Synthetic lab ${k + 1}`})) : [];
    companies.bytes = stringify(
      {...value, sources: [...(value.sources ?? []), ...dealSources], companies: [...(value.companies ?? []), ...labs]},
      {lineWidth: 0}
    );
  }
  const deal = parse(await readFile(join(dataDir, "deals", `${template}.yaml`), "utf-8")) as Record<string, unknown>;
  for (let i = 1; i <= copies; ++i) {
    const suffix = suffixOf(i);
    const copy = renameSources(deal, suffix);
    copy.id = `${template}-${suffix}`;
    if (ownLabs) copy.lab = `lab-${suffix}`;
    copy.name = `${deal.name} (synthetic ${i})`;
    files.push({relative: `deals/${copy.id}.yaml`, bytes: stringify(copy, {lineWidth: 0})});
  }
  return files;
}

/**
 * Returns the signals file without the `deal` link of its observations; each keeps what it concerns through the
 * deal's lab (`about`), since an observation must name a deal or a subject.
 */
function unlinkDeals(signalsYaml: string, labs: ReadonlyMap<string, string>): string {
  const signals = parse(signalsYaml) as {signals?: {observations?: {deal?: string; about?: string[]}[]}[]};
  for (const signal of signals.signals ?? [])
    for (const observation of signal.observations ?? []) {
      const lab = observation.deal ? labs.get(observation.deal) : undefined;
      if (lab && !observation.about?.includes(lab)) observation.about = [...(observation.about ?? []), lab];
      delete observation.deal;
    }
  return stringify(signals, {lineWidth: 0});
}

/** Returns a deep copy of `deal` with each of its own sources' ids, and every reference to them, suffixed. */
function renameSources(deal: Record<string, unknown>, suffix: string): Record<string, unknown> {
  const own = new Set(((deal.sources as {id: string}[] | undefined) ?? []).map((s) => s.id));
  const visit = (value: unknown, key = ""): unknown => {
    if (typeof value === "string") return (key === "source" || key === "id") && own.has(value) ? `${value}-${suffix}` : value;
    if (Array.isArray(value)) return value.map((item) => visit(item));
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v, k)]));
    return value;
  };
  return visit(deal) as Record<string, unknown>;
}

/**
 * Returns, for each count, the number of deals and the seconds `checkFiles` took on a synthetic dataset of that
 * many deals (generated beforehand, not timed; the best of `repeats` runs, each on files with a different first
 * line so that parseDataFile's cache of parsed files never answers; after one untimed warm-up run). Throws if a
 * dataset is not valid.
 *
 * @example
 * await measureScale([10, 100, 1000]) // [{deals: 10, seconds: 0.05}, {deals: 100, seconds: 0.4}, {deals: 1000, seconds: 4.1}]
 */
export async function measureScale(
  counts: readonly number[] = [10, 100, 1000],
  {repeats = 1, ...options}: SyntheticOptions & {repeats?: number} = {}
): Promise<{deals: number; seconds: number}[]> {
  const rows: {deals: number; seconds: number}[] = [];
  checkFiles(await syntheticDataset(1, options)); // warm-up: the first call compiles the schemas
  for (const count of counts) {
    const files = await syntheticDataset(count, options);
    let best = Infinity;
    for (let r = 0; r < repeats; ++r) {
      const fresh = files.map((f) => ({...f, bytes: typeof f.bytes === "string" ? `# scale run ${r}\n${f.bytes}` : f.bytes}));
      const started = performance.now();
      const {dataset, problems} = checkFiles(fresh);
      best = Math.min(best, (performance.now() - started) / 1000);
      if (!dataset) throw new Error(`synthetic dataset of ${count} deals is not valid: ${problems[0]?.message ?? "unknown"}`);
    }
    rows.push({deals: count, seconds: best});
  }
  return rows;
}
