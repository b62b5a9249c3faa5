/**
 * Sharding the briefings by pages: how many CI runners render them and which briefings each renders, from the number
 * of pages still to render (a page costs about the same anywhere; a market briefing is about twice a deal's), and the
 * wall time that gives. Pure functions; the `deals shards` command (shardsCommand.ts) applies them.
 */

/** One runner's share: its 1-based index, its briefings (largest first) and their estimated pages. */
export interface ShardShare {
  index: number;
  names: string[];
  pages: number;
}

/**
 * Pages a runner should render for its set-up (checkout, modules from the cache, fonts, the site artifact, a browser
 * launch: about a minute and a half on GitHub's runners) to stay under half of its time: at the 0.16 s a page the
 * bench measured at 100 deals, 600 pages are about 96 s of rendering. A stated choice, not a measurement.
 */
export const PAGES_PER_SHARD = 600;
/** Runners at most: beyond, set-up and the site artifact's download dominate, and a plan's matrix stays readable. */
export const MAX_SHARDS = 16;
/** Pages assumed for a briefing no previous publication recorded, when no other of its kind was recorded either. */
export const DEFAULT_PAGES = {market: 26, deal: 15};

/**
 * Returns the number of shards for `pages` pages to render: one per `pagesPerShard` (rounded up), at least 1 when
 * anything is to render (0 when nothing is), at most `maxShards`. Throws for a negative or non-finite page count.
 *
 * @example shardCount(15_000) // 16 (25 by pages, capped)
 * @example shardCount(156) // 1
 */
export function shardCount(pages: number, {pagesPerShard = PAGES_PER_SHARD, maxShards = MAX_SHARDS} = {}): number {
  if (!(Number.isFinite(pages) && pages >= 0)) throw new Error(`invalid page count: ${pages}`);
  if (pages === 0) return 0;
  return Math.min(maxShards, Math.max(1, Math.ceil(pages / pagesPerShard)));
}

/**
 * Returns `count` shards balanced by pages: briefings in decreasing order of pages (then by name), each given to the
 * shard with the fewest pages so far (the lowest index on a tie): the longest-processing-time rule, within 4/3 of the
 * best possible longest shard. Every briefing lands in exactly one shard; a shard may be empty when there are fewer
 * briefings than shards.
 *
 * @example assignShards([{name: "market", pages: 26}, {name: "deal-a", pages: 15}, {name: "deal-b", pages: 14}], 2)
 * // [{index: 1, names: ["market"], pages: 26}, {index: 2, names: ["deal-a", "deal-b"], pages: 29}]
 */
export function assignShards(briefings: readonly {name: string; pages: number}[], count: number): ShardShare[] {
  if (!(Number.isInteger(count) && count >= 1)) throw new Error(`invalid shard count: ${count}`);
  const shards: ShardShare[] = Array.from({length: count}, (_, i) => ({index: i + 1, names: [], pages: 0}));
  const order = [...briefings].sort((a, b) => b.pages - a.pages || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const {name, pages} of order) {
    const target = shards.reduce((best, s) => (s.pages < best.pages ? s : best));
    target.names.push(name);
    target.pages += pages;
  }
  return shards;
}

/**
 * Returns each briefing's estimated pages: what the previous publication recorded for it, else the median of what it
 * recorded for briefings of the same kind (the market briefing, or deal briefings), else DEFAULT_PAGES.
 *
 * @example estimatePages(["market", "deal-a", "deal-new"], {market: 24, "deal-a": 16}) // {market: 24, "deal-a": 16, "deal-new": 16}
 */
export function estimatePages(names: readonly string[], recorded: Readonly<Record<string, number | undefined>>): Record<string, number> {
  const kind = (name: string) => (name === "market" ? "market" : "deal");
  const known = (k: "market" | "deal") =>
    Object.entries(recorded)
      .filter(([name, pages]) => kind(name) === k && typeof pages === "number" && pages > 0)
      .map(([, pages]) => pages as number)
      .sort((a, b) => a - b);
  const medians = {market: median(known("market")) ?? DEFAULT_PAGES.market, deal: median(known("deal")) ?? DEFAULT_PAGES.deal};
  return Object.fromEntries(names.map((name) => [name, recorded[name] ?? medians[kind(name)]]));
}

/** Returns the median of sorted numbers (the upper middle one for an even count), or undefined for none. */
function median(sorted: readonly number[]): number | undefined {
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : undefined;
}

/**
 * Returns the wall seconds of rendering `shards` in parallel: the longest shard's pages × `secondsPerPage`, plus
 * `setupSeconds` each runner spends before it renders (they start together). 0 when no shard has pages.
 *
 * @example shardWallSeconds([{index: 1, names: [], pages: 100}, {index: 2, names: [], pages: 80}], 0.2, 60) // 80
 */
export function shardWallSeconds(shards: readonly ShardShare[], secondsPerPage: number, setupSeconds = 0): number {
  const longest = Math.max(0, ...shards.map((s) => s.pages));
  return longest ? longest * secondsPerPage + setupSeconds : 0;
}
