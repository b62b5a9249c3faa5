/**
 * The new-deal template (`deals new <id>`) and the check that refuses its placeholders: every value still reading
 * "FILL IN: …" is a located problem, so a half-filled deal never builds.
 */
import type {Problem} from "./problem.js";
import {fieldName} from "./problem.js";
import type {YamlText} from "./yamlText.js";

/** Every placeholder value starts with this. */
export const PLACEHOLDER = "FILL IN";

/** Returns one problem per placeholder value left in a parsed file, located where it was written. */
export function placeholderProblems(yaml: YamlText): Problem[] {
  const problems: Problem[] = [];
  const walk = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === "string" && value.startsWith(PLACEHOLDER)) {
      const hint = value.slice(PLACEHOLDER.length).replace(/^[:\s]+/, "");
      problems.push({
        file: yaml.file,
        ...yaml.locate(path),
        field: fieldName(path),
        message: `is still a placeholder from deals new: ${hint || "fill it in"}`
      });
    } else if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) walk(item, [...path, i]);
    } else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(yaml.value, []);
  return problems;
}

/** Returns the text of a new deal file for `id`: every required field, a placeholder where a value is needed, and a comment on each. */
export function dealTemplate(id: string): string {
  const fill = (hint: string) => JSON.stringify(`${PLACEHOLDER}: ${hint}`);
  const fact = (hint: string, unit: string) =>
    `{value: ${fill(`${hint}, a plain number`)}, unit: ${unit}, status: ${fill("confirmed, reported, estimate or assumption")}, source: ${fill("a source id listed under sources")}}`;
  return `# yaml-language-server: $schema=../../schema/deal.schema.json
# A new deal, written by \`deals new ${id}\`. Replace every value that starts with ${PLACEHOLDER}: \`deals check\` lists each one left,
# with its line. Status: confirmed only when a party to the deal or a filing says it; reported when a credible outlet
# does; estimate when computed from sourced figures; assumption otherwise. Bounds keep the source's words:
# add bound: up-to ("up to 5 GW"), at-least ("over $100B") or about to a figure.
id: ${id} # must equal the file name
name: ${fill("Investor → Lab, as the site shows it")}
investors: [${fill("company id of the investor, from companies.yaml")}] # one or more
lab: ${fill("company id of the AI lab, from companies.yaml")}
provider: ${fill("company id of the compute provider, from companies.yaml")}
announced: ${fill("date the deal was announced, YYYY-MM-DD")}
status: ${fill("active, loi, stalled or superseded")}
asOf: ${fill("date these data were last checked, YYYY-MM-DD")}
# Markdown; figures can be named as placeholders (see src/site/placeholders.ts).
summary: ${fill("two or three sentences a reader needs first")}

# Every source a figure below cites, by id.
sources:
  - id: ${fill("kebab-case id, e.g. publisher-2026-04")}
    kind: ${fill("filing, company (add party: <company id> when a party to the deal says it), press (a named outlet's own report) or secondary (a copy: it backs only estimates)")}
    title: ${fill("the page's title")}
    url: ${fill("https address of a page you have read")}
    publisher: ${fill("outlet or company")}
    date: ${fill("publication date, YYYY-MM-DD")}

# Money from the investor to the lab, one item per tranche ([] when none is public).
tranches:
  - id: ${fill("kebab-case id, e.g. initial")}
    label: ${fill("what the tranche is, in words")}
    date: ${fill("YYYY-MM-DD")}
    investor: ${fill("company id of the investor")}
    amount: ${fact("amount", "usd-bn")}
    firm: true # false for money that depends on a condition (then add condition: …)

# The lab's promise to spend on the provider's compute ([] when there is none).
commitments:
  - id: ${fill("kebab-case id")}
    label: ${fill("what is committed, in words")}
    amount: ${fact("total over the term", "usd-bn")}
    years: ${fact("term", "years")}
    start: ${fill("first year of spending, YYYY-MM-DD")}
    platform: ${fill("where the money is spent, e.g. AWS Trainium")}

hardware:
  chips: [] # chip ids from chips.yaml named in the deal

governance:
  boardSeat: {value: false, status: ${fill("confirmed, reported, estimate or assumption")}, source: ${fill("a source id")}} # true when the investor gets a seat

# One sentence each, in the site's words.
profile:
  capacityLanguage: ${fill("how the deal states capacity")}
  hardwareAngle: ${fill("which chips, and why it matters")}
  governancePosture: ${fill("stake, seat, voting")}
  strategicIntent: ${fill("what each side gets")}
`;
}
