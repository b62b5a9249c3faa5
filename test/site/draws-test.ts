// publishedDraws: DEALS_DRAWS lowers the Monte Carlo draw count of builds, `deals project` and `deals check` in a test
// run only (vitest.config.ts sets 1,000); a build outside a test run always publishes MONTE_CARLO_DRAWS.
import {assert, it} from "vitest";
import {MONTE_CARLO_DRAWS} from "../../src/core/uncertainty/draws.js";
import {publishedDraws} from "../../src/site/draws.js";

it("publishedDraws is the published count unless a test run sets DEALS_DRAWS", () => {
  assert.strictEqual(MONTE_CARLO_DRAWS, 10_000);
  assert.strictEqual(publishedDraws({}), MONTE_CARLO_DRAWS);
  assert.strictEqual(publishedDraws({DEALS_DRAWS: "1000"}), MONTE_CARLO_DRAWS, "outside a test run DEALS_DRAWS does nothing");
  assert.strictEqual(publishedDraws({DEALS_DRAWS: "nonsense"}), MONTE_CARLO_DRAWS, "nor does a bad value");
  assert.strictEqual(publishedDraws({VITEST: "true"}), MONTE_CARLO_DRAWS);
  assert.strictEqual(publishedDraws({VITEST: "true", DEALS_DRAWS: "1000"}), 1000);
  for (const bad of ["", "0", "-5", "2.5", "1e3x", "many"])
    assert.throws(() => publishedDraws({VITEST: "true", DEALS_DRAWS: bad}), /DEALS_DRAWS/, JSON.stringify(bad));
});

it("this test run builds at the lower count (vitest.config.ts), so the build tests pay a tenth of the Monte Carlo", () => {
  assert.strictEqual(publishedDraws(), 1000);
});
