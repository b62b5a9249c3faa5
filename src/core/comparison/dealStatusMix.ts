import {countFactsByStatus} from "../facts.js";
import type {Deal, Status} from "../model.js";

/**
 * Returns how many sourced figures (numeric, yes/no, text and date facts, and chip options) one deal holds
 * for each status, counted as {@link countFactsByStatus} counts a dataset.
 *
 * @example dealStatusMix(amazonAnthropic) // {confirmed: 17, reported: 6, estimate: 0, assumption: 0} (data as of 2026-06-30)
 */
export function dealStatusMix(deal: Deal): Record<Status, number> {
  return countFactsByStatus({
    asOf: deal.asOf,
    companies: [],
    deals: [deal],
    chips: [],
    assumptions: [],
    scenarios: [],
    signals: [],
    yardsticks: [],
    sources: []
  });
}
