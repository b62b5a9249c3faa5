/**
 * The one Monte Carlo draw count of every published band: the CLI's `deals project`, the site, the PDF briefings
 * and the capacity bands all use it, so the same figure has the same P10–P90 wherever it appears (same seed,
 * same stream, same draws). 10,000 draws put the sampling error of a P10 or P90 at about 0.3 percentile points
 * (√(0.1 × 0.9 ÷ 10,000) = 0.003). Only the reader's own slider values are redrawn in the browser, with fewer draws,
 * and are labelled as theirs.
 */
export const MONTE_CARLO_DRAWS = 10_000;

/** The seed of every published band. */
export const MONTE_CARLO_SEED = "compute-deals";
