/**
 * Assembles parsed data files into one {@link Dataset}, checking what no single file can: unique ids, that
 * every reference resolves, dates in order, tranches that add up to their stated totals, yardsticks no later than
 * their sources.
 */
import {ASSUMPTION_IDS, marginId} from "../core/assumptions.js";
import {toGw} from "../core/capacity/convert.js";
import {deliveryStart} from "../core/capacity/schedule.js";
import {capacityScope} from "../core/comparison/capacityScope.js";
import {usd, withBound} from "../core/format/index.js";
import type {Assumption, Bound, Chip, Company, Dataset, Deal, Scenario, Signal, Source, Yardstick} from "../core/model.js";
import {concerns} from "../core/signals.js";
import {cleanStrings} from "./markdownHazard.js";
import {type DataFile, type FileKind, fileKind, type ParsedStore, parseDataFile, REQUIRED_FILES} from "./parseDataFile.js";
import {compareProblems, fieldName, type Problem} from "./problem.js";
import {eachSourcedFigure, partyFamily, provenanceProblem} from "./provenance.js";
import type {AssumptionsFile, ChipsFile, CompaniesFile, DealFile, ScenariosFile, SignalsFile, YardsticksFile} from "./schema.js";
import {MAX_FILE_BYTES} from "./yamlText.js";

/** What checking a dataset returns: the dataset when there is no problem, and every problem found. */
export interface CheckResult {
  dataset?: Dataset;
  problems: Problem[];
  /** Files read, relative to the project root. */
  files: string[];
}

/** A data file's path relative to the data folder, and its raw bytes or text. */
export interface RawFile {
  relative: string;
  bytes: Uint8Array | string;
  /** Size on disk in bytes, when the file was too large to read (then `bytes` may be empty). */
  size?: number;
}

/** At most this many problems are reported for one rule, so 10,000 bad deals do not flood the terminal. */
export const MAX_PROBLEMS_PER_RULE = 200;

/** A kW figure in a check message, to three significant figures. */
function allInText(kw: number): string {
  return String(Number(kw.toPrecision(3)));
}

/** Words that make an observation's text read as a forecast rather than as what happened. */
const FORECAST_WORDS = /\b(expects?|expected|forecasts?|forecasted|projected|will)\b/i;

/**
 * Returns the checked dataset and every problem found in the files (paths relative to the data folder, bytes as
 * read). `dataDir` (default `data`) prefixes the paths in problems. Every file is parsed and schema-checked and
 * all their problems reported together; the cross-file rules (unique ids, references, date order, sums, every
 * assumption id present) run once every file has passed its own schema, since a file that failed has no value
 * to compare. The dataset is returned only when there is no problem; at most MAX_PROBLEMS_PER_RULE problems of
 * one kind are listed, then one line counting the rest. `store` keeps each file's schema-checked value beyond the
 * process (see ParsedStore). Never throws.
 *
 * @example
 * const {dataset, problems} = checkFiles([{relative: "companies.yaml", bytes: text}, …], "data");
 */
export function checkFiles(raw: readonly RawFile[], dataDir = "data", store?: ParsedStore): CheckResult {
  const problems: Problem[] = [];
  const files: DataFile[] = [];
  const sorted = [...raw].sort((a, b) => (a.relative < b.relative ? -1 : 1));
  for (const {relative, bytes, size} of sorted) {
    const file = `${dataDir}/${relative}`;
    const kind = fileKind(relative);
    if (!kind) {
      problems.push({file, line: 0, col: 0, field: "", message: "not a known data file (deals go in deals/<id>.yaml)"});
      continue;
    }
    if (size !== undefined && size > MAX_FILE_BYTES) {
      problems.push({file, line: 0, col: 0, field: "", message: `file is ${size} bytes; the limit is ${MAX_FILE_BYTES}`});
      continue;
    }
    const parsed = parseDataFile(kind, file, bytes, store);
    files.push(parsed);
    problems.push(...parsed.problems);
  }
  for (const [relative, kind] of Object.entries(REQUIRED_FILES)) {
    if (!sorted.some((f) => f.relative === relative)) {
      problems.push({
        file: `${dataDir}/${relative}`,
        line: 0,
        col: 0,
        field: "",
        message: `missing: every dataset needs a ${relative} (the ${kind})`
      });
    }
  }
  if (!files.some((f) => f.kind === "deal"))
    problems.push({file: `${dataDir}/deals`, line: 0, col: 0, field: "", message: "no deal files: add at least one deals/<id>.yaml"});
  const names = sorted.map((f) => `${dataDir}/${f.relative}`);
  if (problems.length) return {problems: capPerRule(problems, dataDir), files: names};
  const checked = crossCheck(files);
  return {...checked, problems: capPerRule(checked.problems, dataDir), files: names};
}

