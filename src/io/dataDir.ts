/** Returns the data folder: `$DEALS_DATA` when set (tests and `deals build --data`), else `data`. */
export function dataDir(): string {
  return process.env.DEALS_DATA || "data";
}
