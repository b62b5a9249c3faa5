import {assert, it} from "vitest";
import {capacityScope} from "../../../src/core/index.js";
import {amazonAnthropic} from "../commitment/fixtures.js";
import {amazonOpenai, nvidiaOpenai} from "./fixtures.js";

const hardware = (chips: string[]) => ({chips, other: [], options: []});

it("capacityScope(deal) is partial when the deal names chips its capacity does not count", () => {
  const deal = {hardware: hardware(["gb200", "gb300", "trainium3"]), capacity: {...amazonOpenai.capacity!, chips: ["trainium3"]}};
  assert.deepStrictEqual(capacityScope(deal), {partial: true, covered: ["trainium3"], uncovered: ["gb200", "gb300"], additional: false});
});

it("capacityScope(deal) is whole when the capacity counts every named chip", () => {
  const deal = {hardware: hardware(["trainium2"]), capacity: {...amazonAnthropic.capacity!, chips: ["trainium2", "trainium3"]}};
  assert.deepStrictEqual(capacityScope(deal), {partial: false, covered: ["trainium2", "trainium3"], uncovered: [], additional: false});
});

it("capacityScope(deal) is not partial without capacity or without capacity chips", () => {
  assert.deepStrictEqual(capacityScope(nvidiaOpenai), {partial: false, covered: [], uncovered: [], additional: false});
  assert.deepStrictEqual(capacityScope(amazonOpenai), {partial: false, covered: [], uncovered: [], additional: false}); // capacity.chips: []
});

it("capacityScope(deal) is additional when the capacity is contracted on top of the commitment", () => {
  const deal = {hardware: hardware(["gb200"]), capacity: {...amazonAnthropic.capacity!, chips: ["gb200"], beyondCommitment: true}};
  assert.deepStrictEqual(capacityScope(deal), {partial: false, covered: ["gb200"], uncovered: [], additional: true});
  assert.isTrue(capacityScope({...deal, capacity: {...deal.capacity, chips: []}}).additional);
});
