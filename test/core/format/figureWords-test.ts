import {assert, it} from "vitest";
import {derivedText, figureText, figureWords, modelUsd} from "../../../src/core/format/figureWords.js";

it("figureWords(figure) writes a sourced confirmed or reported figure as its source wrote it", () => {
  assert.strictEqual(figureWords({value: 2.75, unit: "usd-bn", status: "confirmed"}), "$2.75B");
  assert.strictEqual(figureWords({value: 1.125, unit: "gw", bound: "up-to", status: "reported"}), "up to 1.125 GW");
  assert.strictEqual(figureWords({value: 100, unit: "usd-bn", bound: "at-least", status: "confirmed"}), "over $100B");
});

it("figureWords(figure) rounds derived, estimate and assumption figures to three significant figures", () => {
  assert.strictEqual(figureWords({value: 1.125, unit: "gw", status: "estimate"}), "1.13 GW");
  assert.strictEqual(figureWords({value: 30966, unit: "count", status: "assumption"}), "31,000");
  assert.strictEqual(figureWords({value: 4006744, unit: "h100e", status: "confirmed", derived: true}), "4.01 million H100-equivalents");
  assert.strictEqual(
    figureWords({value: 100 / 11, unit: "gw-years", bound: "at-least", status: "assumption", derived: true}),
    "over 9.09 GW-years"
  );
});

it("figureWords(figure) counts a figure without a status as computed", () => {
  assert.strictEqual(figureWords({value: 1.125, unit: "gw"}), "1.13 GW");
});

it("figureWords(figure) reads a floor on a negative figure as 'about'", () => {
  assert.strictEqual(figureWords({value: -3.4123e9, unit: "usd", bound: "at-least", status: "assumption", derived: true}), "about −$3.41B");
  assert.strictEqual(figureWords({value: 3.4123e9, unit: "usd", bound: "at-least", derived: true}), "over $3.41B");
});

it("figureWords(figure, {bare: true}) leaves the bound out", () => {
  assert.strictEqual(figureWords({value: 5, unit: "gw", bound: "up-to", status: "confirmed"}, {bare: true}), "5 GW");
});

it("figureWords(figure) appends a low–high range at three significant figures", () => {
  assert.strictEqual(figureWords({value: 1.2e9, unit: "usd", low: 0.8e9, high: 1.6123e9}), "$1.2B ($800M–$1.61B)");
});

it("figureWords(figure) rejects NaN and infinities in the value and the range", () => {
  assert.throws(() => figureWords({value: Number.NaN, unit: "usd"}), /invalid figure value: NaN/);
  assert.throws(() => figureWords({value: 1, unit: "usd", low: 0, high: Number.POSITIVE_INFINITY}), /invalid figure value: Infinity/);
});

it("figureText(value, unit, bound, status) is figureWords' short form", () => {
  assert.strictEqual(figureText(100, "usd-bn", "at-least", "confirmed"), "over $100B");
  assert.strictEqual(figureText(0, "usd"), "$0");
});

it("derivedText(figure) writes a computed figure at three significant figures whatever its status", () => {
  assert.strictEqual(derivedText({value: 100 / 13, unit: "ratio", bound: "at-least"}), "over 7.6×"); // a floor rounded down: 7.69 is not over 7.7 (critic s6 #15)
  assert.strictEqual(derivedText({value: 2.65e6, unit: "count", bound: "up-to"}), "up to 2.65 million");
});

it("modelUsd(value) reads a dollar figure computed at stated values with 'about', three significant figures", () => {
  assert.strictEqual(modelUsd(-7.61e9), "about −$7.61B");
  assert.strictEqual(modelUsd(5.494e9), "about $5.49B");
  assert.strictEqual(modelUsd(-669.2e9), "about −$669B");
});
