/**
 * The data model: what `src/io` produces from the files in `data/` after validation, and what every core
 * function consumes. Plain types only; no behaviour, so the browser can import it for free.
 *
 * Conventions: dates are ISO `YYYY-MM-DD` strings (never `Date`, so no time zone can shift them); money facts
 * carry their scale in `unit` (`usd-bn` is billions of US dollars); fractions are 0–1, never percent.
 */

/** How sure a figure is, strongest first. */
export type Status = "confirmed" | "reported" | "estimate" | "assumption";

/** Statuses from strongest to weakest; the index is the rank used by {@link weakestStatus}. */
export const STATUSES: readonly Status[] = ["confirmed", "reported", "estimate", "assumption"];

/** What the source's wording bounds: "up to" 5 GW, "over" $100B, "about" 5 GW, or an exact figure. */
export type Bound = "exact" | "up-to" | "at-least" | "about";

export const BOUNDS: readonly Bound[] = ["exact", "up-to", "at-least", "about"];

/** Units a numeric fact may carry. Money is USD with the scale in the name. */
export type Unit =
  | "usd"
  | "usd-m"
  | "usd-bn"
  | "usd-bn-per-year"
  | "usd-bn-per-gw"
  | "usd-bn-per-gw-year"
  | "usd-per-mwh"
  | "usd-per-chip-hour"
  | "gw"
  | "mw"
  | "kw"
  | "twh"
  | "fraction"
  | "ratio"
  | "years"
  | "months"
  | "count"
  | "pflops"
  | "gb";

export const UNITS: readonly Unit[] = [
  "usd",
  "usd-m",
  "usd-bn",
  "usd-bn-per-year",
  "usd-bn-per-gw",
  "usd-bn-per-gw-year",
  "usd-per-mwh",
  "usd-per-chip-hour",
  "gw",
  "mw",
  "kw",
  "twh",
  "fraction",
  "ratio",
  "years",
  "months",
  "count",
  "pflops",
  "gb"
];

/**
 * What kind of document a source is, which decides what it can back (see `src/io/provenance.ts`):
 * - `filing`: a regulatory or court filing (an 8-K, a 10-K, an exhibit), on the filer's or the regulator's site;
 * - `company`: an organisation's own statement on its own site (press release, blog, documentation);
 * - `press`: a named outlet's own report, or wire copy it runs under licence with the wire named;
 * - `secondary`: a mirror, reprint, aggregator, forum post, blog summary or machine rewrite of someone else's report;
 * - `editorial`: this project's own method or judgement (backs estimates and assumptions only).
 */
export type SourceKind = "filing" | "company" | "press" | "secondary" | "editorial";

export const SOURCE_KINDS: readonly SourceKind[] = ["filing", "company", "press", "secondary", "editorial"];

/** Where a figure comes from. Sources are declared in any data file and referenced by id from anywhere. */
export interface Source {
  /** Unique across all data files; kebab-case. */
  id: string;
  title: string;
  /** http(s) address of the page. */
  url: string;
  /** Publisher or outlet, e.g. "Axios" or "Anthropic". */
  publisher?: string;
  /** Publication date, ISO. */
  date: string;
  kind: SourceKind;
  /** For a `company` or `filing` source: the company (id in companies.yaml) that speaks or files, when it is one. */
  party?: string;
}

/** A sourced numeric figure. */
export interface Fact {
  value: number;
  unit: Unit;
  status: Status;
  /** Defaults to "exact". */
  bound?: Bound;
  /** Range the source gives, in the same unit (e.g. 3.5–5 GW). */
  low?: number;
  high?: number;
  /** Source id. */
  source: string;
  /** When the figure was true; ISO. io fills it from the source's date when the file omits it. */
  asOf: string;
  /** One line of context, plain text. */
  note?: string;
}

/** A sourced yes/no figure (e.g. a board seat). */
export interface FlagFact {
  value: boolean;
  status: Status;
  source: string;
  asOf: string;
  note?: string;
}

/** A sourced date (e.g. a chip's general availability). */
export interface DateFact {
  date: string;
  status: Status;
  source: string;
  asOf: string;
  note?: string;
}

/** A sourced statement that has no number (e.g. "convertible notes into non-voting preferred"). */
export interface TextFact {
  text: string;
  status: Status;
  source: string;
  asOf: string;
}

