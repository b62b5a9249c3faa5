/** Monte Carlo throughput (target 5): one deal's full projection with 100,000 draws, timed after a warm-up. */
import {projectDeal} from "../../core/index.js";
import {readValidDataset} from "../../io/readDataset.js";
import {mapSpread, measure, measureWallAndCpu, type Spread} from "./stats.js";

export interface MonteCarloBench {
  deal: string;
  draws: number;
  /** Seconds for the full projection with `draws` draws. */
  seconds: Spread;
  /** draws ÷ seconds, per repetition. */
  drawsPerSecond: Spread;
  /** CPU seconds (user + system) of the same runs. */
  cpuSeconds: Spread;
  /**
   * draws ÷ CPU seconds (user + system, every thread of the process: the garbage collector's helpers too), per
   * repetition: about the throughput with a core to itself. The load still moves it (shared caches and cores), less
   * than the wall clock; on an idle second core it can fall below draws per wall second (the collector works beside).
   */
  drawsPerCpuSecond: Spread;
  /** Seconds for the same projection without the simulation (draws: 0): the part that is not per draw. */
  withoutDrawsSeconds: Spread;
}

/**
 * Returns the time of `projectDeal(dataset, deal, {draws})` over `repetitions` runs after one warm-up, and the
 * draws per second it implies (defaults: the founding deal, 100,000 draws, data from `data/`).
 *
 * @example const mc = await benchMonteCarlo({repetitions: 5}); // mc.drawsPerSecond.median
 */
export async function benchMonteCarlo({
  repetitions,
  deal = "amazon-anthropic",
  draws = 100_000,
  dataDir = "data"
}: {
  repetitions: number;
  deal?: string;
  draws?: number;
  dataDir?: string;
}): Promise<MonteCarloBench> {
  if (!(Number.isInteger(draws) && draws > 0)) throw new Error(`invalid draws: ${draws}`);
  const dataset = await readValidDataset(dataDir);
  const {wall: seconds, cpu: cpuSeconds} = await measureWallAndCpu(() => projectDeal(dataset, deal, {draws}), {repetitions, warmup: 1});
  const withoutDrawsSeconds = await measure(() => projectDeal(dataset, deal, {draws: 0}), {repetitions, warmup: 1});
  return {
    deal,
    draws,
    seconds,
    drawsPerSecond: mapSpread(seconds, (s) => draws / s),
    cpuSeconds,
    drawsPerCpuSecond: mapSpread(cpuSeconds, (s) => draws / s),
    withoutDrawsSeconds
  };
}
