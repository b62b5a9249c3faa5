import {assert, it} from "vitest";
import {changeLine, changeMeaning, dealDataMoved} from "../../../src/core/format/changeLine.js";

const side = (value: number, extra = {}) => ({
  value,
  unit: "usd",
  bound: "exact" as const,
  status: "confirmed" as const,
  asOf: "2026-04-20",
  ...extra
});

it("changeLine(change) writes a sourced figure as written and a derived one at three significant figures", () => {
  assert.strictEqual(
    changeLine({
      dealName: "A → B",
      label: "investment (firm)",
      kind: "changed",
      before: side(8e9, {derived: false}),
      after: side(13.25e9, {derived: false})
    }),
    "A → B, investment (firm): $8B → $13.25B, confirmed, 20 Apr 2026"
  );
  assert.strictEqual(
    changeLine({
      dealName: "A → B",
      label: "NPV",
      kind: "added",
      before: null,
      after: side(-3.4123e9, {bound: "at-least", status: "assumption", derived: true})
    }),
    "A → B, NPV: about −$3.41B (new), assumption, 20 Apr 2026"
  );
});

it("changeLine(change) shows four digits when the move is smaller than the rounding", () => {
  assert.strictEqual(
    changeLine({
      dealName: "A → B",
      label: "NPV",
      kind: "changed",
      before: side(3.4123e9, {derived: true}),
      after: side(3.4131e9, {derived: true})
    }),
    "A → B, NPV: $3.41B → $3.41B (3.412e+9 usd → 3.413e+9 usd), confirmed, 20 Apr 2026"
  );
});

it("changeMeaning(change) says why a move matters, by figure and direction, and names a status-only change", () => {
  const at = (value: number, status: "reported" | "confirmed" = "reported") => ({
    value,
    unit: "usd",
    bound: "exact" as const,
    status,
    asOf: "2026-06-30"
  });
  const change = (label: string, before: number, after: number) => ({
    dealName: "A → B",
    label,
    kind: "changed" as const,
    before: at(before),
    after: at(after)
  });
  assert.strictEqual(changeMeaning(change("payback year", 2035, 2036)), "The provider's cash comes back later.");
  assert.strictEqual(
    changeMeaning(change("provider's cash NPV", -3e9, -2e9)),
    "The deal is worth more in cash to the provider, discounted to today."
  );
  assert.strictEqual(
    changeMeaning({dealName: "A → B", label: "capacity", kind: "changed", before: at(5), after: at(5, "confirmed")}),
    "Same value; its evidence is now confirmed (it was reported)."
  );
  assert.match(changeMeaning({dealName: "A → B", label: "capacity", kind: "added", before: null, after: at(5)}), /^New in this edition/);
});

it("changeMeaning tells a model's move from news about the deal (critic s8 M1): a derived figure whose deal data did not move", () => {
  const side = (value: number, asOf = "2026-04-27", derived = true) => ({
    value,
    unit: "usd",
    bound: "about" as const,
    status: "assumption" as const,
    derived,
    asOf
  });
  const npv = {dealName: "A → B", label: "provider's cash NPV", kind: "changed" as const, before: side(-33.2e9), after: side(6.83e9)};
  // Nothing the deal's data states moved, nor its as-of date: the model moved it.
  assert.isFalse(dealDataMoved([npv]));
  assert.strictEqual(
    changeMeaning(npv, {dataMoved: false}),
    "Higher, from the model, not the deal: the deal's sourced figures and its data as-of (27 Apr 2026) did not move, so a change of the model's method or assumptions moved it."
  );
  // A sourced figure of the same deal moved, or the as-of did: the old words, the deal's own news.
  const firm = {
    dealName: "A → B",
    label: "investment (firm)",
    kind: "changed" as const,
    before: side(8e9, "2026-04-27", false),
    after: side(13e9, "2026-04-27", false)
  };
  assert.isTrue(dealDataMoved([npv, firm]));
  assert.isTrue(dealDataMoved([{...npv, after: side(6.83e9, "2026-06-30")}]));
  assert.strictEqual(changeMeaning(npv, {dataMoved: true}), "The deal is worth more in cash to the provider, discounted to today.");
  // A payback year the model now gives, the data as of the same date as the last edition's.
  const payback = {dealName: "A → B", label: "payback year", kind: "added" as const, before: null, after: {...side(2031), unit: "year"}};
  assert.isFalse(dealDataMoved([payback], "2026-04-27"));
  // The last edition's data as of a later date than the deal's (the dataset's as-of is the latest of its deals'): the
  // deal was not checked since, so a figure that appeared or went away is the model's (critic s9 H3: OO's new payback
  // year and MNA's removed one made the briefings call the NPV's model move deal news). Checked after it: the deal's.
  assert.isFalse(dealDataMoved([payback], "2026-06-30"));
  assert.isFalse(dealDataMoved([{...payback, kind: "removed", before: payback.after, after: null}], "2026-06-30"));
  assert.isTrue(dealDataMoved([payback], "2026-01-31"));
  assert.match(changeMeaning(payback, {dataMoved: false}), /^New in this edition, from the model, not the deal/);
  assert.match(changeMeaning(payback), /^New in this edition: the data did not give/);
});
