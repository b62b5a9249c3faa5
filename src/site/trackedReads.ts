/**
 * Keeping a result computed from a few entries of a large table (a briefing's page 1 reads a few dozen of the figure
 * table's names; the table holds every figure of every deal): the result is stored with the entries it read, and
 * reused while those entries read the same. So a change to one deal recomputes the briefings whose figures it moves,
 * not all of them, while a change to a figure a briefing reads (a market total, a rank) recomputes that briefing.
 * Issue #18: the briefing index and the summaries' check were a fixed cost per briefing at every build (3 s and 2.6 s at
 * 1,000 deals).
 */

/** What a computation read of a table: each name with its value's text (see valueText); null when it read it whole. */
export type Reads = [name: string, value: string][] | null;

/**
 * Keeps a result computed from `input` and some entries of `table`: returns the result stored for `input` when every
 * entry it read then reads the same now, else computes it (`compute` gets a view of the table that records what it
 * reads) and stores it with its reads. A computation that went through the whole table (its keys, size or entries)
 * is not stored. Default in tests and loaders: always compute.
 */
export type ReadsMemo = <V, T>(
  name: string,
  input: unknown,
  table: ReadonlyMap<string, V>,
  compute: (table: ReadonlyMap<string, V>) => T
) => T;

/** Computes at every call: the memo of a build that keeps nothing. */
export const NO_READS_MEMO: ReadsMemo = (_name, _input, table, compute) => compute(table);

/**
 * Returns the text a read entry is compared by: its JSON, with non-finite numbers and undefined told apart from null
 * (JSON would write NaN, ±Infinity and a missing entry all as null), and "" for an entry the table does not have.
 *
 * @example valueText({kind: "number", value: Number.NaN}) // '{"kind":"number","value":"\u0000NaN"}'
 */
export function valueText(value: unknown): string {
  if (value === undefined) return "";
  return JSON.stringify(value, (_key, x) => (typeof x === "number" && !Number.isFinite(x) ? `\u0000${x}` : x));
}

/**
 * Returns a view of `table` that records each name read (`get`, `has`) with its value's text, and whether anything
 * read it whole (`keys`, `values`, `entries`, `forEach`, `size`, iteration): then `reads()` is null.
 *
 * @example
 * const {view, reads} = trackReads(new Map([["a", 1], ["b", 2]]));
 * view.get("a"); reads() // [["a", "1"]]
 */
export function trackReads<V>(table: ReadonlyMap<string, V>): {view: ReadonlyMap<string, V>; reads: () => Reads} {
  const read = new Map<string, string>();
  let whole = false;
  const note = (name: string) => {
    if (!read.has(name)) read.set(name, valueText(table.get(name)));
  };
  /** Marks the table read whole and returns `value`. */
  const all = <T>(value: T): T => {
    whole = true;
    return value;
  };
  const view: ReadonlyMap<string, V> = {
    get: (name) => {
      note(name);
      return table.get(name);
    },
    has: (name) => {
      note(name);
      return table.has(name);
    },
    get size() {
      return all(table.size);
    },
    keys: () => all(table.keys()),
    values: () => all(table.values()),
    entries: () => all(table.entries()),
    forEach: (f, self) => {
      all(null);
      table.forEach((v, k) => {
        f.call(self, v, k, view);
      });
    },
    [Symbol.iterator]: () => all(table[Symbol.iterator]())
  };
  return {view, reads: () => (whole ? null : [...read].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))};
}

/** Returns whether every entry in `reads` reads the same in `table` now (see valueText). */
export function readsHold<V>(reads: readonly [string, string][], table: ReadonlyMap<string, V>): boolean {
  return reads.every(([name, text]) => valueText(table.get(name)) === text);
}

/** What a ReadsMemo stores: the result and the entries it read (see trackReads). */
export interface KeptReads<T> {
  reads: [string, string][];
  value: T;
}

/**
 * Returns the kept result when every entry it read reads the same in `table` now, else computes it on a tracking view
 * of `table` and hands it to `store` with its reads (unless it read the whole table). The stores (JSON in the build's
 * memo, v8 in the check's cache) share this rule.
 */
export function reuseOrCompute<V, T>(
  kept: KeptReads<T> | null | undefined,
  table: ReadonlyMap<string, V>,
  compute: (table: ReadonlyMap<string, V>) => T,
  store: (entry: KeptReads<T>) => void
): T {
  if (kept && readsHold(kept.reads, table)) return kept.value;
  const tracked = trackReads(table);
  const value = compute(tracked.view);
  const reads = tracked.reads();
  if (reads) store({reads, value});
  return value;
}