/** A company that appears as a party in deals. */
export interface Company {
  id: string;
  name: string;
  /** The company that owns it (AWS → amazon), so the market map can see loops through subsidiaries. */
  parent?: string;
  /** A lab's revenue, annual or annualized (the note says which), for its exposure to its compute commitments. */
  revenue?: Fact;
  /** A provider's stated backlog or remaining performance obligations at its asOf (the note says which measure). */
  backlog?: Fact;
  /** The share of that backlog a source attributes to one lab. */
  backlogShares?: {lab: string; share: Fact}[];
  /** The deals the backlog's source says it leaves out (deal ids). */
  backlogExcludes?: string[];
  /** A share of a later backlog (at the share's asOf) that a source gives one deal's commitment, without the backlog itself. */
  laterBacklogShares?: {deal: string; share: Fact}[];
  /**
   * For a provider that leases the data centres it serves from (shell, power, cooling, from a developer) and buys only
   * the IT: the years its facility leases run. Its cash then counts capex on IT only, the rent as a cash operating
   * cost, and the rent still owed after a deal's term.
   */
  facilityLeaseYears?: Fact;
  /**
   * A provider's reported operating margin of the segment that sells the capacity (operating income ÷ revenue over one
   * period; the note names both numbers): the filed figure. The margin a deal is projected at is the assumption
   * `margin-<provider>`, whose range must contain it: applying a segment's margin to one lab's spend is a modelling choice.
   */
  segmentMargin?: Fact;
  /**
   * A provider's own stated gross margin for a large AI-infrastructure contract (revenue less the cost of delivering
   * it, depreciation included, over the contract's life), as a fraction: a check on the margin a deal's cash flows imply
   * (which is after no overhead either), not an input to them.
   */
  aiContractGrossMargin?: Fact;
}

/** One investment tranche from investor to lab. */
export interface Tranche {
  id: string;
  label: string;
  /** Date paid or announced; ISO. For a tranche that sums a period's payments, the period's last day. */
  date: string;
  /** For a tranche that sums a period's payments (not itemised), the period's first day; ISO. */
  from?: string;
  /** Investing party (company id); must be one of the deal's investors. */
  investor: string;
  amount: Fact;
  /** false = contingent on milestones or conditions. */
  firm: boolean;
  /** What the contingent money depends on. */
  condition?: string;
  /** Form of the money: equity, convertible notes, warrants, cloud credits… */
  instrument?: string;
}

/** A stated total that a set of tranches must add up to (e.g. "Amazon's total is $13B"). */
export interface StatedTotal {
  id: string;
  label: string;
  amount: Fact;
  /** Tranche ids whose amounts sum to the total. */
  tranches: string[];
}

/** A commitment by the lab to spend on the provider's compute. */
export interface Commitment {
  id: string;
  label: string;
  /** Total spend over the term. */
  amount: Fact;
  /** Term length. */
  years: Fact;
  /** First year of spend; ISO date. */
  start: string;
  /** What the money buys, e.g. "AWS technologies incl. Trainium". */
  platform: string;
}

/** A dated point on the capacity schedule ("about 1 GW by end-2026"). */
export interface SchedulePoint {
  id: string;
  by: string;
  gw: Fact;
}

/** A chip generation's stated (or assumed) share of a deal's capacity, 0–1, with its low and high. */
export interface GenerationShare {
  /** The chip's id (from chips.yaml and the deal's capacity.chips). */
  id: string;
  share: Fact;
}

export interface Capacity {
  /** Total new capacity, facility power. Usually bound "up-to". */
  ceiling: Fact;
  /**
   * true when the ceiling is capacity contracted on top of the dollar commitment, not what the commitment buys
   * (Anthropic's "$30B of Azure compute and up to 1 GW more"): the two are then never compared (no coverage, no $ per GW).
   */
  beyondCommitment?: boolean;
  /**
   * What the ceiling covers when it is only part of the deal's capacity, in a few words that name it ("Trainium": the
   * deal's Nvidia GPUs are stated in units, not GW). Required exactly when the deal names hardware the capacity's chips
   * leave out (capacityScope's `partial`); the figure is then labelled "Trainium capacity (part of the deal)", never a
   * ceiling of the deal (critic s8 M3).
   */
  covers?: string;
  /**
   * Shares of the ceiling by chip generation, for a deal that names several generations but no dated schedule
   * ("Trainium3 and Trainium4"): drawn over their low–high in the Monte Carlo and normalised to sum to 1. Without
   * them the mix follows the schedule and each chip's availability (the newest available fills new capacity).
   */
  shares?: GenerationShare[];
  /** The first delivery the deal states (e.g. "H2 2026" → 2026-07-01); no capacity is online before it. */
  firstDelivery?: DateFact;
  schedule: SchedulePoint[];
  /** Chip ids expected to fill the capacity, oldest first. */
  chips: string[];
}

