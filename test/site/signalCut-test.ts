/** signalCut: a signal cut to the observations that concern a deal, shared by the deals it cuts alike (issue #18). */
import {assert, it} from "vitest";
import type {Observation} from "../../src/core/model.js";
import {signalCut} from "../../src/site/briefingSlice.js";

const observation = (deal: string, about: string[] = []) => ({deal, about}) as unknown as Observation;
const signal = {id: "s", label: "A signal", observations: [observation("a"), observation("b", ["aws"]), observation("c", ["aws"])]};

it("signalCut(signal, keep) is the signal with the observations keep keeps, in order", () => {
  const cut = signalCut(signal, (o) => o.about?.includes("aws") ?? false);
  assert.deepStrictEqual(cut, {...signal, observations: [signal.observations[1], signal.observations[2]]});
  assert.deepStrictEqual(signalCut(signal, () => false).observations, []);
  assert.strictEqual(signal.observations.length, 3, "the signal itself is not cut");
});

it("the same cut of the same signal is the same object (a body that holds it is keyed without hashing it again); another cut is not", () => {
  const aws = (o: Observation) => o.about?.includes("aws") ?? false;
  assert.strictEqual(
    signalCut(signal, aws),
    signalCut(signal, (o) => o.deal !== "a")
  );
  assert.notStrictEqual(
    signalCut(signal, aws),
    signalCut(signal, (o) => o.deal === "a")
  );
  const other = {...signal};
  assert.notStrictEqual(signalCut(other, aws), signalCut(signal, aws), "another signal object, its own cuts");
});
