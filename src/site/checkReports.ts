/**
 * What `deals check` verifies beyond the data files, so that data it accepts never fails the build later: every
 * briefing's executive summary resolves against the data (each placeholder names a figure that exists, e.g. a deal
 * the market summary cites was not removed), stays within the note limit and holds nothing that would stall
 * marked; and every condition its prose relies on (`{{#holds}}`, summaryConditions.ts) still holds, else the summary
 * is stale, reported at the condition's line. A deal briefing that prints the generic template is reported apart,
 * as a warning. Problems are located like data problems.
 */
import {readFile} from "node:fs/promises";
import {type DealProjection, projectDeal, type ScenarioColumn, scenarioTable} from "../core/index.js";
import type {Dataset} from "../core/model.js";
import {cleanText, markdownHazard} from "../io/markdownHazard.js";
import {dedupeProblems, type Problem} from "../io/problem.js";
import {MAX_MARKDOWN} from "../io/schema.js";
import {briefingCall} from "./briefingSummary.js";
import {briefings} from "./briefings.js";
import {figureTable} from "./figures.js";
import {type FigureValue, PlaceholderError, resolvePlaceholders} from "./placeholders.js";
import type {DealMemo} from "./siteData.js";
import {applyDirectives} from "./summaryConditions.js";
import {NO_READS_MEMO, type ReadsMemo} from "./trackedReads.js";

export interface CheckReportsOptions {
  /** Reads a summary file (relative to the project root); default from disk. */
  read?: (file: string) => Promise<string>;
  /**
   * The projections the conditions are checked against, by deal id. `deals check` passes them as the site computes
   * them (projectDeal with its default draws and seed), so a condition holds in the check exactly when it holds in
   * print; the default, at the base values without draws, is fast and resolves every name.
   */
  projections?: Record<string, DealProjection>;
  /** Receives what is worth saying but is not a problem: a deal briefing that prints the generic template. */
  warn?: (problem: Problem) => void;
  /**
   * Whether a summary whose condition no longer holds is a problem (default true). `deals build` checks without it
   * (its site data prints the template in place of a stale summary, so nothing false is published) and so skips the
   * projections at the published draws that staleness needs; `deals check`, which CI runs first, reports it.
   */
  stale?: boolean;
  /** Keeps the default projections (at the base values, without draws) between runs; see checkProjections. */
  memo?: DealMemo;
  /** Keeps each briefing's result with the figures it read (trackedReads.ts); default: always check. */
  reads?: ReadsMemo;
  /**
   * The figure table to check against, when the caller has it: `deals build` passes its site data's (the figures the
   * briefings print), so the check projects no deal of its own (at 1,000 deals, reading 1,000 kept projections and
   * building a second table were about 2 CPU-s of every rebuild). `projections` and `memo` are then not used.
   */
  figures?: ReadonlyMap<string, FigureValue>;
}

/**
 * Returns every problem the briefings would meet with this dataset: per summary file, the first placeholder that
 * does not resolve (`file:line:col`), or else text the renderer would refuse.
 *
 * @example
 * const problems = await checkReports(dataset); // [] for the repository's data
 */
export async function checkReports(
  dataset: Dataset,
  {
    read = (file) => readFile(file, "utf-8"),
    projections,
    warn = () => {},
    stale: reportStale = true,
    memo,
    reads = NO_READS_MEMO,
    figures: given
  }: CheckReportsOptions = {}
): Promise<Problem[]> {
  const problems: Problem[] = [];
  // Each deal's scenario columns as the site computes them (the deal alone, kept by `memo`): the market's bull / base /
  // bear figures read every deal's, and computing them all again was most of a rebuild's check at 100 deals.
  const figures =
    given ??
    figureTable({
      dataset,
      version: "check",
      projections: projections ?? checkProjections(dataset, {draws: 0, memo}),
      scenarios: checkScenarios(dataset, memo)
    });
  // Each file is read once, however many briefings print it (deal.md is every deal's template).
  const files = new Map<string, Promise<string>>();
  const readOnce = read;
  read = (file) => {
    if (!files.has(file)) files.set(file, readOnce(file));
    return files.get(file)!;
  };
  for (const briefing of briefings(dataset.deals)) {
    const texts: Record<string, string> = {};
    try {
      texts[briefing.summary] = await read(briefing.summary);
      if (briefing.template) texts[briefing.template] = await read(briefing.template);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
      problems.push({
        file: briefing.summary,
        line: 0,
        col: 0,
        field: "",
        message: `cannot read the summary of ${briefing.name}: ${reason}`
      });
      continue;
    }
    // Kept with the figures it read: a rebuild after one deal changes checks again the summaries whose figures moved.
    const found = reads("check-briefing", [briefing, texts, reportStale], figures, (table) =>
      checkBriefing(briefing, texts, table, reportStale)
    );
    problems.push(...found.problems);
    for (const w of found.warnings) warn(w);
  }
  // The shared deal.md is checked once per deal: keep the first problem at each place.
  return dedupeProblems(problems, (p) => `${p.file}:${p.line}:${p.col}:${p.field}`);
}

/**
 * Returns the problems and warnings of one briefing's summary (`briefing.summary`, and its template when that prints
 * instead), whose texts `texts` holds by file, against the figure table `figures`; see checkReports.
 */
