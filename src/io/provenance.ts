/**
 * Provenance rules: what kind of source may back what status. A figure's status is a promise to the reader
 * (the site's legend: "confirmed" means the parties said it), so `deals check` holds every status to its source:
 *
 * - `confirmed` needs a filing, or a company source whose `party` is a party to the deal (an investor, the lab
 *   or the provider, or a parent or subsidiary of one). Outside a deal (chips, yardsticks, assumptions) any
 *   organisation's own statement about its own product or measurement will do.
 * - `reported` needs a named outlet's own report (`press`), a company source or a filing.
 * - `secondary` (mirror, reprint, aggregator, forum, blog summary) and `editorial` (this project) back nothing
 *   alone: only estimates and assumptions may rest on them.
 *
 * Pure: takes parsed values, returns located complaints through `report`.
 */
import {type SourceKind, STATUSES, type Status} from "../core/model.js";

/** The source fields the rules read. */
export interface KindedSource {
  id: string;
  kind: SourceKind;
  party?: string;
}

/** Kinds of source that may back each status on their own (company sources in deals also need a party). */
export const BACKS: Readonly<Record<Status, readonly SourceKind[]>> = {
  confirmed: ["filing", "company"],
  reported: ["filing", "company", "press"],
  estimate: ["filing", "company", "press", "secondary", "editorial"],
  assumption: ["filing", "company", "press", "secondary", "editorial"]
};

/**
 * Returns the companies that count as parties: the given ids, their parents and their subsidiaries
 * (AWS speaks for Amazon and Amazon for AWS).
 *
 * @example
 * partyFamily(["aws", "anthropic"], [{id: "aws", parent: "amazon"}, {id: "amazon"}, {id: "anthropic"}]);
 * // Set {"aws", "anthropic", "amazon"}
 */
export function partyFamily(ids: readonly string[], companies: readonly {id: string; parent?: string}[]): Set<string> {
  const family = new Set(ids);
  for (const c of companies) if (c.parent && family.has(c.parent)) family.add(c.id);
  for (const c of companies) if (family.has(c.id) && c.parent) family.add(c.parent);
  return family;
}

/**
 * Returns why `source` cannot back a figure of `status`, or undefined when it can. `parties` is the deal's
 * party family, or undefined outside a deal.
 *
 * @example
 * provenanceProblem("confirmed", {id: "axios", kind: "press"}, new Set(["amazon"]));
 * // 'is confirmed but source "axios" is press (a named outlet's report): …'
 */
export function provenanceProblem(status: Status, source: KindedSource, parties: ReadonlySet<string> | undefined): string | undefined {
  const {kind} = source;
  if (!BACKS[status].includes(kind)) {
    const what =
      kind === "secondary"
        ? "secondary (a mirror, reprint, aggregator, forum or blog summary), which backs only estimates and assumptions"
        : kind === "editorial"
          ? "editorial (this project's own judgement), which backs only estimates and assumptions"
          : "press (a named outlet's report), which backs reported figures, not confirmed ones";
    const need =
      status === "confirmed"
        ? "a filing or a statement by a party to the deal"
        : "a named outlet's own report, a company statement or a filing";
    return `is ${status} but source "${source.id}" is ${what}; ${status} needs ${need}: cite the primary or lower the status`;
  }
  if (status === "confirmed" && kind === "company" && parties && !(source.party && parties.has(source.party))) {
    const who = source.party ? `"${source.party}"` : "no party (set `party:` to the company id when the publisher is one)";
    return `is confirmed but source "${source.id}" is a company statement by ${who}, not by a party to the deal (${[...parties].sort().join(", ")}); cite a party's statement or a filing, or lower the status to reported`;
  }
  return undefined;
}

/**
 * Calls `visit` for every sourced figure inside `value` (an object with a fact `status` and a `source`), with its
 * path. Signal observations (status on-track, watch…) are not figures and are skipped.
 */
export function eachSourcedFigure(
  value: unknown,
  visit: (figure: {status: Status; source: string}, path: PropertyKey[]) => void,
  path: PropertyKey[] = []
): void {
  if (value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      eachSourcedFigure(item, visit, [...path, i]);
    });
    return;
  }
  const node = value as {status?: unknown; source?: unknown};
  if (typeof node.source === "string" && STATUSES.includes(node.status as Status)) visit(node as {status: Status; source: string}, path);
  for (const [key, child] of Object.entries(value)) eachSourcedFigure(child, visit, [...path, key]);
}
