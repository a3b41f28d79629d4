import { describe, expect, it } from "vitest"
import { cellsWithTotal, ordinarySchools, pupil, school, signFor, SPEC } from "./fixtures.ts"

describe("S3 on hand-made schools (no honest spread between the reference schools)", () => {
  // Ordinary pupils reach the hard tasks 7 (П) and 8 (В) only from a total of 9; these pupils solve them at 4–6.
  const helped = school("300010", [
    ...[4, 5, 6, 4, 5, 6, 4, 5, 6, 5].map((t) => pupil("300010", [...cellsWithTotal(t - 4).slice(0, 6), 2, 2])),
    ...[9, 10, 11, 12, 10, 11, 9, 10, 11, 12].map((t) => pupil("300010", cellsWithTotal(t))),
  ])
  const input = { spec: SPEC, schools: [...ordinarySchools(20), helped] }

  it("fires strongly, comparing each pupil with pupils of the same score elsewhere", () => {
    const s3 = signFor("S3", input, "300010")
    expect(s3).toMatchObject({ status: "fired", strength: "strong", reason: "hard_tasks_above_easy" })
    expect(s3.evidence.focusTasks).toBe("7, 8")
    expect(s3.evidence.delta as number).toBeGreaterThan(0.3)
    expect(s3.evidence.contrast as number).toBeGreaterThan(0.5) // only the weaker half was helped
  })

  it("does not fire on an ordinary school, nor on a strong one whose pupils follow the usual curve", () => {
    const strong = school("300011", [9, 10, 11, 12, 12, 11, 10, 12, 11, 12, 10, 11].map((t) => pupil("300011", cellsWithTotal(t))))
    const more = { spec: SPEC, schools: [...input.schools, strong] }
    expect(signFor("S3", more, "900006").status).toBe("not_fired")
    expect(signFor("S3", more, "300011").status).toBe("not_fired")
  })
})
