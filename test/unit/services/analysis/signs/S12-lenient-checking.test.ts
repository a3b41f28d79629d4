import { describe, expect, it } from "vitest"
import type { ProcedureSpec } from "../../../../../src/domain/results.ts"
import { cellsWithTotal, pupil, school, signFor, SPEC } from "./fixtures.ts"

describe("S3 and S12 abstentions", () => {
  it("S12 abstains when no task is scored by criteria", () => {
    const flat: ProcedureSpec = { ...SPEC, tasks: SPEC.tasks.map((t) => ({ ...t, max: 1 })), maxTotal: 8, scale: { "3": 3, "4": 5, "5": 7 } }
    const schools = Array.from({ length: 12 }, (_, s) =>
      school(`4000${s}`, Array.from({ length: 10 }, (_, i) => pupil(`4000${s}`, cellsWithTotal((i + s) % 9, flat), { spec: flat }))),
    )
    const s12 = signFor("S12", { spec: flat, schools }, "40003")
    expect(s12).toMatchObject({ status: "abstained", reason: "no_task_split" })
  })
})
