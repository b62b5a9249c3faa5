/** The founding article's four questions about an option on future chips, answered from the data for one deal. */
import {type ChipOption, type Deal, optionQuestions} from "../../lib/core.js";
import {el} from "../dom.js";
import {date} from "../format.js";
import {Badge, type SourceRef} from "../provenance.js";

export interface OptionsQuestionsOptions {
  sources: Record<string, SourceRef>;
  index?: Record<string, number>;
}

/**
 * Returns one table per deal: a row per question (timing, rights, flexibility, cost of waiting) and a column per
 * option the deal holds: the header badges the option itself, the exercise date and each answer carry the answers'
 * status (usually the editors' assumption, explained in the badge's note); null when the deal holds no option.
 */
export function OptionsQuestionsTable(
  deal: Pick<Deal, "id" | "name" | "asOf" | "hardware">,
  {sources, index}: OptionsQuestionsOptions
): HTMLElement | null {
  const options: ChipOption[] = deal.hardware.options;
  if (!options.length) return null;
  const answers = options.map((option) => optionQuestions(option));
  return el(
    "div",
    {class: "options-questions-scroll"},
    el(
      "table",
      {class: "options-questions", "data-deal": deal.id},
      el(
        "thead",
        {},
        el(
          "tr",
          {},
          el("th", {scope: "col"}, "Question"),
          options.map((option) =>
            el(
              "th",
              {scope: "col"},
              // The option's existence and the editors' reading of it carry their own statuses.
              option.label,
              Badge({status: option.status, source: option.source, asOf: deal.asOf}, {sources, index}),
              el(
                "span",
                {class: "muted options-exercisable"},
                ` · exercisable from ${date(option.exercisable)}`,
                Badge({...option.answers, asOf: option.answers.asOf ?? deal.asOf}, {sources, index})
              )
            )
          )
        )
      ),
      el(
        "tbody",
        {},
        answers[0].map((row, q) =>
          el(
            "tr",
            {},
            el("th", {scope: "row"}, row.heading),
            answers.map((rows) => {
              const answer = rows[q];
              return el(
                "td",
                {},
                answer.answer,
                // The badge alone: it links the source and prints its number; a source link beside it cited the
                // same source twice per row, and the editors' own source as a dated attribution (s14 critic #20).
                Badge({status: answer.status, source: answer.source, asOf: deal.asOf}, {sources, index})
              );
            })
          )
        )
      )
    )
  );
}
