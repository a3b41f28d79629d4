import { describe, expect, it } from "vitest"
import { chiSquareSf } from "../../../../../../src/domain/stats/index.ts"
import { type ShapeStatistic } from "../../../../../../src/services/analysis/signs/S3-S12-shape/statistic.ts"
import { shapeVerdict } from "../../../../../../src/services/analysis/signs/S3-S12-shape/verdict.ts"

const split = { focus: [6, 7], comparison: [0, 1], basis: "levels" }
const thresholds = { alpha: 0.01, strongAlpha: 0.001, minDelta: 0.08 }

function outcome(p: number, contrastP: number, delta = 0.2, contrast = 0.3): ShapeStatistic {
  return {
    delta, pupilSe: 0.05, tau: 0.08, t: 2, p, contrastCentre: 0, contrastScale: 1, contrastZ: 2, contrastP, contrast, contrastSe: 0.1,
    pupils: 30, levelSchools: null, levelLow: null, levelHigh: null, split, completion: 0.5,
  } as ShapeStatistic
}

describe("S3 verdict: Δ and the weaker-half contrast as one Fisher combination", () => {
  it("fires on two moderately small p-values that neither test reaches alone", () => {
    const verdict = shapeVerdict("S3", outcome(0.02, 0.02), thresholds, String, "hard_tasks_above_easy", { contrast: true, contrastReason: "hard_tasks_weaker_pupils" })
    const combined = chiSquareSf(-2 * (Math.log(0.02) + Math.log(0.02)), 4)
    // χ² with 4 d.f. has the closed form e^(−x/2)·(1 + x/2): with x = −2·ln(0.02²) that is 0.02²·(1 − ln 0.02²).
    expect(combined).toBeCloseTo(0.0004 * (1 - Math.log(0.0004)), 10)
    expect(combined).toBeCloseTo(0.0035296, 6)
    expect(verdict).toMatchObject({ status: "fired", strength: "moderate", evidence: { p: combined, contrastP: 0.02 } })
  })

  it("is strong on one very small p-value, names the test that carried it, and stays quiet on ordinary ones", () => {
    expect(shapeVerdict("S3", outcome(0.6, 1e-6), thresholds, String, "hard_tasks_above_easy", { contrast: true, contrastReason: "hard_tasks_weaker_pupils" })).toMatchObject({
      status: "fired",
      strength: "strong",
      reason: "hard_tasks_weaker_pupils",
    })
    expect(shapeVerdict("S3", outcome(0.3, 0.4), thresholds, String, "hard_tasks_above_easy", { contrast: true }).status).toBe("not_fired")
    // Significant but tiny effects do not fire.
    expect(shapeVerdict("S3", outcome(1e-5, 1e-5, 0.03, 0.05), thresholds, String, "hard_tasks_above_easy", { contrast: true })).toMatchObject({ status: "not_fired", reason: "difference_small" })
  })
})
