/** Medians and spreads of repeated measurements. */

/** A measured figure over repetitions: median, min and max of the samples (same unit as the samples). */
export interface Spread {
  median: number;
  min: number;
  max: number;
  /** Number of samples. */
  n: number;
  samples: number[];
}

/**
 * Returns the median of `values`: the middle value, or the mean of the two middle values for an even count;
 * NaN for an empty list. Does not reorder `values`.
 *
 * @example median([3, 1, 2]) // 2
 */
export function median(values: readonly number[]): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Returns the median, min and max of `samples` (a `Spread`); throws `invalid samples` when the list is empty or
 * holds a value that is not a finite number.
 *
 * @example summarize([1.2, 1.0, 1.5]) // {median: 1.2, min: 1.0, max: 1.5, n: 3, samples: [1.2, 1.0, 1.5]}
 */
export function summarize(samples: readonly number[]): Spread {
  if (!(samples.length > 0) || !samples.every(Number.isFinite)) throw new Error(`invalid samples: [${samples.join(", ")}]`);
  return {median: median(samples), min: Math.min(...samples), max: Math.max(...samples), n: samples.length, samples: [...samples]};
}

/**
 * Returns the spread of the seconds `run` takes over `repetitions` runs, after `warmup` runs that are not counted
 * (defaults: 3 repetitions, no warm-up). Runs one at a time; the clock is `performance.now()`.
 *
 * @example const spread = await measure(() => projectDeal(dataset, "amazon-anthropic"), {repetitions: 5, warmup: 1});
 */
export async function measure(
  run: () => unknown,
  {repetitions = 3, warmup = 0}: {repetitions?: number; warmup?: number} = {}
): Promise<Spread> {
  if (!(Number.isInteger(repetitions) && repetitions >= 1)) throw new Error(`invalid repetitions: ${repetitions}`);
  if (!(Number.isInteger(warmup) && warmup >= 0)) throw new Error(`invalid warmup: ${warmup}`);
  for (let i = 0; i < warmup; ++i) await run();
  const samples: number[] = [];
  for (let i = 0; i < repetitions; ++i) {
    const t0 = performance.now();
    await run();
    samples.push((performance.now() - t0) / 1000);
  }
  return summarize(samples);
}

/**
 * Returns the spread of the wall seconds (`performance.now()`) and of the CPU seconds (`process.cpuUsage()`, user +
 * system, every thread of this process: the garbage collector's helpers too) that `run` takes, from the same
 * `repetitions` runs after `warmup` uncounted runs. On a shared machine the wall time grows with the load while the
 * CPU time mostly does not.
 *
 * @example const {wall, cpu} = await measureWallAndCpu(() => projectDeal(dataset, "amazon-anthropic"), {repetitions: 5, warmup: 1});
 */
export async function measureWallAndCpu(
  run: () => unknown,
  {repetitions = 3, warmup = 0}: {repetitions?: number; warmup?: number} = {}
): Promise<{wall: Spread; cpu: Spread}> {
  if (!(Number.isInteger(repetitions) && repetitions >= 1)) throw new Error(`invalid repetitions: ${repetitions}`);
  if (!(Number.isInteger(warmup) && warmup >= 0)) throw new Error(`invalid warmup: ${warmup}`);
  for (let i = 0; i < warmup; ++i) await run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < repetitions; ++i) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await run();
    const t = (performance.now() - t0) / 1000;
    const {user, system} = process.cpuUsage(c0);
    wall.push(t);
    // A run shorter than the CPU clock's tick can read 0 µs: count it as one microsecond.
    cpu.push(Math.max(1e-6, (user + system) / 1e6));
  }
  return {wall: summarize(wall), cpu: summarize(cpu)};
}

/** Returns `spread` with every value transformed by `f` (e.g. seconds → draws per second); min/max re-ordered. */
export function mapSpread(spread: Spread, f: (x: number) => number): Spread {
  return summarize(spread.samples.map(f));
}
