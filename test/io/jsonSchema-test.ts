import {readdirSync, readFileSync} from "node:fs";
import {assert, it} from "vitest";
import {jsonSchemas, schemaComment} from "../../src/io/jsonSchema.js";

it("the committed schema/*.schema.json equal the ones generated from src/io/schema.ts (run npx deals schema)", () => {
  for (const [path, text] of jsonSchemas()) assert.strictEqual(readFileSync(path, "utf-8"), text, path);
  assert.deepStrictEqual(readdirSync("schema").sort(), [...jsonSchemas().keys()].map((p) => p.slice("schema/".length)).sort());
});

it("jsonSchemas() gives a draft-7 schema that names the deal file's required fields and refuses unknown keys", () => {
  const deal = JSON.parse(jsonSchemas().get("schema/deal.schema.json")!);
  assert.strictEqual(deal.$schema, "http://json-schema.org/draft-07/schema#");
  assert.includeMembers(deal.required, ["id", "name", "investors", "lab", "provider", "tranches", "commitments", "hardware", "profile"]);
  assert.strictEqual(deal.additionalProperties, false);
  assert.deepStrictEqual(deal.properties.status.enum, ["active", "loi", "stalled", "superseded"]);
});

it("every data file starts with the line that points an editor at its schema", () => {
  const files = readdirSync("data", {recursive: true, encoding: "utf-8"}).filter((f) => f.endsWith(".yaml"));
  assert(files.length > 6);
  for (const f of files) {
    const first = readFileSync(`data/${f}`, "utf-8").split("\n")[0];
    assert.strictEqual(first, schemaComment(f), f);
  }
  assert.strictEqual(schemaComment("deals/x.yaml"), "# yaml-language-server: $schema=../../schema/deal.schema.json");
  assert.strictEqual(schemaComment("chips.yaml"), "# yaml-language-server: $schema=../schema/chips.schema.json");
});
