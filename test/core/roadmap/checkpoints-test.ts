import {assert, it} from "vitest";
import type {Chip, Signal} from "../../../src/core/model.js";
import {dealCheckpoints, ROADMAP_RULE, scheduleVerdict, signalReading, worstSignalStatus} from "../../../src/core/roadmap/checkpoints.js";
import {countedStatus, signalBoard} from "../../../src/core/signals.js";
import {assertInDelta} from "../../asserts.js";
import {alpha, beta, chip, deal} from "../capacity/fixtures.js";

// Prices in USD per chip-hour; FLOP/s per dollar-hour = bf16 PFLOP/s × 1e15 ÷ price.
const gpuA = chip("gpu-a", {date: "2024-01-01", itKw: 1, bf16: 1, line: "nvidia", price: 2}); // 5e14
const gpuB = chip("gpu-b", {date: "2025-01-01", itKw: 1, bf16: 2, line: "nvidia", price: 2}); // 1e15
const gpuC = chip("gpu-c", {date: "2025-06-01", itKw: 1, bf16: 3, line: "nvidia", price: 2}); // 1.5e15
const tpu = chip("tpu-x", {date: "2025-03-01", itKw: 1, bf16: 1, line: "tpu", price: 4}); // 2.5e14
const unsure: Chip = {
  ...chip("gamma", {date: "2025-02-01", itKw: 1, bf16: 1}),
  available: {date: "2025-02-01", status: "reported", source: "s", asOf: "2025-02-01"}
};
const chips = [alpha, beta, gpuA, gpuB, gpuC, tpu, unsure];

const signals: Signal[] = [
  {
    id: "capacity-reality",
    label: "Capacity reality",
    question: "?",
    observations: [
      {date: "2025-11-01", status: "on-track", text: "first hall live", source: "s1", deal: "d"},
      {date: "2026-02-01", status: "watch", text: "second hall late", source: "s2", deal: "d"},
      {date: "2026-03-01", status: "off-track", text: "another deal", source: "s3", deal: "other"}
    ]
  },
  {
    id: "chip-roadmap",
    label: "Product cadence",
    question: "?",
    observations: [
      {date: "2025-12-01", status: "on-track", text: "beta shipped", source: "s4", about: ["beta"]},
      {date: "2025-12-15", status: "off-track", text: "an unrelated chip slipped", source: "s5", about: ["zeta"]}
    ]
  }
];

// Fixture deal "d": hardware and capacity chips alpha (confirmed January 2025) and beta (confirmed January 2026);
// 1 GW by 2026-12-31 and 3 GW by 2027-12-31; as of 2026-01-10.
const data = (deals = [deal()], s = signals) => ({deals, chips, signals: s});

it("dealCheckpoints(dataset, deal) reads capacity on schedule from the capacity-reality signal", () => {
  const [schedule] = dealCheckpoints(data(), "d");
  assert.strictEqual(schedule.status, "watch"); // the deal's newest observation; the other deal's is ignored
  assert.deepStrictEqual(schedule.signal, {
    id: "capacity-reality",
    status: "watch",
    latest: "2026-02-01",
    text: "second hall late",
    source: "s2",
    basis: "observed"
  });
  assert.strictEqual(schedule.verdict, "watch, observed");
  assert.deepStrictEqual(schedule.due, []);
  assert.deepStrictEqual(schedule.next, {id: "p1", by: "2026-12-31"});
});

it("dealCheckpoints(dataset, deal, {asOf}) lists the points already due and the next one", () => {
  const [schedule] = dealCheckpoints(data(), "d", {asOf: "2026-12-31"});
  assert.deepStrictEqual(schedule.due, [{id: "p1", by: "2026-12-31"}]);
  assert.deepStrictEqual(schedule.next, {id: "p2", by: "2027-12-31"});
  assert.isNull(dealCheckpoints(data(), "d", {asOf: "2028-01-01"})[0].next);
});

