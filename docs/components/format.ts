/**
 * The number vocabulary: every page and briefing formats figures through these functions, so "$13B", "up to
 * 5 GW" and "20 Apr 2026" read the same everywhere. Pure; locale and time zone are fixed (en-US, UTC).
 */

export type Bound = "exact" | "up-to" | "at-least" | "about";

const BOUND_WORDS: Record<Bound, string> = {exact: "", "up-to": "up to", "at-least": "over", about: "about"};

/** Returns the words a bound is written with: "up to", "over", "about", or "" for an exact figure. */
export function boundWord(bound: Bound | undefined): string {
  return BOUND_WORDS[bound ?? "exact"] ?? "";
}

/** Returns `text` preceded by its bound's words: withBound("5 GW", "up-to") → "up to 5 GW". */
export function withBound(text: string, bound: Bound | undefined): string {
  const word = boundWord(bound);
  return word ? `${word} ${text}` : text;
}

function trim(x: number, digits: number): string {
  return x.toLocaleString("en-US", {maximumFractionDigits: digits, minimumFractionDigits: 0});
}

/** Returns a number with up to three significant digits (two decimals at most): 1.25 → "1.25", 13 → "13", 9.0909 → "9.09". */
export function sig(x: number): string {
  if (!Number.isFinite(x)) return "n/a";
  const a = Math.abs(x);
  return trim(x, a >= 100 ? 0 : a >= 10 ? 1 : 2);
}

/**
 * Returns US dollars in words readers use: 1.3e10 → "$13B", 1.25e9 → "$1.25B", 7.5e8 → "$750M", 1.2e12 → "$1.2T".
 * Negative values get a minus sign before the dollar sign.
 */
export function usd(x: number): string {
  if (!Number.isFinite(x)) return "n/a";
  const sign = x < 0 ? "−" : "";
  const a = Math.abs(x);
  if (a >= 1e12) return `${sign}$${sig(a / 1e12)}T`;
  if (a >= 1e9) return `${sign}$${sig(a / 1e9)}B`;
  if (a >= 1e6) return `${sign}$${sig(a / 1e6)}M`;
  return `${sign}$${trim(a, 0)}`;
}

/** Returns gigawatts: 5 → "5 GW", 0.3 → "300 MW", 0.8696 → "870 MW". */
export function gw(x: number): string {
  if (!Number.isFinite(x)) return "n/a";
  return Math.abs(x) < 1 && x !== 0 ? `${trim(x * 1000, 0)} MW` : `${sig(x)} GW`;
}

/** Returns megawatts: 869.57 → "870 MW"; 1,500 → "1.5 GW". */
export function mw(x: number): string {
  return gw(x / 1000);
}

/** Returns a fraction as a percentage: 0.05 → "5%", 0.1333 → "13%", 0.005 → "0.5%". */
export function pct(x: number): string {
  if (!Number.isFinite(x)) return "n/a";
  const p = x * 100;
  return `${trim(p, Math.abs(p) < 1 ? 1 : 0)}%`;
}

/** Returns a ratio as a multiple: 7.69 → "7.7×", 20 → "20×". */
export function times(x: number): string {
  if (!Number.isFinite(x)) return "n/a";
  return `${trim(x, Math.abs(x) >= 10 ? 0 : 1)}×`;
}

/** Returns a count in words: 1,159,420 → "1.16 million", 430,000 → "430,000", 5.2e9 → "5.2 billion". */
export function count(x: number): string {
  if (!Number.isFinite(x)) return "n/a";
  const a = Math.abs(x);
  if (a >= 1e9) return `${sig(x / 1e9)} billion`;
  if (a >= 1e6) return `${sig(x / 1e6)} million`;
  return trim(Math.round(x), 0);
}

/** Returns energy: 7.008 → "7 TWh", 35.04 → "35 TWh", 0.5 → "0.5 TWh". */
export function twh(x: number): string {
  return `${sig(x)} TWh`;
}

/** Returns compute in FLOP/s with an SI prefix: 3.1e18 → "3.1 EFLOP/s", 6.67e17 → "667 PFLOP/s", 1e21 → "1 ZFLOP/s". */
export function flops(x: number): string {
  if (!Number.isFinite(x)) return "n/a";
  const units: [number, string][] = [
    [1e21, "Z"],
    [1e18, "E"],
    [1e15, "P"],
    [1e12, "T"]
  ];
  for (const [scale, prefix] of units) if (Math.abs(x) >= scale) return `${sig(x / scale)} ${prefix}FLOP/s`;
  return `${sig(x / 1e9)} GFLOP/s`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Returns an ISO date as "20 Apr 2026"; text that is not an ISO date is returned unchanged. */
export function date(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : iso;
}

/** Returns an ISO date as "Apr 2026". */
export function monthYear(iso: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(iso);
  return m ? `${MONTHS[Number(m[2]) - 1]} ${m[1]}` : iso;
}

/** Returns a value formatted by `unit` (the core's unit names), with its bound's words. */
export function figureText(value: number, unit: string, bound?: Bound): string {
  const formatters: Record<string, (x: number) => string> = {
    usd,
    "usd-bn": (x) => usd(x * 1e9),
    gw,
    mw,
    twh,
    "twh-per-year": (x) => `${twh(x)} a year`,
    fraction: pct,
    ratio: times,
    count,
    flops,
    years: (x) => `${sig(x)} years`,
    year: (x) => String(Math.round(x)),
    "gw-years": (x) => `${sig(x)} GW-years`,
    "usd-per-gw-year": (x) => `${usd(x)} per GW-year`,
    "usd-per-gw": (x) => `${usd(x)} per GW`,
    "usd-per-year": (x) => `${usd(x)} a year`
  };
  const text = (formatters[unit] ?? sig)(value);
  return withBound(text, bound);
}
