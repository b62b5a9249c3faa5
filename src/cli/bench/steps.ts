/** The benchmark's steps, in the order a full run takes them (`deals bench --only` names them). */
export const BENCH_STEPS = ["mc", "build", "site", "pdf", "slider", "bytes", "lighthouse", "scale", "growth"] as const;
export type BenchStep = (typeof BENCH_STEPS)[number];
