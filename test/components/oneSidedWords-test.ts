import {assert, it} from "vitest";
import {oneSidedWords} from "../../docs/components/sections/methodology.js";

it("oneSidedWords names the ranges that lie on one side of their base, with the share of draws below it: (base − low) ÷ (high − low)", () => {
  const slip = {id: "slip-months", unit: "months", low: 0, base: 0, high: 18};
  const renewal = {id: "it-renewal-share", unit: "fraction", low: 0, base: 0.5, high: 0.6};
  // 0.5 ÷ 0.6 = 83.3% of draws below the base (83% as pct prints it).
  assert.match(
    oneSidedWords([slip, renewal]),
    /^Two ranges lie mostly on one side of their base: slip \(0 to 18 months, base 0 months\), so no draw is ahead of schedule, and the IT renewal share \(0% to 60%, base 50%\), below its base in 83% of draws \(renewing more eagerly than the base case\); so a deal's median cash NPV can sit below its base case, even on the other side of zero\. $/
  );
  // Centred ranges say nothing.
  assert.strictEqual(
    oneSidedWords([
      {...slip, base: 9},
      {...renewal, low: 0.4}
    ]),
    ""
  );
  assert.match(oneSidedWords([slip]), /^One range lies mostly on one side of their base: slip/);
});
