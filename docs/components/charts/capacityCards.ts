/**
 * The capacity headline cards (facility and IT power, accelerators, servers, buildings, energy against sourced yardsticks,
 * compute) and the chains of the "how to read N GW" explainer, from a capacity view (sections/capacity.ts).
 */
import {
  assumptionLineage,
  type CapacityShare,
  type Chip,
  capacitySharePart,
  capacityShareScope,
  type Figure,
  figure,
  gwToTwhPerYear,
  toGw,
  type Yardstick,
  yardstickShare
} from "../../lib/core.js";
import {el} from "../dom.js";
import {
  type Bound,
  bounded,
  boundPrecision,
  boundWord,
  count,
  figureText,
  gw,
  inputText,
  mw,
  type Precision,
  pct,
  ratioNumber,
  sig,
  twh,
  unitText,
  withBound
} from "../format.js";
import {Badge, DerivedBadge, NamedDerivedBadge} from "../provenance.js";
import type {CapacityView} from "../sections/capacityView.js";
import type {SectionContext} from "../sections/types.js";
import type {Step} from "./capacitySteps.js";

/** Returns a big figure: its bound in small words, the value, and its badge. */
function Big(text: string, bound: Bound | undefined, badge: Node): HTMLElement {
  const word = boundWord(bound);
  return el("p", {class: "big"}, word ? el("span", {class: "bound"}, word) : null, text, badge);
}

/** Returns one card: a label, a big figure, and a line of context. */
function Card(name: string, label: string, big: Node, ...sub: (Node | string | null)[]): HTMLElement {
  return el(
    "div",
    {class: "card capacity-card", "data-figure": name},
    el("h3", {}, label),
    big,
    el("p", {class: "capacity-card-sub"}, ...sub)
  );
}

function withChild(parent: HTMLElement, child: Node): HTMLElement {
  parent.append(child);
  return parent;
}

function FigureBig(
  name: string,
  f: Figure,
  // "about 3.04 million or more" at a floor capacity (Figure.orMore).
  text = `${unitText(f.value, f.unit, boundPrecision("3sf", f.bound, f.value))}${f.orMore ? " or more" : ""}`
): HTMLElement {
  return Big(text, f.bound, NamedDerivedBadge(f.lineage, name, withBound(text, f.bound)));
}

/** The chips that fill a share of the ceiling, with that share. */
function mixChips({capacity, chips}: CapacityView): {chip: Chip; share: number}[] {
  return chips.map((chip) => ({chip, share: capacity.mix[chip.id] ?? 0})).filter((d) => d.share > 0);
}

/**
 * Returns the energy card's yardsticks: the deal's energy a year as a share of each sourced yardstick in the data
 * (`data.yardsticks`, in data order), then of the energy of every live deal in the data. Each share carries a
 * derived badge and each yardstick its source badge.
 */
function EnergyYardsticks(view: CapacityView, {data}: Pick<SectionContext, "data">): HTMLElement {
  const {deal, capacity, values} = view;
  const sources = {sources: data.sourcesById, index: data.sourceNumbers};
  const energy = capacity.energyTwhPerYear;
  // Precomputed over every deal: a deal's briefing holds only that deal. Null only for a deal without capacity terms,
  // which has no capacity view.
  const share: CapacityShare = data.capacityShares[deal.id]!;
  const totalTwh = figure(gwToTwhPerYear(share.totalGw.value, values.values["load-factor"]), "twh-per-year", [
    share.totalGw,
    {lineage: assumptionLineage(data.assumptions, "load-factor")}
  ]);
  return el(
    "ul",
    {class: "capacity-yardsticks"},
    (data.yardsticks ?? []).map((yardstick) => {
      const part = yardstickShare(energy, yardstick);
      return el(
        "li",
        {"data-figure": `capacity.yardstick.${yardstick.id}`},
        el("strong", {}, bounded(part.value, part.bound, pct)),
        DerivedBadge(part.lineage),
        ` of ${yardstick.label} in ${yardstick.year}: `,
        el("span", {class: "nowrap"}, bounded(yardstick.value, yardstick.bound, twh), Badge(yardstick, sources))
      );
    }),
    el(
      "li",
      {"data-figure": "capacity.share"},
      el("strong", {}, pct(share.share.value)),
      // The verb straight after its subject, the part of the total in a sentence of its own (s14 critic #20: "that the
      // 7 deals … announce" arrived 20 words after "the 33.5 GW").
      ` of the ${gw(share.totalGw.value)} announced by ${capacityShareScope(share)}; together they would draw ${twh(totalTwh.value)} a year`,
      DerivedBadge(totalTwh.lineage),
      capacitySharePart(share, gw) ? ` ${capacitySharePart(share, gw)}` : ""
    )
  );
}

