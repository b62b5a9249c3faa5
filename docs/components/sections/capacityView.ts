/**
 * What the capacity section draws for one deal, in a module of its own so that the section (sections/capacity.ts)
 * and its cards (charts/capacityCards.ts) both import it without importing each other.
 */
import type {CapacityBands, Chip, Deal, DealCapacity, DealCapacityMonths, ScenarioValues} from "../../lib/core.js";

/** Everything the capacity section draws for one deal under one set of values. */
export interface CapacityView {
  deal: Deal;
  chips: Chip[];
  scenario: {id: string; label: string};
  values: ScenarioValues;
  capacity: DealCapacity;
  months: DealCapacityMonths;
  bands: CapacityBands | null;
  /** True when the figures were recomputed for the reader's controls. */
  live: boolean;
}
