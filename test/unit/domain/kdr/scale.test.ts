import { describe, expect, it } from "vitest"
import { histogram, isValidScale, marksUnder, parseShares, scaleFromReference, scaleFromShares } from "../../../../src/domain/kdr/scale.ts"

/** 100 pupils, 0…20 points, a hump around 11. */
const totals = Array.from({ length: 100 }, (_, index) => Math.round(11 + 8 * Math.sin((index * 7) % 100) * ((index % 10) / 10)))

describe("КДР scale proposals", () => {
  it("matches the wanted shares as closely as the ties allow", () => {
    const wanted = { 2: 0.1, 3: 0.35, 4: 0.4, 5: 0.15 }
    const scale = scaleFromShares(totals, 20, wanted)
    expect(isValidScale(scale, 20)).toBe(true)
    const marks = marksUnder(totals, scale)
    // Every cumulative share is within the largest single score bin of its target.
    const widest = Math.max(...histogram(totals, 20)) / totals.length
    expect(Math.abs(marks.shares[2] - 0.1)).toBeLessThanOrEqual(widest)
    expect(Math.abs(marks.shares[2] + marks.shares[3] - 0.45)).toBeLessThanOrEqual(widest)
    expect(Math.abs(1 - marks.shares[5] - 0.85)).toBeLessThanOrEqual(widest)
    expect(marks.counts[2] + marks.counts[3] + marks.counts[4] + marks.counts[5]).toBe(100)
  })

  it("keeps every mark reachable even for a degenerate distribution", () => {
    const scale = scaleFromShares(new Array(50).fill(20), 20, { 2: 0.25, 3: 0.25, 4: 0.25, 5: 0.25 })
    expect(isValidScale(scale, 20)).toBe(true)
    expect(scaleFromShares([1, 2, 3], 3, { 2: 0.25, 3: 0.25, 4: 0.25, 5: 0.25 })).toEqual({ "3": 1, "4": 2, "5": 3 })
  })

  it("carries a ВПР scale over in proportion to the maximum, never easier", () => {
    // ВПР 2026 Русский язык 4: 10/16/21 of 24 → of 30: 12.5→13, 20, 26.25→27.
    expect(scaleFromReference({ "3": 10, "4": 16, "5": 21 }, 24, 30)).toEqual({ "3": 13, "4": 20, "5": 27 })
    expect(scaleFromReference({ "3": 10, "4": 16, "5": 21 }, 24, 24)).toEqual({ "3": 10, "4": 16, "5": 21 })
    expect(isValidScale(scaleFromReference({ "3": 1, "4": 2, "5": 3 }, 3, 5), 5)).toBe(true)
  })

  it("reads the shares a coordinator writes", () => {
    expect(parseShares("10 35 40 15")).toEqual({ 2: 0.1, 3: 0.35, 4: 0.4, 5: 0.15 })
    expect(parseShares("1, 1, 1, 1")).toEqual({ 2: 0.25, 3: 0.25, 4: 0.25, 5: 0.25 })
    expect(parseShares("10 35 40")).toBeNull()
    expect(parseShares("a b c d")).toBeNull()
  })
})
