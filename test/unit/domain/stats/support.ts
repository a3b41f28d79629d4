import { expect } from "vitest"

/** |actual − expected| ≤ rel · |expected| (or ≤ rel when expected is 0). */
export function expectRelClose(actual: number, expected: number, rel = 1e-12): void {
  const tolerance = expected === 0 ? rel : rel * Math.abs(expected)
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance)
}
