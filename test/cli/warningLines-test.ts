// `deals build` prints a few of the check's warnings and counts the rest (at 1,000 deals without summaries of their own
// it printed 990 lines at every build); `deals check` prints every one.
import {assert, it} from "vitest";
import {warningLines} from "../../src/cli/check.js";

const warning = (n: number) => ({file: "reports/summaries/deal.md", line: 0, col: 0, field: "", message: `deal-${n} prints the template`});

it("warningLines prints every warning by default, and with a limit the first ones and a count of the rest", () => {
  const three = [1, 2, 3].map(warning);
  assert.deepStrictEqual(
    warningLines(three),
    [1, 2, 3].map((n) => `reports/summaries/deal.md: warning: deal-${n} prints the template`)
  );
  assert.deepStrictEqual(warningLines(three, 1), [
    "reports/summaries/deal.md: warning: deal-1 prints the template",
    "… and 2 more warnings: `deals check` lists every one"
  ]);
  assert.deepStrictEqual(warningLines(three, 2).at(-1), "… and 1 more warning: `deals check` lists every one");
  assert.deepStrictEqual(warningLines(three, 3), warningLines(three));
  assert.deepStrictEqual(warningLines([], 5), []);
});
