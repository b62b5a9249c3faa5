import {assert} from "vitest";

export function assertInDelta(actual: number | number[], expected: number | number[], delta = 1e-6): void {
  assert(inDelta(actual, expected, delta), `${actual} should be within ${delta} of ${expected}`);
}

function inDelta(actual: number | number[], expected: number | number[], delta: number): boolean {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return false;
    for (let i = 0; i < expected.length; ++i) if (!inDelta(actual[i], expected[i], delta)) return false;
    return true;
  }
  return typeof actual === "number" && Math.abs(actual - expected) <= delta;
}

/** Returns the error `fn` throws, asserting it is a `type`; fails when `fn` throws nothing. */
export function thrownBy<E extends Error>(fn: () => unknown, type: new (...args: never[]) => E): E {
  try {
    fn();
  } catch (error) {
    assert(error instanceof type, `expected a ${type.name}, got ${String(error)}`);
    return error as E;
  }
  assert.fail(`expected a ${type.name}`);
}
