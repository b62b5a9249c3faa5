import {assert, it} from "vitest";
import {dodgeLabels} from "../../docs/components/charts/marketMapChart.js";
import {assertInDelta} from "../asserts.js";

it("dodgeLabels: two overlapping labels move apart about their mean, a gap between them (hand-checked)", () => {
  // Heights 30, gap 4: the block is 64 tall; centres at its top + 15 and top + 49, top = mean(0 − 15, 10 − 49) = −27.
  const [a, b] = dodgeLabels([0, 10], [30, 30], -100, 100);
  assertInDelta(a, -12, 1e-9);
  assertInDelta(b, 22, 1e-9);
});

it("dodgeLabels: labels far apart stay on their node; a stack never overlaps and stays inside the bounds", () => {
  assert.deepStrictEqual(dodgeLabels([-80, 0, 80], [20, 20, 20], -100, 100), [-80, 0, 80]);
  const wanted = [90, 92, 94, 95, 96, -50];
  const heights = [20, 30, 20, 40, 20, 20];
  const ys = dodgeLabels(wanted, heights, -100, 100, 4);
  const boxes = ys.map((y, i) => ({top: y - heights[i] / 2, bottom: y + heights[i] / 2})).sort((p, q) => p.top - q.top);
  for (let i = 1; i < boxes.length; ++i) assert.isAtLeast(boxes[i].top - boxes[i - 1].bottom, 4 - 1e-9);
  assert.isAtLeast(boxes[0].top, -100);
  assert.isAtMost(boxes.at(-1)!.bottom, 100);
  // The order of the nodes is kept.
  const order = (xs: number[]) => xs.map((_, i) => i).sort((p, q) => xs[p] - xs[q]);
  assert.deepStrictEqual(order(ys), order(wanted));
});