/** The kinds of system a chip's `serverName` names, most specific first: the word a card's title uses for it. */
const SYSTEM_KINDS: readonly [RegExp, string][] = [
  [/superpod/i, "superpods"],
  [/\bpod\b/i, "pods"],
  [/ultraserver/i, "UltraServers"],
  [/\brack\b|NVL\d+/i, "racks"],
  [/.*/, "servers"]
];

/**
 * Returns the title of the card that counts a deal's systems, from the kinds of system its chips come in (each
 * chip's `serverName` in data/chips.yaml): one chip, its system's name ("Trn2 UltraServers"); several, their kinds
 * ("UltraServers and racks", "Superpods"). s14 critic #18: Google → Anthropic's 9,216-chip TPU superpods were
 * counted under "UltraServers and racks" (an Ironwood rack holds 64 chips).
 *
 * @example systemsLabel([{serverName: "Ironwood superpod (42.5 EF FP8)"}, {serverName: "TPU 8t superpod (121 EF FP4)"}]) // "Superpods"
 */
export function systemsLabel(chips: readonly Pick<Chip, "serverName">[]): string {
  if (chips.length === 1) return `${chips[0].serverName}s`;
  const kinds = [...new Set(chips.map(({serverName}) => SYSTEM_KINDS.find(([pattern]) => pattern.test(serverName))![1]))];
  const words = kinds.length < 2 ? kinds.join("") : `${kinds.slice(0, -1).join(", ")} and ${kinds.at(-1)}`;
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Returns the headline cards of a capacity view. */
export function CapacityCards(view: CapacityView, {data}: SectionContext): HTMLElement {
  const {deal, capacity, values} = view;
  const ceiling = deal.capacity!.ceiling;
  const sources = {sources: data.sourcesById, index: data.sourceNumbers};
  const mix = mixChips(view);
  const cards: HTMLElement[] = [
    Card(
      "capacity.gw",
      "Facility power",
      Big(gw(capacity.gw.value), ceiling.bound, Badge(ceiling, sources)),
      "New capacity at the meter, cooling included"
    ),
    Card(
      "capacity.itMw",
      "IT power",
      FigureBig("capacity.itMw", capacity.itMw),
      `What the servers draw: facility power ÷ a PUE of ${inputText(values.values.pue, "number")}`
    ),
    withChild(
      Card(
        "capacity.energyTwhPerYear",
        "Energy a year",
        FigureBig("capacity.energyTwhPerYear", capacity.energyTwhPerYear, twh(capacity.energyTwhPerYear.value)),
        `At an average load of ${inputText(values.values["load-factor"], "fraction")}, that is:`
      ),
      EnergyYardsticks(view, {data})
    ),
    Card(
      "capacity.buildings",
      "Buildings",
      FigureBig("capacity.buildings", capacity.buildings),
      `Data-centre halls of ${mw(values.values["building-mw"])} of facility power each`
    )
  ];
  if (capacity.accelerators && capacity.servers) {
    const systems = mix.map(({chip}) =>
      /\bchips?\b/.test(chip.serverName) ? chip.serverName : `${chip.serverName} (${chip.perServer.toLocaleString("en-US")} chips)`
    );
    cards.splice(
      2,
      0,
      Card(
        "capacity.accelerators",
        "Accelerators",
        FigureBig("capacity.accelerators", capacity.accelerators),
        `Chip mix, by share of the power: ${mix.map(({chip, share}) => `${chip.name} ${pct(share)}`).join(", ")} of the power`
      ),
      Card("capacity.servers", systemsLabel(mix.map(({chip}) => chip)), FigureBig("capacity.servers", capacity.servers), systems.join("; "))
    );
  }
  if (capacity.flopsBf16 && capacity.h100e) {
    cards.push(
      Card(
        "capacity.flopsBf16",
        "Compute, dense BF16",
        FigureBig("capacity.flopsBf16", capacity.flopsBf16),
        capacity.flopsFp8
          ? `${withBound(figureText(capacity.flopsFp8.value, "flops"), capacity.flopsFp8.bound)} at FP8`
          : "No FP8 figure for every chip"
      ),
      capacity.h100eFp8
        ? Card(
            "capacity.h100eFp8",
            "H100-equivalents, Epoch AI's basis",
            FigureBig("capacity.h100eFp8", capacity.h100eFp8, count(capacity.h100eFp8.value)),
            `Dense 8-bit compute ÷ one H100's, Epoch AI's definition${capacity.central === "median" ? " (median of the draws)" : ""}. On dense BF16 instead: ${count(capacity.h100e.value)} H100e`
          )
        : Card(
            "capacity.h100e",
            "H100-equivalents, dense BF16",
            FigureBig("capacity.h100e", capacity.h100e, count(capacity.h100e.value)),
            `Dense BF16 compute ÷ one H100's${capacity.central === "median" ? " (median of the draws)" : ""}; no 8-bit figure for every chip, so not Epoch AI's basis`
          )
    );
  }
  return el("div", {class: "capacity-cards"}, cards);
}

/** The energy chain's last step: the energy as a share of the first yardstick, when the data has one. */
function yardstickStep(energy: Figure, yardstick: Yardstick | undefined): Step[] {
  if (!yardstick) return [];
  const part = yardstickShare(energy, yardstick);
  return [
    {
      op: `÷ ${bounded(yardstick.value, yardstick.bound, twh)}`,
      value: bounded(part.value, part.bound, pct),
      label: `of ${yardstick.label} in ${yardstick.year}`
    }
  ];
}

// The capacity with each headline figure at its base-case value (no draw), for arithmetic that must add up.
function baseCaseCapacity(capacity: CapacityView["capacity"]): CapacityView["capacity"] {
  if (capacity.central !== "median" || !capacity.base) return capacity;
  const out = {...capacity};
  for (const [key, value] of Object.entries(capacity.base) as [keyof NonNullable<typeof capacity.base>, number][]) {
    const f = capacity[key];
    if (f) out[key] = {...f, value};
  }
  return out;
}

/** Returns the explainer's chains: power → IT → accelerators → servers, buildings, energy (→ a yardstick), compute. */
export function explainerChains(view: CapacityView, {data}: SectionContext): {title: string; steps: Step[]; note?: string}[] {
  const {values} = view;
  // The chains show the arithmetic at the scenario's values: the base case, not the Monte Carlo medians of the cards.
  const capacity = baseCaseCapacity(view.capacity);
  const drawn = view.capacity.central === "median" && view.capacity.base !== undefined;
  // A count that the cards show as the median of the draws is labelled as the base scenario here, the median beside it.
  const beside = (key: "accelerators" | "servers" | "flopsBf16" | "h100e", label: string, text: (x: number) => string = count) => {
    const median = view.capacity[key]?.value;
    return drawn && median !== undefined && text(median) !== text(capacity[key]!.value)
      ? `${label} in the base scenario (median of the draws, as on the cards: ${text(median)})`
      : label;
  };
  const v = values.values;
  // Every box after the ceiling converts it with an assumption (PUE, chip power, building size, load), so it is a
  // model estimate and reads as its figure does on the cards: "up to 5 GW" → "about 4.35 GW" of IT power.
  // A floor rounds down (bounded); at a floor capacity a figure with an assumed input is "about … or more".
  const asModel = (format: (x: number, precision?: Precision) => string, value: number) =>
    `${bounded(value, capacity.itMw.bound, format)}${capacity.itMw.orMore ? " or more" : ""}`;
  const facility: Step = {value: bounded(capacity.gw.value, capacity.gw.bound, gw), label: "facility power"};
  const itGw = toGw(capacity.itMw.value, capacity.itMw.unit);
  const it: Step = {op: `÷ PUE ${inputText(v.pue, "number")}`, value: asModel(gw, itGw), label: "IT power"};
  const chains: {title: string; steps: Step[]; note?: string}[] = [];
  if (capacity.accelerators && capacity.servers) {
    const mix = mixChips(view);
    const kw = (capacity.itMw.value * 1e3) / capacity.accelerators.value;
    const perServer = capacity.accelerators.value / capacity.servers.value;
    const kwList = mix.map(({chip, share}) => `${chip.name} ${sig(chip.itKw.value)} kW (${pct(share)} of the power)`).join(", ");
    chains.push({
      title: "Power to servers",
      steps: [
        facility,
        it,
        {
          op: `÷ ${sig(kw)} kW per chip`,
          value: asModel(count, capacity.accelerators.value),
          label: beside("accelerators", "accelerators")
        },
        {
          op:
            mix.length === 1
              ? `÷ ${count(mix[0].chip.perServer, "as-written")} chips per system`
              : `÷ ${ratioNumber(perServer)} chips per system on average`,
          value: asModel(count, capacity.servers.value),
          label: beside("servers", systemsLabel(mix.map(({chip}) => chip)))
        }
      ],
      note: `IT power per chip, host and network included: ${kwList}.${mix.length > 1 ? ` Chips per system: ${mix.map(({chip}) => `${chip.name} ${count(chip.perServer, "as-written")}`).join(", ")}.` : ""} Counts round down for chips and up for systems.`
    });
  } else {
    chains.push({title: "Power to IT load", steps: [facility, it]});
  }
  chains.push(
    {
      title: "Power to buildings",
      steps: [
        facility,
        {
          op: `÷ ${mw(v["building-mw"])} per building`,
          value: asModel(count, capacity.buildings.value),
          label: "buildings"
        }
      ]
    },
    {
      title: "Power to energy",
      steps: [
        facility,
        {
          op: `× 8,760 hours × ${inputText(v["load-factor"], "fraction")} load`,
          value: asModel(twh, capacity.energyTwhPerYear.value),
          label: "a year"
        },
        ...yardstickStep(capacity.energyTwhPerYear, data.yardsticks?.[0])
      ]
    }
  );
  if (capacity.accelerators && capacity.flopsBf16 && capacity.h100e) {
    const h100 = data.chips.find((c) => c.id === "h100");
    const perChip = capacity.flopsBf16.value / capacity.accelerators.value / 1e15;
    chains.push({
      title: "Chips to compute",
      steps: [
        {value: asModel(count, capacity.accelerators.value), label: beside("accelerators", "accelerators")},
        {
          op: `× ${sig(perChip)} PFLOP/s each`,
          value: asModel((x, p) => unitText(x, "flops", p), capacity.flopsBf16.value),
          label: beside("flopsBf16", "dense compute", (x) => figureText(x, "flops"))
        },
        {
          op: `÷ ${sig(h100?.flops.bf16.value ?? Number.NaN)} PFLOP/s per H100`,
          value: asModel(count, capacity.h100e.value),
          label: beside("h100e", "H100-equivalents, dense BF16")
        }
      ],
      note: `Peak dense BF16 per chip, averaged over the mix: ${mixChips(view)
        .map(({chip}) => `${chip.name} ${sig(chip.flops.bf16.value)}`)
        .join(", ")} PFLOP/s.`
    });
  }
  return chains;
}