it("dealCheckpoints(dataset, deal without schedule) still reads its capacity evidence, as the board does (s16 critic #1a)", () => {
  // Oracle → OpenAI gives no dated schedule; its Abilene report read WATCH on the market's board and "no evidence yet"
  // on the checkpoint that cited it. A status that cites evidence reads that evidence's status.
  const [schedule] = dealCheckpoints(data([deal({}, {schedule: []})]), "d");
  assert.strictEqual(schedule.status, "watch");
  assert.strictEqual(schedule.verdict, "watch, observed");
  assert.strictEqual(schedule.signal.status, "watch");
  assert.isNull(schedule.next);
  // No observation at all: no evidence yet.
  const [none] = dealCheckpoints(data([deal({}, {schedule: []})], [signals[1]]), "d");
  assert.strictEqual(none.status, "unknown");
  assert.strictEqual(none.verdict, "no evidence yet");
});

it("countedStatus(o, signal, …) is the one rule of the boards and the checkpoint: lapsed forecasts and, on the schedule signal only, evidence before the deal do not count; a forecast is never on track", () => {
  const deals = [{id: "d", announced: "2026-01-10"}];
  const before = {date: "2025-11-01", status: "on-track" as const, deal: "d"};
  assert.isNull(countedStatus(before, "capacity-reality", {deals}));
  // The other signals ask about the lab, its chips or its provider: the deal's date does not bound them (s16 #1c).
  assert.strictEqual(countedStatus(before, "silicon-follow-through", {deals}), "on-track");
  const forecast = {date: "2026-02-01", status: "on-track" as const, deal: "d", basis: "forecast" as const, forecastFor: "2026-03-31"};
  assert.strictEqual(countedStatus(forecast, "capacity-reality", {deals, asOf: "2026-03-01"}), "watch");
  assert.isNull(countedStatus(forecast, "capacity-reality", {deals, asOf: "2026-06-30"}));
  assert.strictEqual(countedStatus({...forecast, status: "off-track"}, "capacity-reality", {deals, asOf: "2026-03-01"}), "off-track");
  // The board's head reads the same counted status: an open on-track forecast heads its card as "watch".
  const board = signalBoard([{...signals[0], observations: [{...forecast, text: "t", source: "s"}]}], {asOf: "2026-03-01", deals});
  assert.strictEqual(board[0].status, "watch");
});

it("dealCheckpoints: roadmap alignment keeps the chips' dates reading beside the signal, so the worse of the two can be shown (s16 critic #1b)", () => {
  // alpha confirmed, gamma reported: the dates read watch; beta's observation (the deal's hardware) reads on track;
  // the worse of the two is watch, a status the page derives from the two readings it prints.
  const [, , unsure] = dealCheckpoints(data([deal({}, {chips: ["alpha", "gamma"]})]), "d");
  assert.strictEqual(unsure.dates, "watch");
  assert.strictEqual(unsure.signal.status, "on-track");
  assert.strictEqual(unsure.status, "watch");
  const [, , sure] = dealCheckpoints(data(), "d");
  assert.strictEqual(sure.dates, "on-track");
  assert.strictEqual(sure.signal.status, "on-track");
  assert.strictEqual(sure.status, "on-track");
  assert.strictEqual(dealCheckpoints(data([deal({}, {chips: []})]), "d")[2].dates, "unknown");
  assert.include(ROADMAP_RULE, "watch if a date is not confirmed by its maker");
});

it("dealCheckpoints(dataset, deal with unpriced chips) cannot judge performance per dollar", () => {
  const [, price] = dealCheckpoints(data(), "d");
  assert.strictEqual(price.status, "unknown");
  assert.deepStrictEqual(price.unpriced, ["alpha", "beta"]);
  assert.deepStrictEqual(price.priced, []);
  // No deal chip priced: no basis to compare on, so no market either.
  assert.isNull(price.market);
  assert.isNull(price.priceClass);
  assert.isNull(price.ratio);
});

