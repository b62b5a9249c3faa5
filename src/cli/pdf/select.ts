/** Which briefings a `deals pdf` run renders: the names asked for, then this machine's shard of them. */

export interface Shard {
  /** 1-based index of this shard. */
  index: number;
  /** Number of shards. */
  count: number;
}

/**
 * Returns the shard written as `i/n` (1 ≤ i ≤ n), or throws `invalid shard: text`.
 *
 * @example parseShard("2/3") // {index: 2, count: 3}
 */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!(match && count >= 1 && index >= 1 && index <= count))
    throw new Error(`invalid shard: ${text} (expected i/n with 1 ≤ i ≤ n, e.g. 1/2)`);
  return {index, count};
}

/**
 * Returns the briefings to render: `names` (all when empty; an unknown name throws `unknown briefing: x`, listing
 * the known ones), in the order of `all`; then, with a shard i/n, every n-th of them starting at the i-th, so n
 * machines given 1/n … n/n render every briefing exactly once.
 *
 * @example selectBriefings(["market", "deal-a", "deal-b"], {shard: {index: 2, count: 2}}) // ["deal-a"]
 */
export function selectBriefings(all: readonly string[], {names = [], shard}: {names?: readonly string[]; shard?: Shard} = {}): string[] {
  const unknown = names.filter((name) => !all.includes(name));
  if (unknown.length) throw new Error(`unknown briefing${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")} (known: ${all.join(", ")})`);
  const wanted = names.length ? all.filter((name) => names.includes(name)) : [...all];
  return shard ? wanted.filter((_, i) => i % shard.count === shard.index - 1) : wanted;
}
