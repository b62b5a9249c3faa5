/**
 * Returns the earliest of the given ISO dates (they compare as strings), or `fallback` when there is none.
 *
 * @example earliestDate(["2026-04-20", "2025-11-03"]) // "2025-11-03"
 */
export function earliestDate(dates: Iterable<string>, fallback?: string): string | undefined {
  let min = fallback;
  for (const date of dates) if (min === undefined || date < min) min = date;
  return min;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Returns an ISO date (`YYYY-MM-DD`) as a decimal year: the calendar year plus the share of that year (in
 * days, 365 or 366) that has passed by the start of the day, so 2026-01-01 is 2026 and 2026-04-20 is
 * 2026 + 109/365. Throws `invalid date:` for anything else.
 *
 * @example decimalYear("2026-07-02") // 2026.4986… (182 of 365 days passed)
 */
export function decimalYear(date: string): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new Error(`invalid date: ${date}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const time = Date.UTC(year, month - 1, day);
  if (!(month >= 1 && month <= 12 && new Date(time).getUTCDate() === day)) throw new Error(`invalid date: ${date}`);
  const start = Date.UTC(year, 0, 1);
  return year + (time - start) / (Date.UTC(year + 1, 0, 1) - start);
}
