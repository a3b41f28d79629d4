import { describe, expect, it } from "vitest"
import { createTranslator } from "../../../../src/i18n.ts"
import { scoreDistributionChart, taskCompletionChart } from "../../../../src/services/reports/chart-models.ts"
import { importResults } from "../../../../src/services/results/import.ts"
import { availableDatabases } from "../../../support/db.ts"
import { importRequest } from "../../../support/import-request.ts"
import { generateRegion, MATH_4_2021 } from "../../../support/generator/index.ts"
import { adminSuite } from "../../../support/services.ts"

const t = createTranslator("ru")
const KEY = { kind: MATH_4_2021.kind, year: MATH_4_2021.year, subject: MATH_4_2021.subject, grade: MATH_4_2021.grade }

/**
 * Issue 11, honest comparisons: with fewer other schools than `minComparisonSchools` (5 by default) the chat says there
 * is no comparison yet — and the charts and the workbook must not draw one either (with her school alone loaded, the
 * teacher's charts showed her own bars a second time as «Все школы, загрузившие работу»).
 */
describe.each(availableDatabases())("a school's view on %s", (kind) => {
  const suite = adminSuite(kind)

  async function viewWith(schools: number) {
    const region = generateRegion({ seed: 11, spec: MATH_4_2021, schools, manipulatedShare: 0 })
    const participants = region.results.schools.flatMap((school) => school.participants)
    const outcome = await importResults(suite.deps, suite.admin, importRequest(MATH_4_2021, participants, region.results.schools.map((school) => school.schoolKey)))
    expect(outcome.ok).toBe(true)
    const school = await suite.db.prisma.school.findFirstOrThrow({ where: { key: region.results.schools[0]!.schoolKey } })
    const view = await suite.services.analysis.school(suite.admin, KEY, school.id, t)
    if (!view.ok) throw new Error(`no view: ${JSON.stringify(view)}`)
    return view
  }

  it("leaves the group out of the charts and the workbook while it is too small", async () => {
    const few = await viewWith(3)
    expect(few.text).toContain("Сравнения с другими школами пока нет")
    expect(few.report.groups.some((group) => group.role === "reference")).toBe(false)
    expect(scoreDistributionChart(few.report, t)!.series).toHaveLength(1)
    expect(taskCompletionChart(few.report, t)!.reference ?? null).toBeNull()
    expect(few.report.groupName).toBe("пока нет — для сравнения нужно не меньше 5 других школ, загружено 2")
  })

  it("keeps the group with enough other schools", async () => {
    const enough = await viewWith(8)
    expect(enough.text).not.toContain("Сравнения с другими школами пока нет")
    expect(enough.report.groups.some((group) => group.role === "reference")).toBe(true)
    expect(scoreDistributionChart(enough.report, t)!.series).toHaveLength(2)
    expect(taskCompletionChart(enough.report, t)!.reference).toBeTruthy()
  })
})
