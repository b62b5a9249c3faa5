import {assert, it} from "vitest";
import {dealChangeSummary, dealChanges} from "../../docs/components/dealChangelog.js";
import {diffFigures, type HeadlineFigure} from "../../src/core/changes.js";
import type {ChangesFile} from "../../src/site/types.js";

const figure = (key: string, value: number): HeadlineFigure => ({
  key,
  deal: key.split(".")[0],
  dealName: key.split(".")[0],
  label: "compute commitment",
  value,
  unit: "usd",
  bound: "exact",
  status: "confirmed",
  asOf: "2026-04-20"
});

const file = (
  changes: ChangesFile["changes"],
  previous: ChangesFile["previous"] = {dataVersion: "old", asOf: "2026-01-01"}
): ChangesFile => ({
  version: "new",
  asOf: "2026-06-30",
  previous,
  changes
});

it("dealChanges(changes, deal) keeps only that deal's changes", () => {
  const changes = diffFigures([figure("a.x", 1), figure("b.x", 1)], [figure("a.x", 2), figure("b.x", 3)]);
  assert.deepStrictEqual(
    dealChanges(file(changes), "a").map((c) => c.key),
    ["a.x"]
  );
});

it("dealChangeSummary(changes, deal, asOf) reads right with none, one or several changes, and on a first build", () => {
  const one = diffFigures([figure("a.x", 1)], [figure("a.x", 2)]);
  const two = diffFigures([figure("a.x", 1), figure("a.y", 1)], [figure("a.x", 2), figure("a.y", 2)]);
  assert.strictEqual(
    dealChangeSummary(file(one), "a", "2026-06-30"),
    "Data last checked 30 Jun 2026. 1 headline figure moved since the last edition (its data as of 1 Jan 2026):"
  );
  assert.match(dealChangeSummary(file(two), "a", "2026-06-30"), / 2 headline figures moved since /);
  // A reader's words: no data version, no "build".
  for (const text of [file(one), file([], null)].flatMap((f) => ["a", "b"].map((d) => dealChangeSummary(f, d, "2026-06-30"))))
    assert.notMatch(text, /data version|build/);
  assert.strictEqual(
    dealChangeSummary(file(one), "b", "2026-06-30"),
    "Data last checked 30 Jun 2026. No headline figure moved since the last edition (its data as of 1 Jan 2026)."
  );
  assert.strictEqual(
    dealChangeSummary(file([], null), "a", "2026-06-30"),
    "Data last checked 30 Jun 2026. This is the first edition of these figures, so nothing has moved yet."
  );
});
