import type {Chip, Company} from "../model.js";

/**
 * Returns the id of the company at the top of `id`'s ownership chain (`companies[].parent`): "aws" → "amazon"; a
 * company without a parent is its own top. Throws `invalid company: <id>` for an id not in `companies`, and
 * `invalid parent: <id>` when the chain loops.
 *
 * @example parentCompany([{id: "amazon", name: "Amazon"}, {id: "aws", name: "AWS", parent: "amazon"}], "aws") // "amazon"
 */
export function parentCompany(companies: readonly Company[], id: string): string {
  const byId = companiesById(companies);
  let company = byId.get(id);
  if (!company) throw new Error(`invalid company: ${id}`);
  const seen = new Set<string>();
  while (company.parent !== undefined) {
    if (seen.has(company.id)) throw new Error(`invalid parent: ${company.id}`);
    seen.add(company.id);
    const parent = byId.get(company.parent);
    if (!parent) throw new Error(`invalid company: ${company.parent}`);
    company = parent;
  }
  return company.id;
}

/**
 * Returns `companies` by id, built once per list (the last of an id wins, as `new Map` gave): parentCompany built it at
 * every call, once per party of every deal in compareDeals, the market map and each projection, which grew with the
 * square of the number of deals (compareDeals took 2.3 s at 1,000 deals). A dataset's lists are not changed once read.
 */
function companiesById(companies: readonly Company[]): ReadonlyMap<string, Company> {
  let byId = indexes.get(companies);
  if (!byId) {
    byId = new Map(companies.map((c) => [c.id, c]));
    indexes.set(companies, byId);
  }
  return byId;
}
const indexes = new WeakMap<readonly Company[], ReadonlyMap<string, Company>>();

/**
 * Returns the top company (see {@link parentCompany}) that makes a chip, or null when the chip is unknown or its
 * vendor matches no company. A vendor matches a company whose name or id equals the vendor's text before any
 * parenthesis, ignoring case: "AWS (Annapurna Labs)" is AWS, hence Amazon; "Nvidia" is Nvidia.
 *
 * @example chipVendorCompany({companies, chips}, "trainium2") // "amazon"
 */
export function chipVendorCompany(
  {companies, chips}: {companies: readonly Company[]; chips: readonly Pick<Chip, "id" | "vendor">[]},
  chipId: string
): string | null {
  const chip = chips.find((c) => c.id === chipId);
  if (!chip) return null;
  const vendor = chip.vendor.split("(")[0].trim().toLowerCase();
  const company = companies.find((c) => c.name.toLowerCase() === vendor || c.id.toLowerCase() === vendor);
  return company ? parentCompany(companies, company.id) : null;
}

/**
 * Returns the years of the facility leases of the provider `id`, or of the company that owns it, when it is recorded
 * as leasing the data centres it serves from (`companies[].facilityLeaseYears`, a sourced fact: Oracle's and
 * CoreWeave's filings); null when it owns them or the id is unknown.
 *
 * @example facilityLeaseYears([{id: "oracle", name: "Oracle", facilityLeaseYears: {value: 15, …}}], "oracle") // 15
 */
export function facilityLeaseYears(companies: readonly Company[], id: string): number | null {
  const byId = new Map(companies.map((c) => [c.id, c]));
  const seen = new Set<string>();
  for (let company = byId.get(id); company && !seen.has(company.id); company = company.parent ? byId.get(company.parent) : undefined) {
    seen.add(company.id);
    if (company.facilityLeaseYears) return company.facilityLeaseYears.value;
  }
  return null;
}