it("dealCheckpoints(dataset, deal) rates the best priced chip against the other priced chips' median", () => {
  const on = (ids: string[]) => dealCheckpoints(data([deal({hardware: {chips: ids, other: [], options: []}})]), "d")[1];
  // gpu-b 1e15 against the median of 2.5e14, 5e14, 1.5e15 = 5e14: 2×
  const b = on(["gpu-b", "alpha"]);
  assert.strictEqual(b.status, "on-track");
  assertInDelta(b.ratio!, 2);
  assert.deepStrictEqual(b.unpriced, ["alpha"]);
  // gpu-a 5e14 against the median of 2.5e14, 1e15, 1.5e15 = 1e15: 0.5× → off-track
  assert.strictEqual(on(["gpu-a"]).status, "off-track");
  // gpu-a and tpu-x: the best is gpu-a 5e14, against the median of 1e15, 1.5e15 = 1.25e15: 0.4×
  assertInDelta(on(["gpu-a", "tpu-x"]).ratio!, 0.4);
  // gpu-c 1.5e15 and gpu-b 1e15 against the median of 2.5e14, 5e14 = 3.75e14: 4×
  assertInDelta(on(["gpu-c", "gpu-b"]).ratio!, 4);
});

it("dealCheckpoints(dataset, deal) calls a price within 75% of the market a watch", () => {
  const near = chip("near", {date: "2025-01-01", itKw: 1, bf16: 0.8, line: "nvidia", price: 1}); // 8e14
  const dataset = {deals: [deal({hardware: {chips: ["near"], other: [], options: []}})], chips: [alpha, beta, gpuA, gpuB, near], signals};
  const [, price] = dealCheckpoints(dataset, "d");
  // 8e14 against the median of 5e14, 1e15 = 7.5e14 → 1.07 on track; with gpu-b alone (1e15): 0.8 → watch
  assert.strictEqual(price.status, "on-track");
  const watch = dealCheckpoints({...dataset, chips: [alpha, beta, gpuB, near]}, "d")[1];
  assertInDelta(watch.ratio!, 0.8);
  assert.strictEqual(watch.status, "watch");
});

it("dealCheckpoints(dataset, deal) aligns the roadmap when every chip fills before the last point", () => {
  const [, , roadmap] = dealCheckpoints(data(), "d");
  assert.strictEqual(roadmap.status, "on-track");
  assert.strictEqual(roadmap.lastPoint, "2027-12-31");
  assert.deepStrictEqual(roadmap.chips, [
    // alpha is available from 2025-07 (+ 6 months' lag) but the deal is announced 2026-01-10: nothing fills before.
    {id: "alpha", available: "2025-01-15", dateStatus: "confirmed", fillsFrom: "2026-01", late: false},
    {id: "beta", available: "2026-01-10", dateStatus: "confirmed", fillsFrom: "2026-07", late: false}
  ]);
  assert.deepStrictEqual(roadmap.signal, {
    id: "chip-roadmap",
    status: "on-track",
    latest: "2025-12-01",
    text: "beta shipped",
    source: "s4",
    basis: "observed"
  });
});

it("dealCheckpoints(dataset, deal) flags a chip that fills only after the last point as off-track", () => {
  const early = deal(
    {},
    {schedule: [{id: "p1", by: "2026-03-31", gw: {value: 1, unit: "gw", status: "confirmed", source: "s", asOf: "2026-01-01"}}]}
  );
  const [, , roadmap] = dealCheckpoints(data([early]), "d");
  assert.strictEqual(roadmap.status, "off-track"); // beta fills from July 2026, after March 2026
  assert.deepStrictEqual(
    roadmap.chips.map((c) => c.late),
    [false, true]
  );
  // With a 2-month lag beta fills from March 2026, in time.
  assert.strictEqual(dealCheckpoints(data([early]), "d", {lagMonths: 2})[2].status, "on-track");
});