function capPerRule(problems: Problem[], dataDir: string): Problem[] {
  const count = new Map<string, number>();
  const out: Problem[] = [];
  let dropped = 0;
  for (const p of problems.sort(compareProblems)) {
    const rule = p.message.replace(/"[^"]*"|\([^)]*\)|[\d.]+/g, "#");
    const n = (count.get(rule) ?? 0) + 1;
    count.set(rule, n);
    if (n <= MAX_PROBLEMS_PER_RULE) out.push(p);
    else ++dropped;
  }
  if (dropped) {
    const message = `${dropped} more problems of the same kinds not shown (at most ${MAX_PROBLEMS_PER_RULE} of each kind are listed)`;
    out.push({file: dataDir, line: 0, col: 0, field: "", message});
  }
  return out;
}

type Located = {file: DataFile; path: PropertyKey[]};

function crossCheck(files: DataFile[]): {dataset?: Dataset; problems: Problem[]} {
  const problems: Problem[] = [];
  const report = ({file, path}: Located, message: string) =>
    problems.push({file: file.file, ...file.yaml.locate(path), field: fieldName(path), message});
  const where = ({file, path}: Located) => `${file.file}:${file.yaml.locate(path).line}`;
  const of = <K extends FileKind>(kind: K) => files.filter((f): f is DataFile<K> => f.kind === kind);

  // Unique ids within a family, naming the first occurrence.
  const unique = <T extends {id: string}>(family: string, entries: {item: T; at: Located}[]) => {
    const seen = new Map<string, Located>();
    for (const {item, at} of entries) {
      const first = seen.get(item.id);
      if (first) report({...at, path: [...at.path, "id"]}, `duplicate ${family} id "${item.id}" (first at ${where(first)})`);
      else seen.set(item.id, at);
    }
    return seen;
  };

  const sourceEntries = files.flatMap((file) =>
    ((file.value as {sources?: Source[]}).sources ?? []).map((item, i) => ({item, at: {file, path: ["sources", i]}}))
  );
  const sources = new Map(sourceEntries.map(({item}) => [item.id, item]));
  unique("source", sourceEntries);

  const companiesFiles = of("companies");
  const companyEntries = companiesFiles.flatMap((file) =>
    (file.value as CompaniesFile).companies.map((item, i) => ({item, at: {file, path: ["companies", i]}}))
  );
  const companies = unique("company", companyEntries);
  for (const {item, at} of companyEntries) {
    if (item.parent && !companies.has(item.parent)) report({...at, path: [...at.path, "parent"]}, `unknown company "${item.parent}"`);
    (item.backlogShares ?? []).forEach(({lab}, i) => {
      if (!companies.has(lab)) report({...at, path: [...at.path, "backlogShares", i, "lab"]}, `unknown company "${lab}"`);
    });
    if (item.backlogExcludes?.length && !item.backlog)
      report({...at, path: [...at.path, "backlogExcludes"]}, "says what a backlog leaves out but gives no `backlog:`");
    if (item.laterBacklogShares?.length && !item.backlog)
      report({...at, path: [...at.path, "laterBacklogShares"]}, "gives shares of a later backlog but no `backlog:` they follow");
    (item.laterBacklogShares ?? []).forEach(({share}, i) => {
      const [after, before] = [share.asOf, item.backlog?.asOf];
      if (before && !(after && after > before))
        report({...at, path: [...at.path, "laterBacklogShares", i, "share", "asOf"]}, `is not after the backlog's ${before}`);
    });
    if (item.backlogShares?.length && !item.backlog)
      report({...at, path: [...at.path, "backlogShares"]}, "gives shares of a backlog but no `backlog:` to take them of");
  }

  const chipEntries = of("chips").flatMap((file) =>
    (file.value as ChipsFile).chips.map((item, i) => ({item, at: {file, path: ["chips", i]}}))
  );
  const chips = unique("chip", chipEntries);
  // Ratios that catch a figure in the wrong field: 8-bit throughput is never below BF16 on the same chip, and dense
  // tensor cores give BF16 either half of FP8 (Nvidia, Trainium2, TPU7x) or all of it (no 8-bit speed-up); a ratio in
  // between is a sparse figure or the wrong precision. IT power per accelerator includes the chip itself.
  for (const {item, at} of chipEntries) {
    const bf16 = item.flops.bf16.value;
    const fp8 = item.flops.fp8?.value;
    if (fp8 !== undefined && fp8 < bf16)
      report(
        {...at, path: [...at.path, "flops", "fp8", "value"]},
        `8-bit ${fp8} PFLOP/s is below BF16 ${bf16}: one of them holds another precision`
      );
    else if (fp8 !== undefined && bf16 / fp8 > 0.55 && bf16 / fp8 < 0.95)
      report(
        {...at, path: [...at.path, "flops", "bf16", "value"]},
        `BF16 is ${Math.round((100 * bf16) / fp8)}% of 8-bit (${bf16} vs ${fp8} PFLOP/s): dense tensor cores give half or all of it; look for a sparse figure or the wrong precision`
      );
    // Performance per dollar compares chips priced on the same basis only: a price must say which.
    if (item.price && !item.priceClass)
      report(
        {...at, path: [...at.path, "price"]},
        "a price needs its basis: add `priceClass:` (cloud-on-demand, neocloud-list or market-median)"
      );
    if (item.priceClass && !item.price) report({...at, path: [...at.path, "priceClass"]}, "a price basis without a price");
    if (item.chipKw && item.itKw.value < item.chipKw.value)
      report(
        {...at, path: [...at.path, "itKw", "value"]},
        `IT power per accelerator (${item.itKw.value} kW) is below the chip's own power (${item.chipKw.value} kW); it includes the chip`
      );
  }
  const assumptionEntries = of("assumptions").flatMap((file) =>
    (file.value as AssumptionsFile).assumptions.map((item, i) => ({item, at: {file, path: ["assumptions", i]}}))
  );
  const assumptions = unique("assumption", assumptionEntries);
  // All-in power per accelerator (IT power × the base PUE) within the sourced range of the chip's class.
  const pueBase = assumptionEntries.find((e) => e.item.id === "pue")?.item.base;
  for (const file of of("chips")) {
    ((file.value as ChipsFile).classes ?? []).forEach((cls, i) => {
      const at = {file, path: ["classes", i] as PropertyKey[]};
      const {low, high} = cls.allInKw;
      if (low === undefined && high === undefined)
        report(
          {...at, path: [...at.path, "allInKw"]},
          "a class range needs a low or a high (the sourced range of all-in kW per accelerator)"
        );
      cls.chips.forEach((chipId, j) => {
        const chip = chipEntries.find((e) => e.item.id === chipId);
        if (!chip) {
          report({...at, path: [...at.path, "chips", j]}, `unknown chip "${chipId}"`);
          return;
        }
        if (pueBase === undefined) return;
        const allIn = chip.item.itKw.value * pueBase;
        if ((low !== undefined && allIn < low) || (high !== undefined && allIn > high))
          report(
            {...chip.at, path: [...chip.at.path, "itKw", "value"]},
            `all-in power per accelerator ${allInText(allIn)} kW (IT ${chip.item.itKw.value} kW × PUE ${pueBase}) is outside ${low ?? "…"}–${high ?? "…"} kW, the sourced range of its class (${cls.label}); fix the IT power or the class range`
          );
      });
    });
  }
  for (const file of of("assumptions")) {
    const missing = ASSUMPTION_IDS.filter((id) => !assumptions.has(id));
    if (missing.length) {
      const message = `missing assumption${missing.length > 1 ? "s" : ""} ${missing.map((id) => `"${id}"`).join(", ")}: the projections need every one; add ${missing.length > 1 ? "them" : "it"} with low, base and high`;
      problems.push({file: file.file, ...file.yaml.locateKey([], "assumptions"), field: "assumptions", message});
    }
  }
  for (const {item, at} of assumptionEntries) {
    const other = item.correlation?.with;
    if (other !== undefined && (!assumptions.has(other) || other === item.id))
      report({...at, path: [...at.path, "correlation", "with"]}, `"${other}" is not another assumption's id`);
  }
  const scenarioEntries = of("scenarios").flatMap((file) =>
    (file.value as ScenariosFile).scenarios.map((item, i) => ({item, at: {file, path: ["scenarios", i]}}))
  );
  unique("scenario", scenarioEntries);
  const signalEntries = of("signals").flatMap((file) =>
    (file.value as SignalsFile).signals.map((item, i) => ({item, at: {file, path: ["signals", i]}}))
  );
  unique("signal", signalEntries);
  const yardstickEntries = of("yardsticks").flatMap((file) =>
    (file.value as YardsticksFile).yardsticks.map((item, i) => ({item, at: {file, path: ["yardsticks", i]}}))
  );
  unique("yardstick", yardstickEntries);
  const dealEntries = of("deal").map((file) => ({item: file.value as DealFile, at: {file, path: [] as PropertyKey[]}}));
  const deals = unique("deal", dealEntries);

  // Every `source:` anywhere must name a declared source.
  for (const file of files) {
    walk(file.value, [], (node, path) => {
      const ref = (node as {source?: unknown}).source;
      if (typeof ref === "string" && !sources.has(ref))
        report({file, path: [...path, "source"]}, `unknown source "${ref}" (declare it under sources:)`);
    });
  }

  for (const {item, at} of scenarioEntries) {
    for (const [key, value] of Object.entries(item.overrides)) {
      const a = assumptions.get(key);
      const path = [...at.path, "overrides", key];
      if (!a) report({...at, path}, `unknown assumption "${key}" (overrides must name an id from assumptions.yaml)`);
      else {
        const def = assumptionEntries.find((e) => e.item.id === key)!.item;
        if (value < def.low || value > def.high) report({...at, path}, `${value} is outside the assumption's range ${def.low}–${def.high}`);
      }
    }
  }
  if (!scenarioEntries.some((e) => e.item.id === "base") && scenarioEntries.length) {
    report(scenarioEntries[0].at, 'there must be a scenario with id "base"');
  }
  for (const {item, at} of signalEntries) {
    item.observations.forEach((o, i) => {
      // An observation belongs to what it concerns; one that names nothing would show on no deal (or, before, on all).
      if (!o.deal && !o.about)
        report(
          {...at, path: [...at.path, "observations", i]},
          "names neither a deal nor what it is about: add `deal:` or `about:` (companies or chips it concerns)"
        );
      (o.about ?? []).forEach((ref, j) => {
        if (!companies.has(ref) && !chips.has(ref) && !deals.has(ref))
          report(
            {...at, path: [...at.path, "observations", i, "about", j]},
            `unknown company, chip or deal "${ref}" (about: names what the observation concerns)`
          );
      });
      // Evidence is held to the same standard as figures: a secondary copy or our own judgement backs no status.
      const cited = sources.get(o.source);
      if (cited && (cited.kind === "secondary" || cited.kind === "editorial"))
        report(
          {...at, path: [...at.path, "observations", i, "source"]},
          `"${o.source}" is ${cited.kind}: an observation needs a named outlet's own report, a company statement or a filing`
        );
      // An observation shown on a deal's page must not be newer than the deal's as-of date.
      for (const {item: deal} of dealEntries) {
        if (o.date > deal.asOf && concerns(o, {...deal, capacity: deal.capacity ?? null}))
          report(
            {...at, path: [...at.path, "observations", i, "date"]},
            `is after the as-of date of ${deal.id} (${o.date} > ${deal.asOf}), which it concerns; move that deal's asOf forward`
          );
      }
      // A forecast never makes a checkpoint "on track": text that reads as one must say so (or say it was observed).
      const forecastWord = FORECAST_WORDS.exec(o.text);
      if (forecastWord && o.basis === undefined)
        report(
          {...at, path: [...at.path, "observations", i, "text"]},
          `reads as a forecast ("${forecastWord[0]}"): add \`basis: forecast\` (or \`basis: observed\` when it reports what happened)`
        );
      // A forecast says when it is for, so that it stops counting once that date is past (s14 critic #13).
      if (o.basis === "forecast" && o.forecastFor === undefined)
        report(
          {...at, path: [...at.path, "observations", i]},
          "a forecast must say the date it is about: add `forecastFor:` (the end of its month, quarter or year)"
        );
      if (o.forecastFor !== undefined && o.basis !== "forecast")
        report(
          {...at, path: [...at.path, "observations", i, "forecastFor"]},
          "only a forecast (`basis: forecast`) has a `forecastFor:` date"
        );
      if (o.deal && !deals.has(o.deal))
        report(
          {...at, path: [...at.path, "observations", i, "deal"]},
          `unknown deal "${o.deal}" (a deal's id is its file name under deals/)`
        );
    });
  }
  // A yardstick is a measured figure: a year after its source's date would be a projection.
  for (const {item, at} of yardstickEntries) {
    const published = sources.get(item.source)?.date;
    if (published && item.year > Number(published.slice(0, 4)))
      report(
        {...at, path: [...at.path, "year"]},
        `${item.year} is after its source's date (${published}): a yardstick is a measured figure, not a projection`
      );
  }
  const chipDates = new Map(chipEntries.map(({item}) => [item.id, item.available.date]));
  for (const {item, at} of dealEntries) checkDeal(item, at, {companies, chips, chipDates, sources, report});
  // Each provider earns its own margin on the lab's spend: the assumption margin-<provider> (operating margin for a
  // cloud, gross margin for a chip maker), with a range like any other so the bands and the tornado cover it.
  if (assumptionEntries.length)
    for (const {item, at} of dealEntries)
      if (typeof item.provider === "string" && companies.has(item.provider) && !assumptions.has(marginId(item.provider)))
        report(
          {file: at.file, path: ["provider"]},
          `no margin for provider "${item.provider}": add assumption "${marginId(item.provider)}" (its operating margin, or gross margin for a chip maker) to assumptions.yaml with low, base and high`
        );
  // A provider's margin range is its own reported operating margins: a segment margin it reports lies inside it.
  for (const {item, at} of companyEntries) {
    const reported = item.segmentMargin;
    const margin = assumptionEntries.find((e) => e.item.id === marginId(item.id))?.item;
    if (!reported || !margin) continue;
    const {low, high} = margin;
    if (typeof low === "number" && typeof high === "number" && (reported.value < low || reported.value > high))
      report(
        {...at, path: [...at.path, "segmentMargin"]},
        `the reported segment margin ${reported.value} is outside assumption "${margin.id}"'s range (${low} to ${high}): the range is the provider's own reported margins, so widen it or say why not`
      );
  }

  // Provenance: a source's party is a known company, and every figure's status is one its source can back.
  for (const {item, at} of sourceEntries) {
    if (item.party && !companies.has(item.party))
      report({...at, path: [...at.path, "party"]}, `unknown company "${item.party}" (add it to companies.yaml)`);
    if (item.party && item.kind !== "company" && item.kind !== "filing")
      report({...at, path: [...at.path, "party"]}, `only a company statement or a filing has a party (this source is ${item.kind})`);
  }
  const companyList = companyEntries.map((e) => e.item);
  for (const file of files) {
    const deal = file.kind === "deal" ? (file.value as DealFile) : undefined;
    const named = deal ? [...deal.investors, deal.lab, deal.provider] : [];
    // A deal naming an unknown company is already reported; its parties cannot be judged until that is fixed.
    if (named.some((id) => !companies.has(id))) continue;
    const parties = deal ? partyFamily(named, companyList) : undefined;
    eachSourcedFigure(file.value, (figure, path) => {
      const source = sources.get(figure.source);
      if (!source) return;
      const message = provenanceProblem(figure.status, source, parties);
      if (message) report({file, path: [...path, "status"]}, message);
      // A deal's as-of date is when its figures were last checked: no figure may rest on a later source (the deal's
      // own sources are held to this in checkDeal; this catches sources declared in other files). The project's own
      // method (editorial) is not evidence of the terms and is exempt.
      if (deal && source.kind !== "editorial" && source.date > deal.asOf && !deal.sources?.some((s) => s.id === source.id))
        report(
          {file, path: [...path, "source"]},
          `cites "${source.id}" of ${source.date}, after the deal's asOf (${deal.asOf}); move asOf forward`
        );
    });
  }

  if (problems.length) return {problems};
  return {dataset: resolve(files, sources), problems};
}

