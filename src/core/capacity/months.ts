/**
 * Month arithmetic on integer indices, so no time zone can shift a date: month index m = year × 12 + (month − 1).
 * Time on the delivery curve is measured in months on the same axis: month m starts at t = m and ends at t = m + 1,
 * so year y spans t = 12y to 12y + 12.
 */

/**
 * Returns the month index (year × 12 + month − 1) of an ISO date `YYYY-MM-DD` (or `YYYY-MM`); the day is ignored.
 *
 * @example monthIndex("2026-04-20") // 24315 (2026 × 12 + 3)
 */
export function monthIndex(date: string): number {
  const match = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(date);
  const month = match ? Number(match[2]) : NaN;
  if (!match || !(month >= 1 && month <= 12)) throw new Error(`invalid date: ${date}`);
  return Number(match[1]) * 12 + month - 1;
}

/**
 * Returns the `YYYY-MM` label of a month index.
 *
 * @example monthLabel(24315) // "2026-04"
 */
export function monthLabel(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new Error(`invalid index: ${index}`);
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}