it("dealCheckpoints(dataset, deal) watches a chip whose date is not confirmed, and takes the worse of dates and signal", () => {
  assert.strictEqual(dealCheckpoints(data([deal({}, {chips: ["alpha", "gamma"]})]), "d")[2].status, "watch");
  const cadence: Signal[] = [
    {
      id: "chip-roadmap",
      label: "",
      question: "",
      observations: [{date: "2026-01-01", status: "watch", text: "late", source: "s", about: ["alpha"]}]
    }
  ];
  assert.strictEqual(dealCheckpoints(data([deal()], cadence), "d")[2].status, "watch");
  assert.strictEqual(dealCheckpoints(data([deal()], []), "d")[2].status, "on-track"); // no signal: the dates alone
  assert.strictEqual(dealCheckpoints(data([deal({}, {chips: []})]), "d")[2].status, "unknown");
});

it("dealCheckpoints(…) rejects invalid inputs", () => {
  assert.throws(() => dealCheckpoints(data(), "x"), /invalid deal: x/);
  assert.throws(() => dealCheckpoints(data(), "d", {lagMonths: -1}), /invalid lagMonths: -1/);
  assert.throws(() => dealCheckpoints(data([deal({}, {chips: ["nope"]})]), "d"), /invalid chip: nope/);
});

it("worstSignalStatus(statuses) ranks off-track over watch over on-track over unknown", () => {
  assert.strictEqual(worstSignalStatus(["on-track", "watch", "unknown"]), "watch");
  assert.strictEqual(worstSignalStatus(["unknown", "on-track"]), "on-track");
  assert.strictEqual(worstSignalStatus(["watch", "off-track"]), "off-track");
  assert.strictEqual(worstSignalStatus([]), "unknown");
  assert.throws(() => worstSignalStatus(["late" as "watch"]), /invalid status: late/);
});

it("signalReading(board, id) returns the signal's newest observation, or unknown for a missing signal", () => {
  const board = signalBoard(signals, {deal: deal()});
  assert.strictEqual(signalReading(board, "capacity-reality").text, "second hall late");
  assert.deepStrictEqual(signalReading(board, "economics"), {
    id: "economics",
    status: "unknown",
    latest: null,
    text: null,
    source: null,
    basis: null
  });
});

it("dealCheckpoints: a forecast never makes capacity 'on track' (it reads watch, 'watch, on a forecast': one status word); an observation does", () => {
  const withNewest = (o: Partial<Signal["observations"][number]>): Signal[] => [
    {
      ...signals[0],
      observations: [...signals[0].observations, {date: "2026-03-01", status: "on-track", text: "t", source: "s9", deal: "d", ...o}]
    },
    signals[1]
  ];
  const [forecast] = dealCheckpoints(data([deal()], withNewest({basis: "forecast"})), "d");
  assert.strictEqual(forecast.signal.basis, "forecast");
  assert.strictEqual(forecast.status, "watch");
  assert.strictEqual(forecast.verdict, "watch, on a forecast");
  const [observed] = dealCheckpoints(data([deal()], withNewest({})), "d");
  assert.strictEqual(observed.status, "on-track");
  assert.strictEqual(observed.verdict, "on track, observed");
});

it("scheduleVerdict(reading) says what the verdict rests on", () => {
  assert.strictEqual(scheduleVerdict({status: "on-track", basis: "forecast"}), "watch, on a forecast");
  assert.strictEqual(scheduleVerdict({status: "off-track", basis: "forecast"}), "off track, on a forecast");
  assert.strictEqual(scheduleVerdict({status: "on-track", basis: "observed"}), "on track, observed");
  assert.strictEqual(scheduleVerdict({status: "unknown", basis: null}), "no evidence yet");
  // One status word per checkpoint: the verdict starts with the words of the status the checkpoint carries (a forecast
  // of "on track" carries "watch").
  const words = {"on-track": "on track", watch: "watch", "off-track": "off track", unknown: "no evidence yet"} as const;
  for (const status of ["on-track", "watch", "off-track", "unknown"] as const)
    for (const basis of ["observed", "forecast", null] as const) {
      const carried = basis === null ? "unknown" : basis === "forecast" && status === "on-track" ? "watch" : status;
      assert.isTrue(scheduleVerdict({status, basis}).startsWith(words[carried]), `${status} ${basis}`);
    }
});