/**
 * What an option is a right to: capacity on a future chip generation (the default, valued as a call whose strike
 * follows the next generation's price), more of the same capacity (an expansion right), or equity earned by buying
 * (a warrant vesting with purchases). Only the first is valued; the others are shown with the reason.
 */
export type OptionKind = "next-generation" | "expansion" | "warrant-for-purchases";

/** A right to take capacity on a future chip generation, with the article's four questions. */
export interface ChipOption {
  id: string;
  label: string;
  /** Chip the option is on, if known. */
  chip?: string;
  /** Defaults to "next-generation". */
  kind?: OptionKind;
  /** Earliest date the option can be exercised. */
  exercisable: string;
  timing: string;
  rights: string;
  flexibility: string;
  costOfWaiting: string;
  /** Status and source of the option itself (that the deal grants it). */
  status: Status;
  source: string;
  /**
   * Status of the answers above and of `exercisable`: usually the editors' reading of the terms (`assumption`),
   * which the note explains, apart from the option's own status.
   */
  answers: {status: Status; source: string; asOf: string; note?: string};
}

export interface Hardware {
  /** Chip ids named in the deal. */
  chips: string[];
  /** Other named hardware, e.g. "Graviton CPUs". */
  other: string[];
  options: ChipOption[];
}

export interface Governance {
  /** Investor's ownership, fraction 0–1. */
  stake?: Fact;
  boardSeat: FlagFact;
  voting?: FlagFact;
  instrument?: TextFact;
}

/** A priced round of the lab. */
export interface Valuation {
  id: string;
  date: string;
  round: string;
  /** Money raised in the round. */
  raised?: Fact;
  preMoney?: Fact;
  /** The valuation: post-money for a round; for an offer, the valuation offered. */
  postMoney: Fact;
  /** true: a valuation offered but not taken (e.g. rebuffed pre-emptive bids), not a round's post-money valuation. */
  offer?: boolean;
}

/** The investor's own mark of its stake (fair value in filings). */
export interface EquityMark {
  id: string;
  date: string;
  value: Fact;
}

/** The article's comparison rows that are words, not numbers. */
export interface Profile {
  capacityLanguage: string;
  hardwareAngle: string;
  governancePosture: string;
  strategicIntent: string;
}

export type DealStatus = "active" | "loi" | "stalled" | "superseded";

export interface Deal {
  id: string;
  name: string;
  /** Company ids. */
  investors: string[];
  lab: string;
  provider: string;
  announced: string;
  status: DealStatus;
  /**
   * For a superseded deal: when other terms replaced it, and by what (the note). It stays in the data as history
   * and drops out of rankings, totals and live flows.
   */
  supersededOn?: DateFact;
  /** When the deal's data was last checked; ISO. */
  asOf: string;
  /** Markdown, untrusted: sanitized before it reaches a page. */
  summary: string;
  /** Tranches that count: firm or contingent money still on the table. */
  tranches: Tranche[];
  /** Tranches that no longer apply (e.g. a letter of intent replaced by other terms), kept for the record. */
  lapsedTranches?: Tranche[];
  /**
   * Equity the provider gives the lab in its own stock or warrants (CoreWeave's shares, AMD's warrant): a discount
   * in kind on the lab's purchases, not an investment in the lab (the lab holds the stock; the provider gets no
   * stake). Kept apart from `tranches` so that no "invested" total or ratio can count it.
   */
  rebates?: Tranche[];
  /**
   * Cash the lab pays the investor outside the compute commitment (e.g. OpenAI's revenue share to Microsoft), with its
   * stated total or cap (`amount`, usually "up to") and its end: a return channel the cash flows leave out, stated
   * beside the cash NPV, never added to it.
   */
  otherReturns?: {id: string; label: string; to: string; amount: Fact; until?: string}[];
  totals: StatedTotal[];
  commitments: Commitment[];
  capacity?: Capacity;
  hardware: Hardware;
  governance: Governance;
  valuations: Valuation[];
  equityMarks: EquityMark[];
  profile: Profile;
  /** Markdown, untrusted. */
  notes?: string;
}

export type ChipLine = "trainium" | "nvidia" | "tpu" | "amd";

