import { describe, expect, it } from "vitest"
import { contrastCalibration, finishShape, type RawShape } from "../../../../../../src/services/analysis/signs/S3-S12-shape/statistic.ts"

const split = { focus: [6, 7], comparison: [0, 1], basis: "levels" }

describe("contrast calibration", () => {
  it("centres the contrast on a line in the school's level, so strong schools are compared with strong ones", () => {
    // Honest schools whose contrast grows with completion (room left for the weaker half near the ceiling), one off the line.
    const raws: RawShape[] = Array.from({ length: 40 }, (_, i) => {
      const completion = 0.3 + (0.6 * i) / 39
      const contrast = 0.05 + 0.2 * completion + (i % 2 === 0 ? 0.01 : -0.01)
      return { completion, delta: 0, pupilSe: 0.05, pupils: 30, contrast, contrastSe: 0.1, levelSchools: null, levelLow: null, levelHigh: null }
    })
    const calibration = contrastCalibration(raws, 20)
    expect(calibration.slope).toBeCloseTo(0.2, 2)
    expect(calibration.intercept).toBeCloseTo(0.05, 2)
    const strongOnLine = finishShape({ ...raws[39]!, contrast: 0.05 + 0.2 * 0.9 }, 0.08, calibration, split)
    expect(Math.abs(strongOnLine.contrastZ ?? 99)).toBeLessThan(0.2)
    const helped = finishShape({ ...raws[0]!, contrast: 0.05 + 0.2 * 0.3 + 0.4 }, 0.08, calibration, split)
    expect(helped.contrastZ ?? 0).toBeGreaterThan(3)
  })
})
