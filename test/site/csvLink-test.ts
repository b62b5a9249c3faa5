// toCsv (docs/components/downloads.ts): the "Data (CSV)" file under a chart or table.
import {assert, it} from "vitest";
import {toCsv} from "../../docs/components/downloads.js";

it("toCsv(rows, columns, version) writes a header with the units given, one line per row and the data version", () => {
  const rows = [
    {name: "Amazon → Anthropic", gw: 5, usd: 1e11},
    {name: "Deal, with comma", gw: null, usd: 2.5e10}
  ];
  const csv = toCsv(
    rows,
    [
      {header: "Deal", value: (d) => d.name},
      {header: "Capacity (gw)", value: (d) => d.gw},
      {header: "Commitment (usd)", value: (d) => d.usd}
    ],
    "abc"
  );
  assert.strictEqual(
    csv,
    'Deal,Capacity (gw),Commitment (usd),dataVersion\nAmazon → Anthropic,5,100000000000,abc\n"Deal, with comma",,25000000000,abc\n'
  );
});

it("toCsv(rows, columns, version) quotes quotes and line breaks and leaves non-finite numbers empty", () => {
  const csv = toCsv(
    [{t: 'say "hi"\nthere', x: Number.NaN}],
    [
      {header: "t", value: (d) => d.t},
      {header: "x", value: (d) => d.x}
    ],
    "v"
  );
  assert.strictEqual(csv, 't,x,dataVersion\n"say ""hi""\nthere",,v\n');
});