function checkBriefing(
  briefing: {name: string; summary: string; template?: string; deal?: string},
  texts: Readonly<Record<string, string>>,
  figures: ReadonlyMap<string, FigureValue>,
  reportStale: boolean
): {problems: Problem[]; warnings: Problem[]} {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  // The files to vet for size and hazards: the briefing's own summary, and the template when that prints instead.
  const vetted: {file: string; printed: string; checkable: string}[] = [];
  try {
    // Every figure and condition of the file resolves at its place, in every branch.
    resolvePlaceholders(
      applyDirectives(texts[briefing.summary], figures, {file: briefing.summary, deal: briefing.deal}).checkable,
      figures,
      {
        file: briefing.summary,
        deal: briefing.deal
      }
    );
    // Which file prints and why (briefingCallFor's choice); the texts are vetted below, so nothing needs rendering here.
    const templateFile = briefing.template ?? briefing.summary;
    const page = briefingCall({
      own: briefing.summary !== templateFile ? {file: briefing.summary, text: texts[briefing.summary]} : null,
      template: {file: templateFile, text: texts[templateFile]},
      figures,
      deal: briefing.deal,
      render: (markdown) => markdown
    });
    for (const s of reportStale ? page.stale : [])
      problems.push({
        file: s.file,
        line: s.line,
        col: s.col,
        field: "stale",
        message: `the summary of ${briefing.name} relies on "${s.condition}", which no longer holds: ${s.reason}; rewrite the sentences that rely on it${s.file === briefing.summary && briefing.template && s.file !== briefing.template ? ` (meanwhile the briefing prints ${briefing.template})` : ""}`
      });
    if (briefing.template && page.file === briefing.template && briefing.summary === briefing.template)
      warnings.push({
        file: briefing.template,
        line: 0,
        col: 0,
        field: "",
        message: `${briefing.name} has no summary of its own and prints this generic template; write ${briefing.summary.replace(/[^/]*$/, `${briefing.name}.md`)}`
      });
    for (const file of new Set([briefing.summary, page.file])) {
      const applied = applyDirectives(texts[file], figures, {file, deal: briefing.deal});
      vetted.push({
        file,
        printed: resolvePlaceholders(applied.text, figures, {file, deal: briefing.deal}),
        // Directive lines blanked, every branch kept: a hazard's line is the file's.
        checkable: resolvePlaceholders(applied.checkable, figures, {file, deal: briefing.deal})
      });
    }
  } catch (error) {
    if (!(error instanceof PlaceholderError)) throw error;
    const {file, line, col, reason} = error;
    problems.push({file, line, col, field: "placeholder", message: reason});
    return {problems, warnings};
  }
  for (const {file, printed, checkable} of vetted) {
    if (printed.length > MAX_MARKDOWN) {
      problems.push({
        file,
        line: 0,
        col: 0,
        field: "",
        message: `is ${printed.length} characters with its figures (limit ${MAX_MARKDOWN})`
      });
      continue;
    }
    const hazard = markdownHazard(cleanText(checkable));
    if (hazard)
      problems.push({
        file,
        line: hazard.line,
        col: 1,
        field: "markdown",
        message: `cannot be rendered safely (${hazard.message})`
      });
  }
  return {problems, warnings};
}

/**
 * Returns the projections a check weighs the summaries' conditions against, by deal id: projectDeal with `draws`
 * (default its own, as the site computes them). A deal the core cannot project (data the schema accepts but a
 * computation refuses, e.g. no reference chip) is left out: its economics are "not disclosed" to the summaries, and
 * the build reports the computation's own error. `memo` may keep each deal's projection between runs (the build's,
 * src/cli/checkCache.ts).
 */
export function checkProjections(
  dataset: Dataset,
  {draws, memo = (_name, _input, compute) => compute()}: {draws?: number; memo?: DealMemo} = {}
): Record<string, DealProjection> {
  const out: Record<string, DealProjection> = {};
  for (const deal of dataset.deals) {
    try {
      // Each deal projected on its own (the dataset with that deal only), as the site data computes it: the result
      // depends on nothing `memo`'s key leaves out.
      const data = {...dataset, deals: [deal]};
      out[deal.id] = memo("check-projection", [data, draws ?? null], () =>
        projectDeal(data, deal.id, {tornadoFigures: [], ...(draws === undefined ? {} : {draws})})
      );
    } catch {
      // Left out, see above.
    }
  }
  return out;
}

/**
 * Returns each deal's scenario columns (scenarioTable), as the site data computes them: each deal on its own (the
 * dataset with that deal only), kept by `memo` when given. A deal the core cannot project is left out (the figure table
 * then computes its columns from the whole dataset, and reports the same error the site would).
 */
export function checkScenarios(dataset: Dataset, memo: DealMemo = (_name, _input, compute) => compute()): Record<string, ScenarioColumn[]> {
  const out: Record<string, ScenarioColumn[]> = {};
  for (const deal of dataset.deals) {
    try {
      const data = {...dataset, deals: [deal]};
      out[deal.id] = memo("check-scenarios", data, () => scenarioTable(data, deal.id));
    } catch {
      // Left out, see above.
    }
  }
  return out;
}
