/**
 * The figure vocabulary lives in the core (src/core/format, one module for the CLI, the pages, the briefings and
 * every generated sentence); pages and components reach it through the core bundle. This file only re-exports it.
 */
export type {Bound, FigureLike, Precision, Status} from "../lib/core.js";
export {
  bounded,
  boundPrecision,
  boundWord,
  capacityLabel,
  capacityPhrase,
  count,
  date,
  derivedText,
  figureText,
  figureWords,
  firmWord,
  flops,
  gw,
  inputText,
  modelUsd,
  moneyTermText,
  monthYear,
  mw,
  NO_PAYBACK,
  notProjectedText,
  numberText as sig,
  paybackYearText,
  pct,
  plusMinus,
  ratioNumber,
  theFigure,
  times,
  twh,
  unitName,
  unitText,
  usd,
  withBound
} from "../lib/core.js";
