/**
 * Zod schemas for every file in `data/`, as written by people (before defaults are filled in). Every object is
 * strict: an unknown key (a typo) is an error, never silently dropped. Cross-file rules (references, sums,
 * date order) live in `dataset.ts`; this file checks one value at a time.
 */
import {z} from "zod";
import {BOUNDS, SOURCE_KINDS, STATUSES, UNITS, type Unit} from "../core/model.js";
import {cleanText, markdownHazard} from "./markdownHazard.js";

/** Kebab-case identifier: lower-case ASCII letters and digits in dash-separated words. */
export const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Longest Markdown text a data file may hold in one field, in characters. */
export const MAX_MARKDOWN = 20_000;

/** Longest plain text in one field, in characters. */
export const MAX_TEXT = 2_000;

const id = z
  .string({error: "expected an id (text)"})
  .regex(ID, {error: "must be kebab-case: lower-case letters and digits separated by dashes"});

/**
 * Returns true if `text` is a real calendar date written YYYY-MM-DD between 1990 and 2100.
 *
 * @example
 * isIsoDate("2024-02-29"); // true
 * isIsoDate("2024-02-30"); // false
 */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  if (year < 1990 || year > 2100) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const isoDate = z
  .string({error: "expected a date written YYYY-MM-DD"})
  .refine(isIsoDate, {error: "must be a real calendar date written YYYY-MM-DD (1990–2100)"});

const text = z
  .string({error: "expected text"})
  .min(1, {error: "must not be empty"})
  .max(MAX_TEXT, {error: `is longer than ${MAX_TEXT} characters`})
  .refine((s) => s.trim().length > 0, {error: "must not be blank"});

/**
 * Markdown from a data file: within the note limit, not blank once invisible characters are stripped, and with
 * nothing that would stall or crash marked (the same check renderMarkdown makes at build time, so `deals check`
 * refuses exactly what the build would).
 */
const markdown = z
  .string({error: "expected Markdown text"})
  .max(MAX_MARKDOWN, {error: `is longer than ${MAX_MARKDOWN} characters (the limit for a note)`})
  .refine((s) => cleanText(s).trim().length > 0, {error: "must not be blank"})
  .superRefine((s, ctx) => {
    if (s.length > MAX_MARKDOWN) return;
    const hazard = markdownHazard(cleanText(s));
    if (hazard) ctx.addIssue({code: "custom", message: `cannot be rendered safely (line ${hazard.line} of the text ${hazard.message})`});
  });

const status = z.enum(STATUSES as [string, ...string[]], {
  error: `must be one of ${STATUSES.join(", ")}`
});

/**
 * Returns true if x has no binary floating-point artefact (0.30000000000000004) when written in decimal.
 *
 * @example
 * isCleanDecimal(0.3); // true
 * isCleanDecimal(0.1 + 0.2); // false (0.30000000000000004)
 */
export function isCleanDecimal(x: number): boolean {
  return Number(x.toPrecision(12)) === x;
}

const finite = z
  .number({error: "expected a number"})
  .refine((x) => Number.isFinite(x), {error: "must be a finite number"})
  .refine((x) => Math.abs(x) <= Number.MAX_SAFE_INTEGER, {error: "is too large to be exact (over 2^53)"})
  .refine(isCleanDecimal, {error: "has a floating-point artefact; write at most 12 significant digits"});

/**
 * Plausible range of a value in each unit, inclusive: wide enough for any compute deal (a $10 trillion commitment,
 * 100 GW, a 100-year term), narrow enough that a slipped scale fails (1e15 in usd-bn, 5000 in gw, MW written as
 * GW). A value outside is refused at its line and column; widen a range here, with a reason, if a real figure
 * ever needs it.
 */
export const PLAUSIBLE: Readonly<Record<Unit | "twh-per-year", readonly [number, number]>> = {
  usd: [0, 1e13],
  "usd-m": [0, 1e7],
  "usd-bn": [0, 1e4],
  "usd-bn-per-year": [0, 5e3],
  "usd-bn-per-gw": [0, 500],
  "usd-bn-per-gw-year": [0, 100],
  "usd-per-mwh": [0, 1e3],
  "usd-per-chip-hour": [0, 1e3],
  gw: [0, 100],
  mw: [0, 1e5],
  kw: [0, 1e3],
  twh: [0, 1e4],
  "twh-per-year": [0, 1e4],
  fraction: [0, 1],
  ratio: [0, 100],
  years: [0, 100],
  months: [0, 1200],
  count: [0, 1e9],
  pflops: [0, 1e3],
  gb: [0, 1e4]
};

