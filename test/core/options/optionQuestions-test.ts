import {assert, it} from "vitest";
import type {ChipOption} from "../../../src/core/model.js";
import {optionQuestions} from "../../../src/core/options/optionQuestions.js";

const option: ChipOption = {
  id: "future-trainium",
  label: "Option on future Trainium generations",
  chip: "trainium5",
  exercisable: "2028-01-01",
  timing: "From about 2028",
  rights: "A right, not an obligation",
  flexibility: "Follows the roadmap",
  costOfWaiting: "Older chips meanwhile",
  status: "confirmed",
  source: "opentechstack-2026-04",
  answers: {status: "assumption", source: "compute-deals-method", asOf: "2026-06-30", note: "The editors' reading"}
};

it("optionQuestions(option) returns the four questions in order with the answers' status and source, not the option's", () => {
  const common = {
    option: "future-trainium",
    label: "Option on future Trainium generations",
    status: "assumption",
    source: "compute-deals-method"
  };
  assert.deepStrictEqual(optionQuestions(option), [
    {...common, question: "timing", heading: "Timing", answer: "From about 2028"},
    {...common, question: "rights", heading: "Rights", answer: "A right, not an obligation"},
    {...common, question: "flexibility", heading: "Flexibility", answer: "Follows the roadmap"},
    {...common, question: "costOfWaiting", heading: "Cost of waiting", answer: "Older chips meanwhile"}
  ]);
});

it("optionQuestions(option) rejects a blank answer", () => {
  assert.throws(() => optionQuestions({...option, rights: "  "}), /invalid future-trainium rights/);
  assert.throws(() => optionQuestions({...option, timing: undefined as unknown as string}), /invalid future-trainium timing: undefined/);
});