interface DealContext {
  companies: Map<string, Located>;
  chips: Map<string, Located>;
  /** Each chip's availability date, by id. */
  chipDates: Map<string, string>;
  sources: Map<string, Source>;
  report: (at: Located, message: string) => void;
}

/** Returns a money amount in billions of US dollars. */
function usdBn(fact: {value: number; unit: string}): number {
  return fact.unit === "usd-bn" ? fact.value : fact.unit === "usd-m" ? fact.value / 1e3 : fact.value / 1e9;
}

function checkDeal(deal: DealFile, at: Located, {companies, chips, chipDates, sources, report}: DealContext): void {
  const here = (...path: PropertyKey[]) => ({file: at.file, path});
  const expected = at.file.file.replace(/^.*\//, "").replace(/\.ya?ml$/, "");
  if (deal.id !== expected) report(here("id"), `"${deal.id}" does not match the file name ${expected}.yaml; rename one of them`);
  for (const [key, ids] of [
    ["investors", deal.investors],
    ["lab", [deal.lab]],
    ["provider", [deal.provider]]
  ] as const) {
    ids.forEach((id, i) => {
      if (!companies.has(id)) report(key === "investors" ? here(key, i) : here(key), `unknown company "${id}" (add it to companies.yaml)`);
    });
  }
  (deal.otherReturns ?? []).forEach(({to}, i) => {
    if (!companies.has(to)) report(here("otherReturns", i, "to"), `unknown company "${to}" (add it to companies.yaml)`);
  });
  if (deal.announced > deal.asOf) report(here("announced"), `is after the deal's asOf (${deal.announced} > ${deal.asOf})`);
  if (deal.status === "superseded" && !deal.supersededOn)
    report(here("status"), "a superseded deal must say when and by what (supersededOn: {date, status, source, note})");
  if (deal.supersededOn && deal.status !== "superseded")
    report(here("supersededOn"), `only a superseded deal has a supersession date (status is ${deal.status})`);
  if (deal.supersededOn && deal.supersededOn.date < deal.announced)
    report(here("supersededOn", "date"), `is before the deal's announcement (${deal.supersededOn.date} < ${deal.announced})`);

  const inner = (family: string, items: {id: string}[] | undefined, path: PropertyKey[]) => {
    const seen = new Map<string, number>();
    (items ?? []).forEach((item, i) => {
      if (seen.has(item.id))
        report(here(...path, i, "id"), `duplicate ${family} id "${item.id}" (first at ${path.join(".")}[${seen.get(item.id)}])`);
      else seen.set(item.id, i);
    });
    return seen;
  };
  const tranches = inner("tranche", deal.tranches, ["tranches"]);
  inner("total", deal.totals, ["totals"]);
  inner("commitment", deal.commitments, ["commitments"]);
  inner("schedule point", deal.capacity?.schedule, ["capacity", "schedule"]);
  inner("option", deal.hardware.options, ["hardware", "options"]);
  inner("valuation", deal.valuations, ["valuations"]);
  inner("equity mark", deal.equityMarks, ["equityMarks"]);

  deal.tranches.forEach((t, i) => {
    if (!deal.investors.includes(t.investor))
      report(here("tranches", i, "investor"), `"${t.investor}" is not one of this deal's investors`);
    if (t.date > deal.asOf) report(here("tranches", i, "date"), `is after the deal's asOf (${t.date} > ${deal.asOf})`);
    if (!t.firm && !t.condition) report(here("tranches", i, "condition"), "a contingent tranche (firm: false) must say its condition");
  });
  (deal.totals ?? []).forEach((total, i) => {
    let sum = 0;
    total.tranches.forEach((id, j) => {
      const k = tranches.get(id);
      if (k === undefined) report(here("totals", i, "tranches", j), `unknown tranche "${id}"`);
      else if (deal.tranches[k].rebate)
        report(
          here("totals", i, "tranches", j),
          `"${id}" is a rebate (the provider's own stock to the lab), not money invested; leave it out of totals`
        );
      else sum += usdBn(deal.tranches[k].amount);
    });
    const stated = usdBn(total.amount);
    const bound = (total.amount.bound ?? "exact") as Bound;
    const ok =
      bound === "about"
        ? Math.abs(sum - stated) <= 0.05 * stated
        : bound === "at-least"
          ? sum >= stated - 0.01
          : Math.abs(sum - stated) <= 0.01;
    if (!ok)
      report(
        here("totals", i, "amount", "value"),
        `tranches add up to ${usd(round(sum) * 1e9, "as-written")} but the stated total is ${withBound(usd(round(stated) * 1e9, "as-written"), bound)} (bound: ${bound}); fix an amount or the list of tranches`
      );
  });
  deal.commitments.forEach((c, i) => {
    if (!(c.years.value > 0)) report(here("commitments", i, "years", "value"), "a commitment's term must be longer than 0 years");
  });

  if (deal.capacity) {
    const ceiling = toGw(deal.capacity.ceiling.value, deal.capacity.ceiling.unit);
    let last: {by: string; gw: number} | undefined;
    deal.capacity.schedule.forEach((p, i) => {
      const gw = toGw(p.gw.value, p.gw.unit);
      if (last && p.by <= last.by)
        report(here("capacity", "schedule", i, "by"), `schedule points must be in date order (${p.by} after ${last.by})`);
      if (last && gw < last.gw)
        report(here("capacity", "schedule", i, "gw", "value"), `capacity cannot fall along the schedule (${gw} GW after ${last.gw} GW)`);
      if (gw > ceiling * 1.0001 && deal.capacity!.ceiling.bound !== "at-least") {
        report(here("capacity", "schedule", i, "gw", "value"), `${gw} GW is above the ceiling of ${ceiling} GW`);
      }
      // A point at a ceiling's value is that ceiling reached: "about 5 GW" beside "up to 5 GW" reads as if it could pass
      // it (s16 critic #10).
      if (deal.capacity!.ceiling.bound === "up-to" && Math.abs(gw - ceiling) <= ceiling * 1e-4 && (p.gw.bound ?? "exact") !== "up-to")
        report(
          here("capacity", "schedule", i, "gw", "bound"),
          `${gw} GW is the ceiling reached, so it reads "up to" as the ceiling does (bound: up-to, not ${p.gw.bound ?? "exact"})`
        );
      last = {by: p.by, gw};
    });
    deal.capacity.chips.forEach((id, i) => {
      if (!chips.has(id)) report(here("capacity", "chips", i), `unknown chip "${id}" (add it to chips.yaml)`);
    });
    // A ceiling that leaves out hardware the deal names is part of the deal's capacity: say which part (covers), so
    // no page calls it the deal's ceiling; and a ceiling that covers every chip is no part (critic s8 M3).
    // (Only once every capacity chip is known: an unknown one is its own problem above.)
    const scope = capacityScope(deal as Pick<Deal, "hardware" | "capacity">);
    const chipsKnown = deal.capacity.chips.every((id) => chips.has(id));
    if (chipsKnown && scope.partial && !deal.capacity.covers?.trim())
      report(
        here("capacity", "ceiling"),
        `the ceiling counts ${scope.covered.join(", ")} but not ${scope.uncovered.join(", ")} (hardware.chips): say what it covers in capacity.covers (e.g. "Trainium")`
      );
    if (chipsKnown && !scope.partial && deal.capacity.covers !== undefined)
      report(here("capacity", "covers"), "the ceiling covers every chip the deal names (hardware.chips): drop covers");
    // Stated generation shares: of the deal's own chips, summing to 1, and only without dated points (with points,
    // the mix follows them and each chip's availability).
    const shares = deal.capacity.shares ?? [];
    shares.forEach((s, i) => {
      if (!deal.capacity!.chips.includes(s.id)) report(here("capacity", "shares", i, "id"), `"${s.id}" is not one of capacity.chips`);
    });
    if (shares.length) {
      const total = shares.reduce((t, s) => t + s.share.value, 0);
      if (Math.abs(total - 1) > 0.005) report(here("capacity", "shares"), `shares add up to ${round(total)}, not 1`);
      if (deal.capacity.schedule.length)
        report(
          here("capacity", "shares"),
          "a deal with dated schedule points takes its mix from them and each chip's availability: drop shares or the points"
        );
    }
    // No capacity before it can exist: every point is due no earlier than the month delivery can start (the
    // latest of the announcement, the first stated delivery and the oldest chip's availability; see deliveryStart).
    const known = deal.capacity.chips.filter((id) => chipDates.has(id));
    const start = deliveryStart(
      {...deal, capacity: {...deal.capacity, chips: known}} as Pick<Deal, "announced" | "capacity">,
      [...known.map((id) => ({id, available: {date: chipDates.get(id)!}}))] as Pick<Chip, "id" | "available">[]
    );
    const why =
      start.reason === "announced"
        ? `the deal's announcement (${start.date})`
        : start.reason === "first-delivery"
          ? `its first stated delivery (capacity.firstDelivery, ${start.date})`
          : `the availability of ${start.chip} (${start.date} in chips.yaml), the oldest chip it names`;
    deal.capacity.schedule.forEach((p, i) => {
      if (p.by.slice(0, 7) < start.date.slice(0, 7) && toGw(p.gw.value, p.gw.unit) > 0)
        report(
          here("capacity", "schedule", i, "by"),
          `${toGw(p.gw.value, p.gw.unit)} GW online by ${p.by} is before delivery can start: ${why}`
        );
    });
  }
  deal.hardware.chips.forEach((id, i) => {
    if (!chips.has(id)) report(here("hardware", "chips", i), `unknown chip "${id}" (add it to chips.yaml)`);
  });
  (deal.hardware.options ?? []).forEach((o, i) => {
    if (o.chip && !chips.has(o.chip)) report(here("hardware", "options", i, "chip"), `unknown chip "${o.chip}" (add it to chips.yaml)`);
  });
  const inOrder = (items: {date: string}[] | undefined, path: string) => {
    (items ?? []).forEach((item, i, all) => {
      if (i > 0 && item.date < all[i - 1].date)
        report(here(path, i, "date"), `must be in date order (${item.date} before ${all[i - 1].date})`);
      if (item.date > deal.asOf) report(here(path, i, "date"), `is after the deal's asOf (${item.date} > ${deal.asOf})`);
    });
  };
  inOrder(deal.valuations, "valuations");
  inOrder(deal.equityMarks, "equityMarks");

  // No figure or source may be dated after the deal's own as-of date: that would be a figure from the future.
  walk(deal, [], (node, path) => {
    const asOf = (node as {asOf?: unknown}).asOf;
    if (path.length && typeof asOf === "string" && asOf > deal.asOf)
      report(here(...path, "asOf"), `is after the deal's asOf (${asOf} > ${deal.asOf})`);
  });
  (deal.sources ?? []).forEach((s, i) => {
    if (s.date > deal.asOf) report(here("sources", i, "date"), `is after the deal's asOf (${s.date} > ${deal.asOf})`);
  });
  void sources;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Calls `visit` on every object inside `value` (depth first), with its path. */
function walk(value: unknown, path: PropertyKey[], visit: (node: object, path: PropertyKey[]) => void): void {
  if (value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      walk(item, [...path, i], visit);
    });
    return;
  }
  visit(value, path);
  for (const [key, child] of Object.entries(value)) walk(child, [...path, key], visit);
}

