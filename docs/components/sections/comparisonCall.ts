/**
 * /comparison's call: one sentence that takes a position, the key figures behind it and four takeaways, as the
 * overview and the deal pages open with theirs (briefing/call.ts), here computed from the comparison's own tables:
 * every total, ranking and comparison in it is read from the figures, so it changes when the data does. Superseded
 * deals are left out of the rankings (their terms no longer hold). Names come from data: the block is built as text.
 */
import type {Analysis} from "../../../src/site/types.js";
import {el} from "../dom.js";
import {type Bound, gw, pct, sig, times, usd, withBound} from "../format.js";

type Row = Analysis["comparison"][number];

export interface ComparisonCall {
  call: string;
  takeaways: string[];
  keyFigures: {label: string; value: string}[];
}

const money = (f: {value: number; bound?: Bound}) => withBound(usd(f.value), f.bound, f.value);
const perDollar = (f: {value: number; bound?: Bound}) => withBound(`$${sig(f.value)}`, f.bound, f.value);

/** Returns the rows with a figure `pick` gives, largest first (ties in data order). */
function ranked<F extends {value: number}>(rows: readonly Row[], pick: (r: Row) => F | null | undefined): {row: Row; figure: F}[] {
  return rows
    .map((row) => ({row, figure: pick(row)}))
    .filter((x): x is {row: Row; figure: F} => !!x.figure && Number.isFinite(x.figure.value) && x.figure.value > 0)
    .sort((a, b) => b.figure.value - a.figure.value);
}

/**
 * Returns /comparison's call from the comparison rows, the market totals and the cash NPV table; null without a
 * comparison.
 *
 * @example comparisonCall(analysis)?.takeaways[0] // "Oracle → OpenAI (Stargate) is the largest commitment in the data, …"
 */
