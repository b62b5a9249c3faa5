import {it} from "vitest";
import {chipFillOrder, deliveryStart, monthLabel} from "../../src/core/index.js";
import {readValidDataset} from "../../src/io/readDataset.js";
it("print", async () => {
  const dataset = await readValidDataset("data");
  for (const d of dataset.deals) {
    if (!d.capacity?.chips.length) { console.log(d.id, ":: no chips"); continue; }
    const order = chipFillOrder(dataset.chips, d.capacity.chips);
    const s = deliveryStart(d, dataset.chips);
    console.log(d.id, "::", s.date, s.reason, order.map((o) => `${o.id}@${monthLabel(o.from)}`).join(" "));
  }
});