/** Peak dense throughput by precision, in PFLOP/s per accelerator. */
export interface ChipFlops {
  fp8?: Fact;
  bf16: Fact;
}

export interface Chip {
  id: string;
  name: string;
  vendor: string;
  line: ChipLine;
  /** General availability (or announced first availability). */
  available: DateFact;
  flops: ChipFlops;
  hbmGb?: Fact;
  /** Chip package power. */
  chipKw?: Fact;
  /** IT power per accelerator: chip plus its share of host, memory and network; excludes cooling (PUE). */
  itKw: Fact;
  /** Accelerators per UltraServer / rack-scale system. */
  perServer: number;
  /** System name, e.g. "Trn2 UltraServer", "GB200 NVL72". */
  serverName: string;
  /** Rental price per chip-hour, where one is published. */
  price?: Fact;
  /** What the price is: a cloud's own on-demand rate, a neocloud's list price, or a median across providers. */
  priceClass?: PriceClass;
}

export type Distribution = "triangular" | "uniform";

/** A conversion factor with a range. */
export interface Assumption {
  id: string;
  label: string;
  unit: Unit;
  low: number;
  base: number;
  high: number;
  distribution: Distribution;
  status: Status;
  source: string;
  asOf: string;
  /** What the factor means and why the range. */
  description: string;
  /**
   * Drawn correlated with another assumption (normal-scores correlation `rho`, −1 to 1; a Gaussian copula, so both
   * keep their own distributions), because economics ties them: e.g. the price per GW-year recovers the capex per GW.
   */
  correlation?: {with: string; rho: number};
}

export type RampShape = "linear" | "s-curve" | "front-loaded";

/** Named overrides of assumptions' base values. */
export interface Scenario {
  id: string;
  label: string;
  description: string;
  ramp: RampShape;
  /** Assumption id → value used instead of its base. */
  overrides: Record<string, number>;
}

export type SignalStatus = "on-track" | "watch" | "off-track" | "unknown";

export interface Observation {
  date: string;
  status: SignalStatus;
  text: string;
  source: string;
  /** Deal id the observation is about, if one. */
  deal?: string;
  /**
   * Companies (a lab, a provider, an investor) or chips the observation concerns beyond one deal: it shows on every
   * deal with that party or chip (Anthropic's gross margin on each Anthropic deal), and on no other.
   */
  about?: string[];
  /**
   * What the text reports: something that happened ("observed", the default) or a forecast of it ("forecast"). A
   * forecast never makes a checkpoint "on track": at best "watch, on a forecast".
   */
  basis?: ObservationBasis;
  /**
   * For a forecast: the date it is about, ISO (the end of its month, quarter or year). Once the data's as-of date is
   * past it the forecast is history: it no longer sets a signal's status or a checkpoint (see isLapsedForecast).
   */
  forecastFor?: string;
}

/** The basis of a chip's rental price; performance per dollar compares only chips on the same basis. */
export type PriceClass = "cloud-on-demand" | "neocloud-list" | "market-median";

/** Whether an observation reports what happened or forecasts it. */
export type ObservationBasis = "observed" | "forecast";

export interface Signal {
  id: string;
  label: string;
  question: string;
  observations: Observation[];
}

/** The unit of a yardstick: energy a year, the unit of a deal's energy figure. */
export type YardstickUnit = "twh-per-year";

/**
 * A familiar sourced figure to set a deal's numbers against, e.g. the electricity US data centres used in 2024
 * (183 TWh). A measured figure, never a projection: its year is no later than its source's date.
 */
export interface Yardstick {
  id: string;
  /** What the figure measures, to follow "x% of": "the electricity all US data centres used". */
  label: string;
  value: number;
  unit: YardstickUnit;
  /** The year the figure measures. */
  year: number;
  status: Status;
  /** Defaults to "exact". */
  bound?: Bound;
  /** Source id. */
  source: string;
  /** When the figure was published or checked; ISO. io fills it from the source's date when the file omits it. */
  asOf: string;
  /** One line of context, plain text. */
  note?: string;
}

/** Everything in `data/`, validated and cross-checked. */
export interface Dataset {
  /** Latest as-of date across all files; ISO. The report's "as of". */
  asOf: string;
  companies: Company[];
  deals: Deal[];
  chips: Chip[];
  assumptions: Assumption[];
  scenarios: Scenario[];
  signals: Signal[];
  /** Sourced figures to compare with (data/yardsticks.yaml, optional); [] without the file. */
  yardsticks: Yardstick[];
  sources: Source[];
}