it("dealCheckpoints(dataset, deal) compares performance per dollar only within one price basis", () => {
  // cloud 1e15 per $/h on a cloud's on-demand rate; the neocloud chips (gpu-a 5e14, gpu-c 1.5e15, tpu-x 2.5e14) are
  // on list prices: no peer on its basis, so no verdict, however the numbers compare.
  const cloud = chip("cloud", {date: "2025-01-01", itKw: 1, bf16: 2, line: "trainium", price: 2, priceClass: "cloud-on-demand"});
  const on = (ids: string[], extra: Chip[] = []) =>
    dealCheckpoints(
      {deals: [deal({hardware: {chips: ids, other: [], options: []}})], chips: [alpha, beta, gpuA, gpuC, tpu, cloud, ...extra], signals},
      "d"
    )[1];
  const alone = on(["cloud"]);
  assert.strictEqual(alone.status, "unknown");
  assert.isNull(alone.ratio);
  assert.deepStrictEqual(alone.priced, [{id: "cloud", flopsPerDollarHour: 1e15, priceClass: "cloud-on-demand"}]);
  // A second chip on the same basis (5e14 per $/h) is its peer: 1e15 ÷ 5e14 = 2× → on track.
  const peer = chip("peer", {date: "2025-01-01", itKw: 1, bf16: 1, line: "nvidia", price: 2, priceClass: "cloud-on-demand"});
  const paired = on(["cloud"], [peer]);
  assert.strictEqual(paired.priceClass, "cloud-on-demand");
  assert.strictEqual(paired.compared, "cloud");
  assertInDelta(paired.ratio!, 2);
  // With a neocloud chip too, each is judged on its own basis and the best ratio counts: gpu-a 5e14 ÷ median(1.5e15,
  // 2.5e14) = 5e14 ÷ 8.75e14 = 0.571; cloud 2× → cloud.
  const both = on(["cloud", "gpu-a"], [peer]);
  assert.strictEqual(both.compared, "cloud");
  assertInDelta(both.ratio!, 2);
});

it("dealCheckpoints: a forecast whose date is past, or evidence dated before the deal, never holds the deal to its schedule (s14 critic #13)", () => {
  // Deal "d" is announced 2026-01-10. Its only observations: one from before the deal, and a forecast for March 2026.
  const only = (observations: Signal["observations"]): Signal[] => [{...signals[0], observations}, signals[1]];
  const before = {date: "2025-11-01", status: "on-track" as const, text: "old campus live", source: "s1", deal: "d"};
  const forecast = {
    date: "2026-02-01",
    status: "on-track" as const,
    text: "expects 1 GW in March",
    source: "s2",
    deal: "d",
    basis: "forecast" as const,
    forecastFor: "2026-03-31"
  };
  // Before the forecast's date it is an open forecast: watch, on a forecast.
  const [open] = dealCheckpoints(data([deal()], only([before, forecast])), "d", {asOf: "2026-03-01"});
  assert.strictEqual(open.verdict, "watch, on a forecast");
  // Past its date (data as of 30 Jun 2026) it is history; the evidence from before the deal does not count either.
  const [past] = dealCheckpoints(data([deal()], only([before, forecast])), "d", {asOf: "2026-06-30"});
  assert.strictEqual(past.status, "unknown");
  assert.strictEqual(past.verdict, "no evidence yet");
  // The board at that date lists both and reads its status from the observation before the deal (a board is not a
  // deal's schedule), never from the lapsed forecast.
  const row = signalBoard(only([before, forecast]), {asOf: "2026-06-30"})[0];
  assert.strictEqual(row.observations.length, 2);
  assert.strictEqual(row.reading?.text, "old campus live");
});