export function comparisonCall(analysis: Pick<Analysis, "comparison" | "market" | "npvTable">): ComparisonCall | null {
  const rows = analysis.comparison;
  if (!rows?.length) return null;
  const live = rows.filter((r) => !r.supersededOn);
  const all = analysis.market?.all;
  // A file that holds only the largest deals (a page's or the market briefing's, above a dozen): the rankings below
  // rank those and say so; the counts and totals come from the market, which counts every deal.
  const market = analysis.market && rows.length < analysis.market.deals ? analysis.market : null;
  const among = market ? ` among the ${rows.length} largest of the ${market.deals}` : "";
  const committed = all?.commitmentUsd;
  const invested = all?.investmentFirmUsd;
  const capacity = all?.gw;
  const call =
    committed && invested && committed.value > 0 && committed.value > invested.value
      ? `The money at stake in these deals is the labs' spending, not the suppliers' equity: the ${committed.count} dollar commitment${committed.count === 1 ? "" : "s"} in the data add up to ${money(committed)}, ${invested.value > 0 ? `${withBound(times(committed.value / invested.value), "about")} the suppliers' firm investment in the labs, ${money(invested)}` : "and the suppliers have invested nothing in the labs, firm"}.`
      : committed && invested && invested.value > 0
        ? `The suppliers' equity in the labs, ${money(invested)} firm, is at least as large as the labs' ${money(committed)} of dollar commitments to them: here the money at stake is the equity.`
        : `${live.length} live deal${live.length === 1 ? "" : "s"} side by side, on the same measures; none states a dollar commitment to weigh against the money invested.`;

  const takeaways: string[] = [];
  const commitments = ranked(live, (r) => r.commitmentUsd);
  if (commitments.length) {
    const [{row: top, figure}, second] = commitments;
    const inv = top.investmentFirmUsd;
    takeaways.push(
      `${top.name} is the largest commitment in the data, ${money(figure)}${committed && commitments.length > 1 ? ` (${pct(figure.value / committed.value)} of the total)` : ""}${inv && inv.value > 0 ? `, against ${money(inv)} invested` : ", with no money invested in the lab"}${second ? `; next is ${second.row.name}, ${money(second.figure)}` : ""}.`
    );
  }
  // Per dollar the provider's group has put in for this deal: a deal whose money all predates it (Microsoft's
  // 2019–23 money in Microsoft → OpenAI) is named apart, not ranked, since that money is not this deal's.
  const ratios = ranked(
    live.filter((r) => !r.ratioMoneyBeforeDeal),
    (r) => r.commitmentToInvestment
  );
  const before = live.filter((r) => r.ratioMoneyBeforeDeal && r.commitmentToInvestment);
  if (ratios.length > 1) {
    const high = ratios[0];
    const low = ratios[ratios.length - 1];
    const apart = before.length
      ? ` ${before.map((r) => r.name).join(", ")} ${before.length === 1 ? "is" : "are"} left out: the provider's money in ${before.length === 1 ? "it" : "them"} was all invested before the deal.`
      : "";
    takeaways.push(
      `Of the ${ratios.length} deals${among} with a dollar commitment and money the provider's group put in for the deal, the lab commits the most per dollar invested in ${high.row.name}, ${perDollar(high.figure)}, and the least in ${low.row.name}, ${perDollar(low.figure)}.${apart}`
    );
  }
  const ceilings = ranked(live, (r) => r.gw);
  if (ceilings.length) {
    const {row, figure} = ceilings[0];
    takeaways.push(
      `The largest capacity ceiling is ${row.name}'s, ${withBound(gw(figure.value), figure.bound, figure.value)}${row.status === "loi" ? " (a letter of intent, not a contract)" : ""}${capacity && ceilings.length > 1 ? `, of ${withBound(gw(capacity.value), capacity.bound, capacity.value)} across the ${capacity.count} live deals that state one` : ""}.`
    );
  }
  const npv = analysis.npvTable;
  const best = npv?.rows.find((r) => r.live && r.npvUsd !== null);
  if (npv && best && npv.priced > 0 && best.discountRate !== null) {
    const rate = pct(best.discountRate);
    const positive = npv.priced - npv.negative;
    takeaways.push(
      positive === 0
        ? `None of the ${npv.priced} deals that can be priced earns back its cost of capital in cash at ${rate}: the best, ${best.name}, is worth ${withBound(usd(best.npvUsd!), "about")} to its provider.`
        : `${positive} of the ${npv.priced} deals that can be priced earn${positive === 1 ? "s" : ""} back ${positive === 1 ? "its" : "their"} cost of capital in cash at ${rate}; the best, ${best.name}, is worth ${withBound(usd(best.npvUsd!), "about")} to its provider.`
    );
  }

  const superseded = market ? market.deals - market.live : rows.length - live.length;
  const keyFigures = [
    {label: "Deals compared", value: `${market ? market.live : live.length} live${superseded ? `, ${superseded} superseded` : ""}`},
    committed
      ? {label: "Dollar commitments, total", value: `${money(committed)} (${committed.count} deal${committed.count === 1 ? "" : "s"})`}
      : null,
    invested ? {label: "Invested in the labs, firm, total", value: money(invested)} : null,
    capacity ? {label: "Capacity ceilings, total", value: withBound(gw(capacity.value), capacity.bound, capacity.value)} : null
  ].filter((f): f is {label: string; value: string} => f !== null);
  return {call, takeaways, keyFigures};
}

/** Returns the call block (the same markup as a briefing's, briefing/call.ts), built as text. */
export function ComparisonCallBlock(call: ComparisonCall | null): HTMLElement | null {
  if (!call) return null;
  return el(
    "section",
    {class: "call", "aria-label": "The call"},
    el("div", {class: "call-sentence"}, el("p", {}, call.call)),
    el(
      "dl",
      {class: "key-figures", "aria-label": "Key figures"},
      call.keyFigures.map((f) => el("div", {class: "key-figure"}, el("dt", {}, f.label), el("dd", {}, f.value)))
    ),
    call.takeaways.length
      ? el(
          "div",
          {class: "call-takeaways"},
          el(
            "ul",
            {},
            call.takeaways.map((t) => el("li", {}, t))
          )
        )
      : null
  );
}
