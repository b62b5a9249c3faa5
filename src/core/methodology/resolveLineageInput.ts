import type {Bound, Company, Dataset, Status, Yardstick} from "../model.js";

/** One input of a derived figure, resolved to the fact, chip figure, assumption, yardstick or option it names. */
export interface LineageInput {
  /** The lineage id, e.g. `amazon-anthropic.commitments.aws-2026.amount`, `chip:h100.flops.bf16`, `assumption:pue`. */
  id: string;
  kind: "fact" | "chip" | "assumption" | "yardstick" | "option";
  /** Words for the input: "Amazon → Anthropic · commitment “Spend on AWS technologies” · amount". */
  label: string;
  /** The value in the data's unit (an assumption's base); null for an option, which has no number. */
  value: number | null;
  /** The data's unit name (`usd-bn`, `gw`, `kw`, `pflops`…); null without a value. */
  unit: string | null;
  bound: Bound;
  /** An assumption's range, or a fact's when the source gives one. */
  low?: number;
  high?: number;
  status: Status;
  /** Source id. */
  source: string;
  /** ISO date. */
  asOf: string;
}

interface FactLike {
  value?: unknown;
  unit?: string;
  bound?: Bound;
  low?: number;
  high?: number;
  status: Status;
  source: string;
  asOf?: string;
}

// Words for the path segments of a lineage id; null drops the segment (it only groups others).
const SEGMENT_WORDS: Record<string, string | null> = {
  tranches: "tranche",
  lapsedTranches: "lapsed tranche",
  rebates: "rebate in kind",
  commitments: "commitment",
  schedule: "capacity schedule",
  options: "option",
  equityMarks: "equity mark",
  otherReturns: "return outside the commitment",
  facilityLeaseYears: "data-centre lease term",
  valuations: "valuation",
  ceiling: "capacity ceiling",
  amount: "amount",
  years: "term",
  stake: "stake",
  boardSeat: "board seat",
  itKw: "IT kW per accelerator",
  chipKw: "chip kW",
  bf16: "bf16 PFLOP/s",
  fp8: "fp8 PFLOP/s",
  hbmGb: "HBM GB",
  price: "price per chip-hour",
  capacity: null,
  hardware: null,
  governance: null,
  flops: null
};

/**
 * Returns what a lineage input id names, in words, with its value, unit, bound, status, source and as-of date:
 * `assumption:<id>` resolves to the assumption (its base value and range), `yardstick:<id>` to the yardstick (its
 * label, with its year), `chip:<id>.<path>` to a chip's fact, `company:<id>.<path>` to a company's fact (a lessee's
 * `facilityLeaseYears`), and `<deal id>.<path>` to a deal's fact, walking arrays by element id (`commitments.aws-2026.amount`). A path
 * ending on a record that holds its fact (a schedule point's `gw`, an equity mark's `value`) resolves to that fact;
 * one ending on a chip option resolves to the option, whose value is null. Throws `invalid input: <id>` when the
 * id names nothing in the dataset.
 *
 * @example resolveLineageInput(dataset, "assumption:pue") // {kind: "assumption", label: "Power usage effectiveness (PUE)", value: 1.15, …}
 */
export function resolveLineageInput(
  dataset: Pick<Dataset, "deals" | "chips" | "assumptions"> & {yardsticks?: readonly Yardstick[]; companies?: readonly Company[]},
  id: string
): LineageInput {
  const invalid = () => new Error(`invalid input: ${id}`);
  if (id.startsWith("yardstick:")) {
    const y = dataset.yardsticks?.find((d) => d.id === id.slice("yardstick:".length));
    if (!y) throw invalid();
    const {value, unit, status, source, asOf} = y;
    return {id, kind: "yardstick", label: `${y.label} in ${y.year}`, value, unit, bound: y.bound ?? "exact", status, source, asOf};
  }
  if (id.startsWith("assumption:")) {
    const a = dataset.assumptions.find((d) => d.id === id.slice("assumption:".length));
    if (!a) throw invalid();
    const {label, base, unit, low, high, status, source, asOf} = a;
    return {id, kind: "assumption", label, value: base, unit, bound: "exact", low, high, status, source, asOf};
  }
  const chip = id.startsWith("chip:");
  const company = id.startsWith("company:");
  const [head, ...path] = (chip ? id.slice("chip:".length) : company ? id.slice("company:".length) : id).split(".");
  const root = chip
    ? dataset.chips.find((c) => c.id === head)
    : company
      ? dataset.companies?.find((c) => c.id === head)
      : dataset.deals.find((d) => d.id === head);
  if (!root || path.length === 0) throw invalid();
  const words: string[] = [root.name];
  let node: unknown = root;
  for (const segment of path) {
    if (Array.isArray(node)) {
      const item = node.find((d) => d && typeof d === "object" && (d as {id?: unknown}).id === segment) as
        | Record<string, unknown>
        | undefined;
      if (!item) throw invalid();
      words.push(itemWords(item, segment));
      node = item;
    } else if (node && typeof node === "object" && segment in node) {
      const word = SEGMENT_WORDS[segment];
      if (word !== null) words.push(word ?? segment);
      node = (node as Record<string, unknown>)[segment];
    } else {
      throw invalid();
    }
  }
  const label = words.join(" · ");
  if (isOption(node)) {
    const asOf = "asOf" in root ? root.asOf : "";
    // A valuation reads the option's exercise date, whose status is the answers' (the editors' reading), not
    // the status of the option's existence.
    const reading = node.answers ?? node;
    return {id, kind: "option", label, value: null, unit: null, bound: "exact", status: reading.status, source: reading.source, asOf};
  }
  const fact =
    asFact(node) ?? asFact((node as Record<string, unknown> | null)?.gw) ?? asFact((node as Record<string, unknown> | null)?.value);
  if (!fact) throw invalid();
  const value = typeof fact.value === "number" ? fact.value : null;
  return {
    id,
    kind: chip ? "chip" : "fact",
    label,
    value,
    unit: value === null ? null : (fact.unit ?? null),
    bound: fact.bound ?? "exact",
    ...(fact.low !== undefined ? {low: fact.low} : {}),
    ...(fact.high !== undefined ? {high: fact.high} : {}),
    status: fact.status,
    source: fact.source,
    asOf: fact.asOf ?? ""
  };
}

// An array element in words: its label, else the date it is "by" or "of", else its id.
function itemWords(item: Record<string, unknown>, id: string): string {
  if (typeof item.label === "string" && item.label) return `“${item.label}”`;
  if (typeof item.by === "string") return `by ${item.by}`;
  if (typeof item.date === "string") return `of ${item.date}`;
  return id;
}

function isOption(
  node: unknown
): node is {status: Status; source: string; exercisable: string; answers?: {status: Status; source: string}} {
  return !!node && typeof node === "object" && typeof (node as {exercisable?: unknown}).exercisable === "string" && "rights" in node;
}

function asFact(node: unknown): FactLike | null {
  if (!node || typeof node !== "object") return null;
  const f = node as FactLike;
  return typeof f.status === "string" && typeof f.source === "string" ? f : null;
}