/**
 * Returns why `x` is implausible in `unit`, or undefined when it is within {@link PLAUSIBLE}.
 *
 * @example implausible(1e15, "usd-bn"); // "1000000000000000 usd-bn is implausible: the plausible range is 0 to 10000 usd-bn; check the unit and the scale"
 */
export function implausible(x: number, unit: string): string | undefined {
  const range = PLAUSIBLE[unit as Unit];
  if (!range || (x >= range[0] && x <= range[1])) return undefined;
  return `${x} ${unit} is implausible: the plausible range is ${range[0]} to ${range[1]} ${unit}; check the unit and the scale`;
}

/** Plausible dates for a deal's events (announcements, tranches, schedule points, exercise dates, starts). */
export const PLAUSIBLE_DEAL_DATES = ["2015-01-01", "2060-12-31"] as const;

// An invalid date already has its own message; only a real date is judged for plausibility.
const dealDate = isoDate.refine((d) => !isIsoDate(d) || (d >= PLAUSIBLE_DEAL_DATES[0] && d <= PLAUSIBLE_DEAL_DATES[1]), {
  error: `is implausible for a compute deal: the plausible dates are ${PLAUSIBLE_DEAL_DATES[0]} to ${PLAUSIBLE_DEAL_DATES[1]}`
});

/**
 * Returns the schema of a numeric fact whose unit must be one of `units`. Values are finite, non-negative,
 * at most 1 for fractions, and low ≤ value ≤ high when a range is given.
 *
 * @example
 * const money = fact(["usd-bn", "usd-m", "usd"]);
 */
export function fact(units: readonly Unit[]) {
  return z
    .strictObject({
      value: finite,
      unit: z.enum(UNITS as [string, ...string[]], {error: `must be one of ${UNITS.join(", ")}`}),
      status,
      bound: z.enum(BOUNDS as [string, ...string[]], {error: `must be one of ${BOUNDS.join(", ")}`}).optional(),
      low: finite.optional(),
      high: finite.optional(),
      source: id,
      asOf: isoDate.optional(),
      note: text.optional()
    })
    .superRefine((f, ctx) => {
      if (!units.includes(f.unit as Unit)) {
        ctx.addIssue({code: "custom", path: ["unit"], message: `must be ${units.join(" or ")} here, not ${f.unit}`});
      }
      for (const key of ["value", "low", "high"] as const) {
        const x = f[key];
        if (x === undefined) continue;
        if (x < 0) ctx.addIssue({code: "custom", path: [key], message: `must not be negative (${x})`});
        else if (Object.is(x, -0)) ctx.addIssue({code: "custom", path: [key], message: "must not be negative (-0); write 0"});
        else if (f.unit === "fraction" && x > 1) {
          ctx.addIssue({code: "custom", path: [key], message: `is a fraction, so it must be between 0 and 1 (got ${x}; write 5% as 0.05)`});
        } else {
          const why = implausible(x, f.unit);
          if (why) ctx.addIssue({code: "custom", path: [key], message: why});
        }
      }
      if (f.low !== undefined && f.low > f.value)
        ctx.addIssue({code: "custom", path: ["low"], message: `must not exceed value (${f.low} > ${f.value})`});
      if (f.high !== undefined && f.high < f.value)
        ctx.addIssue({code: "custom", path: ["high"], message: `must not be below value (${f.high} < ${f.value})`});
    });
}

const money = fact(["usd-bn", "usd-m", "usd"]);
const gw = fact(["gw", "mw"]);

const flagFact = z.strictObject({
  value: z.boolean({error: "expected true or false"}),
  status,
  source: id,
  asOf: isoDate.optional(),
  note: text.optional()
});

const textFact = z.strictObject({text, status, source: id, asOf: isoDate.optional()});

const dateFact = z.strictObject({date: isoDate, status, source: id, asOf: isoDate.optional(), note: text.optional()});

