import {assert, it} from "vitest";
import {roadmapHeadline} from "../../docs/components/sections/roadmap.js";
import type {Chip, Deal} from "../../src/core/index.js";

const deal = {
  name: "X → Y",
  asOf: "2026-06-30",
  capacity: {ceiling: {value: 5, unit: "gw", bound: "up-to", status: "reported"}}
} as unknown as Deal;
const chip = (status: string, date: string) => ({id: "c", name: "Chip4", available: {date, status}}) as unknown as Chip;
/** The headline with its no-break spaces (keepUnits) read as spaces. */
const headline = (status: string, date: string) =>
  roadmapHeadline({deal, chips: [chip(status, date)], mix: {c: 0.68}, fleet: null, chain: null as never, live: false}).replace(
    /[\u00a0\u202f]/g,
    " "
  );

it("roadmapHeadline: the chip's date reads as its status says, in English, and never 'available since' a future month", () => {
  assert.match(headline("assumption", "2027-01-01"), /a chip whose Jan 2027 date is only an assumption$/);
  assert.match(headline("estimate", "2027-01-01"), /date is only an estimate$/);
  assert.match(headline("reported", "2027-01-01"), /date is only reported$/);
  assert.match(headline("confirmed", "2025-11-01"), /available since Nov 2025$/);
  assert.match(headline("confirmed", "2027-01-01"), /due in Jan 2027, a date its maker confirms$/);
  assert.match(headline("assumption", "2027-01-01"), /^Chip4 would fill 68% of the up to 5 GW, /);
});
