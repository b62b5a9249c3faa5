import type {ChipOption, Status} from "../model.js";

/** The four questions the founding article asks of an option on future chips, in its order. */
export type OptionQuestion = "timing" | "rights" | "flexibility" | "costOfWaiting";

/** One row of the options table: a question about one option, its answer from the data, and the answer's provenance. */
export interface OptionQuestionRow {
  /** Option id. */
  option: string;
  /** The option's label, e.g. "Option on future Trainium generations". */
  label: string;
  question: OptionQuestion;
  /** Column heading for the question: "Timing", "Rights", "Flexibility", "Cost of waiting". */
  heading: string;
  /** The data's plain-text answer. */
  answer: string;
  status: Status;
  /** Source id. */
  source: string;
}

const QUESTIONS: readonly [OptionQuestion, string][] = [
  ["timing", "Timing"],
  ["rights", "Rights"],
  ["flexibility", "Flexibility"],
  ["costOfWaiting", "Cost of waiting"]
];

/**
 * Returns the option's answers to the four questions (timing, rights, flexibility, cost of waiting) as four
 * tidy rows in that order, each carrying the answers' status and source (the editors' reading, apart from the
 * option's own status), for the table on the options page
 * (pivot on `heading` for one column per question). Throws `invalid <option id> <question>` if an answer is
 * missing or blank.
 *
 * @example optionQuestions(option).map((d) => d.heading) // ["Timing", "Rights", "Flexibility", "Cost of waiting"]
 */
export function optionQuestions(option: ChipOption): OptionQuestionRow[] {
  return QUESTIONS.map(([question, heading]) => {
    const answer = option[question];
    if (!(typeof answer === "string" && answer.trim() !== "")) throw new Error(`invalid ${option.id} ${question}: ${answer}`);
    return {
      option: option.id,
      label: option.label,
      question,
      heading,
      answer,
      status: option.answers.status,
      source: option.answers.source
    };
  });
}