export const sourceSchema = z.strictObject({
  id,
  title: text,
  url: z.string({error: "expected an address"}).regex(/^(?:https?:\/\/[^\s"'<>]+|(?:docs|reports)\/[\w./#-]+)$/, {
    error: "must be an http(s) address with no spaces or quotes, or a page of this project (docs/…)"
  }),
  publisher: text.optional(),
  date: isoDate,
  kind: z.enum(SOURCE_KINDS as [string, ...string[]], {
    error: `must be one of ${SOURCE_KINDS.join(", ")} (filing: a regulatory filing; company: an organisation's own statement; press: a named outlet's own report; secondary: a mirror, reprint, aggregator, forum or blog summary; editorial: this project's own method)`
  }),
  party: id.optional()
});

const sources = z.array(sourceSchema, {error: "expected a list of sources"}).optional();

const list = <T extends z.ZodType>(item: T) => z.array(item, {error: "expected a list"});

export const companiesFile = z.strictObject({
  sources,
  companies: list(
    z.strictObject({
      id,
      name: text,
      parent: id.optional(),
      /** A lab's revenue (annual or annualized, said in the note), for the lab-side exposure to its commitments. */
      revenue: fact(["usd-bn", "usd-m", "usd"]).optional(),
      /** A provider's stated backlog or remaining performance obligations at its asOf (the note says which). */
      backlog: fact(["usd-bn", "usd-m", "usd"]).optional(),
      /** The share of that backlog a source attributes to one lab, for the provider's exposure to it. */
      backlogShares: list(z.strictObject({lab: id, share: fact(["fraction"])})).optional(),
      /** The deals the backlog's source says it leaves out (deal ids): the backlog then cannot hold them. An id of no deal in the data excludes nothing, so a dataset of some of the deals stays valid. */
      backlogExcludes: list(id).optional(),
      /**
       * A share of a later backlog than `backlog` that a source gives one deal's commitment (deal id; the share's asOf is
       * that backlog's date), where the source gives the share but not the backlog: the exposure sentence says the later,
       * larger backlog exists beside the share it computes of the earlier one (s16 critic #6).
       */
      laterBacklogShares: list(z.strictObject({deal: id, share: fact(["fraction"])})).optional(),
      /** For a provider that leases the data centres (shell, power, cooling) it serves from and buys only the IT: its leases' years. */
      facilityLeaseYears: fact(["years"]).optional(),
      /**
       * A provider's reported operating margin of the segment that sells the capacity (operating income ÷ revenue, one
       * period, the note names the segment, the period and both numbers): what the filing says, not what a deal earns.
       */
      segmentMargin: fact(["fraction"]).optional(),
      /** A provider's own stated gross margin for a large AI-infrastructure contract: a check on a deal's implied margin. */
      aiContractGrossMargin: fact(["fraction"]).optional()
    })
  )
});

export const dealFile = z.strictObject({
  id,
  name: text,
  investors: list(id).min(1, {error: "must name at least one investor"}),
  lab: id,
  provider: id,
  announced: dealDate,
  status: z.enum(["active", "loi", "stalled", "superseded"], {error: "must be one of active, loi, stalled, superseded"}),
  supersededOn: dateFact.optional(),
  asOf: isoDate,
  summary: markdown,
  sources,
  tranches: list(
    z
      .strictObject({
        id,
        label: text,
        date: dealDate,
        // A tranche that sums a period's payments (not itemised): its first day, `date` being its last. Only the year
        // is read ("invested since 2023"); give 1 January when the source gives only the year.
        from: dealDate.optional(),
        investor: id,
        amount: money,
        firm: z.boolean({error: "expected true (firm) or false (contingent)"}),
        condition: text.optional(),
        instrument: text.optional(),
        lapsed: z.boolean({error: "expected true or false"}).optional(),
        // true: the provider's own stock or warrants given to the lab, a rebate in kind, not an investment in the lab.
        rebate: z.boolean({error: "expected true or false"}).optional()
      })
      .superRefine((t, ctx) => {
        if (t.from !== undefined && t.from > t.date)
          ctx.addIssue({code: "custom", path: ["from"], message: `must not be after date (${t.date})`});
      })
  ),
  totals: list(
    z.strictObject({id, label: text, amount: money, tranches: list(id).min(1, {error: "must name at least one tranche"})})
  ).optional(),
  commitments: list(z.strictObject({id, label: text, amount: money, years: fact(["years"]), start: dealDate, platform: text})),
  capacity: z
    .strictObject({
      ceiling: gw,
      /** true when the ceiling is capacity contracted on top of the commitment, not what the commitment buys. */
      beyondCommitment: z.boolean({error: "expected true or false"}).optional(),
      /** What the ceiling covers when it is part of the deal's capacity only ("Trainium"). */
      covers: text.optional(),
      firstDelivery: dateFact.optional(),
      shares: list(z.strictObject({id, share: fact(["fraction"])})).optional(),
      schedule: list(z.strictObject({id, by: dealDate, gw})),
      chips: list(id)
    })
    .optional(),
  hardware: z.strictObject({
    chips: list(id),
    other: list(text).optional(),
    options: list(
      z.strictObject({
        id,
        label: text,
        chip: id.optional(),
        kind: z
          .enum(["next-generation", "expansion", "warrant-for-purchases"], {
            error: "must be one of next-generation, expansion, warrant-for-purchases"
          })
          .optional(),
        exercisable: dealDate,
        timing: text,
        rights: text,
        flexibility: text,
        costOfWaiting: text,
        status,
        source: id,
        answers: z.strictObject({status, source: id, asOf: isoDate.optional(), note: text})
      })
    ).optional()
  }),
  governance: z.strictObject({
    stake: fact(["fraction"]).optional(),
    boardSeat: flagFact,
    voting: flagFact.optional(),
    instrument: textFact.optional()
  }),
  valuations: list(
    z.strictObject({
      id,
      date: isoDate,
      round: text,
      raised: money.optional(),
      preMoney: money.optional(),
      postMoney: money,
      // true: a valuation offered but not taken (rebuffed bids), shown as an offer, never as a post-money valuation.
      offer: z.boolean({error: "expected true or false"}).optional()
    })
  ).optional(),
  equityMarks: list(z.strictObject({id, date: isoDate, value: money})).optional(),
  /**
   * Cash the lab pays the investor outside the compute commitment (a revenue share, royalties), with its stated total
   * or cap: shown beside the cash NPV as a return the flows leave out, never added to them.
   */
  otherReturns: list(z.strictObject({id, label: text, to: id, amount: money, until: isoDate.optional()})).optional(),
  profile: z.strictObject({
    capacityLanguage: text,
    hardwareAngle: text,
    governancePosture: text,
    strategicIntent: text
  }),
  notes: markdown.optional()
});

/** The bases a chip's rental price can be on; performance per dollar compares chips on the same basis only. */
export const PRICE_CLASSES = ["cloud-on-demand", "neocloud-list", "market-median"] as const;

export const chipsFile = z.strictObject({
  sources,
  chips: list(
    z.strictObject({
      id,
      name: text,
      vendor: text,
      line: z.enum(["trainium", "nvidia", "tpu", "amd"], {error: "must be one of trainium, nvidia, tpu, amd"}),
      available: dateFact,
      flops: z.strictObject({fp8: fact(["pflops"]).optional(), bf16: fact(["pflops"])}),
      hbmGb: fact(["gb"]).optional(),
      chipKw: fact(["kw"]).optional(),
      itKw: fact(["kw"]),
      perServer: z.int({error: "expected a whole number"}).min(1, {error: "must be at least 1"}),
      serverName: text,
      price: fact(["usd-per-chip-hour"]).optional(),
      priceClass: z.enum(PRICE_CLASSES, {error: `must be one of ${PRICE_CLASSES.join(", ")}`}).optional()
    })
  ),
  /**
   * Chip classes with a sourced range of all-in power per accelerator (facility power ÷ accelerators: IT power ×
   * PUE): `deals check` reports a member chip whose IT power × the base PUE falls outside its class's low–high.
   */
  classes: list(
    z.strictObject({
      id,
      label: text,
      chips: list(id).min(1, {error: "must name at least one chip"}),
      allInKw: fact(["kw"])
    })
  ).optional()
});

export const assumptionsFile = z.strictObject({
  sources,
  assumptions: list(
    z
      .strictObject({
        id,
        label: text,
        unit: z.enum(UNITS as [string, ...string[]], {error: `must be one of ${UNITS.join(", ")}`}),
        low: finite,
        base: finite,
        high: finite,
        distribution: z.enum(["triangular", "uniform"], {error: "must be triangular or uniform"}),
        status,
        source: id,
        asOf: isoDate.optional(),
        description: text,
        correlation: z
          .strictObject({
            with: id,
            rho: finite.refine((r) => r >= -1 && r <= 1, {error: "must be between −1 and 1"})
          })
          .optional()
      })
      .superRefine((a, ctx) => {
        if (!(a.low <= a.base)) ctx.addIssue({code: "custom", path: ["low"], message: `must not exceed base (${a.low} > ${a.base})`});
        if (!(a.base <= a.high)) ctx.addIssue({code: "custom", path: ["high"], message: `must not be below base (${a.high} < ${a.base})`});
        // An operating margin can be a loss (CoreWeave's was in 2025), above −1 (the build-up price divides by
        // 1 − margin); every other fraction from 0.
        const margin = a.id.startsWith("margin-");
        if (a.unit === "fraction" && ((margin ? a.low <= -1 : a.low < 0) || a.high > 1)) {
          ctx.addIssue({
            code: "custom",
            path: ["high"],
            message: margin
              ? "is a margin, so low must be above −1 and high at most 1"
              : "is a fraction, so low and high must be between 0 and 1"
          });
        } else {
          for (const key of ["low", "base", "high"] as const) {
            // A margin's loss (−1 to 0) was checked just above.
            const why = a.unit === "fraction" && a[key] < 0 ? undefined : implausible(a[key], a.unit);
            if (why) ctx.addIssue({code: "custom", path: [key], message: why});
          }
        }
        // Facility power ÷ IT power: the capacity model refuses a PUE below 1, so check does too.
        if (a.id === "pue" && a.low < 1) ctx.addIssue({code: "custom", path: ["low"], message: `PUE cannot be below 1 (got ${a.low})`});
        // Lives and the years between generations divide (depreciation, the option's erosion): a draw of 0 breaks them.
        if (["generation-years", "it-life", "facility-life"].includes(a.id) && !(a.low >= 0.25))
          ctx.addIssue({code: "custom", path: ["low"], message: `must be at least 0.25 years (got ${a.low}): the model divides by it`});
      })
  )
});

export const scenariosFile = z.strictObject({
  scenarios: list(
    z.strictObject({
      id,
      label: text,
      description: text,
      ramp: z.enum(["linear", "s-curve", "front-loaded"], {error: "must be one of linear, s-curve, front-loaded"}),
      overrides: z.record(id, finite, {error: "expected a map of assumption id → number"})
    })
  )
});

export const signalsFile = z.strictObject({
  sources,
  signals: list(
    z.strictObject({
      id,
      label: text,
      question: text,
      observations: list(
        z.strictObject({
          date: isoDate,
          status: z.enum(["on-track", "watch", "off-track", "unknown"], {error: "must be one of on-track, watch, off-track, unknown"}),
          text,
          source: id,
          deal: id.optional(),
          about: list(id).min(1, {error: "must name at least one company or chip (or leave it out)"}).optional(),
          basis: z.enum(["observed", "forecast"], {error: "must be one of observed, forecast"}).optional(),
          /** For a forecast: the date it is about (the end of its month or year). Past the data's date it is history. */
          forecastFor: isoDate.optional()
        })
      )
    })
  )
});

export const yardsticksFile = z.strictObject({
  sources,
  yardsticks: list(
    z.strictObject({
      id,
      label: text,
      value: finite
        .refine((x) => x > 0, {error: "must be above 0 (a yardstick divides)"})
        .superRefine((x, ctx) => {
          const why = implausible(x, "twh-per-year");
          if (why) ctx.addIssue({code: "custom", message: why});
        }),
      unit: z.enum(["twh-per-year"], {error: "must be twh-per-year (the unit of a deal's energy a year)"}),
      year: z
        .int({error: "expected a whole year"})
        .min(1990, {error: "must be 1990 or later"})
        .max(2100, {error: "must be 2100 or earlier"}),
      status,
      bound: z.enum(BOUNDS as [string, ...string[]], {error: `must be one of ${BOUNDS.join(", ")}`}).optional(),
      source: id,
      asOf: isoDate.optional(),
      note: text.optional()
    })
  )
});

export type DealFile = z.infer<typeof dealFile>;
export type ChipsFile = z.infer<typeof chipsFile>;
export type AssumptionsFile = z.infer<typeof assumptionsFile>;
export type ScenariosFile = z.infer<typeof scenariosFile>;
export type SignalsFile = z.infer<typeof signalsFile>;
export type CompaniesFile = z.infer<typeof companiesFile>;
export type YardsticksFile = z.infer<typeof yardsticksFile>;