/** Fills defaults: a fact's asOf from its source's date, a numeric fact's bound as "exact"; lists default empty. */
function resolve(files: DataFile[], sources: Map<string, Source>): Dataset {
  const fill = <T>(value: T): T => {
    walk(value, [], (node) => {
      const n = node as {source?: string; asOf?: string; status?: string; value?: unknown; unit?: string; bound?: string};
      if (typeof n.status === "string" && typeof n.source === "string" && n.asOf === undefined) n.asOf = sources.get(n.source)!.date;
      if (typeof n.value === "number" && typeof n.unit === "string" && n.bound === undefined) n.bound = "exact";
    });
    return value;
  };
  // Invisible characters are stripped from every text here, once, so that no loader can pass one on.
  const values = files.map((f) => ({kind: f.kind, value: fill(cleanStrings(f.value)) as unknown}));
  const pick = <T>(kind: FileKind, key: string) =>
    values.filter((v) => v.kind === kind).flatMap((v) => (v.value as Record<string, T[]>)[key]);
  const deals = values
    .filter((v) => v.kind === "deal")
    .map(({value}) => {
      const {sources: _, ...d} = value as DealFile;
      return {
        ...d,
        // Lapsed tranches (a letter of intent replaced by other terms) are kept for the record, apart from the
        // money that counts, so no projection or total can include them by mistake.
        tranches: d.tranches.filter((t) => !t.lapsed && !t.rebate).map(({lapsed: _, rebate: __, ...t}) => t),
        lapsedTranches: d.tranches.filter((t) => t.lapsed).map(({lapsed: _, rebate: __, ...t}) => t),
        // The provider's own stock or warrants given to the lab: a rebate in kind, never counted as invested.
        rebates: d.tranches.filter((t) => t.rebate && !t.lapsed).map(({lapsed: _, rebate: __, ...t}) => t),
        totals: d.totals ?? [],
        valuations: d.valuations ?? [],
        equityMarks: d.equityMarks ?? [],
        hardware: {chips: d.hardware.chips, other: d.hardware.other ?? [], options: d.hardware.options ?? []}
      } as Deal;
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    asOf:
      deals
        .map((d) => d.asOf)
        .sort()
        .at(-1) ?? "0000-00-00",
    companies: pick<Company>("companies", "companies"),
    deals,
    chips: pick<Chip>("chips", "chips"),
    assumptions: pick<Assumption>("assumptions", "assumptions"),
    scenarios: pick<Scenario>("scenarios", "scenarios"),
    signals: pick<Signal>("signals", "signals"),
    yardsticks: pick<Yardstick>("yardsticks", "yardsticks"),
    sources: cleanStrings([...sources.values()].sort((a, b) => (a.id < b.id ? -1 : 1)))
  };
}
