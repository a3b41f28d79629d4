import { describe, expect, it } from "vitest"
import { createTranslator } from "../../../../src/i18n.ts"
import { analyseProcedure } from "../../../../src/services/analysis/analyse.ts"
import { groupStats, schoolReportModel, type ReportContext } from "../../../../src/services/analysis/report-model.ts"
import { ordinarySchools, schoolOfTotals, SPEC } from "./signs/fixtures.ts"

const t = createTranslator("ru")

describe("school report models of one context", () => {
  it("share the reference group's figures, equal to those of every participant (computed once for a region's workbook)", () => {
    const results = { spec: SPEC, schools: [...ordinarySchools(6), schoolOfTotals("600001", 30, [10, 11, 12])] }
    const context: ReportContext = { analysis: analyseProcedure(results), results, schoolNames: new Map(), groupName: "Все школы" }
    const [a, b] = results.schools.slice(0, 2).map((school) => schoolReportModel(t, context, school.schoolKey, { withRisk: true })!)
    const everyone = results.schools.flatMap((school) => school.participants)
    expect(a!.groups[0]).toEqual(groupStats("Все школы", "reference", everyone, SPEC))
    expect(b!.groups[0]).toBe(a!.groups[0])
    expect(a!.groups[1]!.role).toBe("school")
    expect(a!.groups[1]!.present).not.toBe(a!.groups[0]!.present)
  })
})
