import { beforeEach, describe, expect, it } from "vitest"
import { analyseStored } from "../../../../src/services/analysis/stored-runs.ts"
import { DEFAULT_SETTINGS } from "../../../../src/services/analysis/settings.ts"
import { importResults } from "../../../../src/services/results/import.ts"
import { availableDatabases } from "../../../support/db.ts"
import { generateRegion, MATH_4_2021, MATH_5_2021 } from "../../../support/generator/index.ts"
import { adminSuite } from "../../../support/services.ts"

const region = generateRegion({ seed: 5, spec: MATH_4_2021, schools: 10, manipulatedShare: 0.3 })

describe.each(availableDatabases())("stored analysis runs on %s", (kind) => {
  const suite = adminSuite(kind)
  beforeEach(async () => {
    const outcome = await importResults(suite.deps, suite.admin, {
      file: { bytes: Buffer.from("region"), fileName: "Математика.xlsx" },
      layout: "C",
      spec: MATH_4_2021,
      schools: region.results.schools.map((school) => ({ key: school.schoolKey, login: `edu${school.schoolKey}` })),
      participants: region.results.schools.flatMap((school) => school.participants),
      warningsConfirmed: 0,
    })
    expect(outcome.ok).toBe(true)
  })

  it("reuses a stored run while results and settings are unchanged, and it reads back as computed", async () => {
    const computed = await analyseStored(suite.deps, MATH_4_2021)
    expect(computed).toMatchObject({ computed: true })
    const reused = await analyseStored(suite.deps, MATH_4_2021)
    expect(reused).toMatchObject({ computed: false, runId: computed!.runId })
    // Stored as JSON: non-finite numbers come back as null.
    expect(reused!.analysis).toEqual(JSON.parse(JSON.stringify(computed!.analysis)))
    expect(reused!.results).toEqual(computed!.results)
    expect(reused!.schoolIds).toEqual(computed!.schoolIds)
    const other = await analyseStored(suite.deps, MATH_4_2021, { settings: { ...DEFAULT_SETTINGS, minParticipants: DEFAULT_SETTINGS.minParticipants + 1 } })
    expect(other).toMatchObject({ computed: true })
  })

  it("recomputes once the same cohort's next year arrives (S7 reads it)", async () => {
    const computed = await analyseStored(suite.deps, MATH_4_2021)
    expect(computed!.analysis.schools[0]?.signs.find((s) => s.id === "S7")?.reason).toBe("no_data")
    const nextYear = generateRegion({ seed: 5, spec: { ...MATH_5_2021, year: 2022 }, schools: 10, manipulatedShare: 0 })
    const outcome = await importResults(suite.deps, suite.admin, {
      file: { bytes: Buffer.from("next year"), fileName: "Математика 5.xlsx" },
      layout: "C",
      spec: { ...MATH_5_2021, year: 2022 },
      schools: nextYear.results.schools.map((school) => ({ key: school.schoolKey, login: `edu${school.schoolKey}` })),
      participants: nextYear.results.schools.flatMap((school) => school.participants),
      warningsConfirmed: 0,
    })
    expect(outcome.ok).toBe(true)
    const again = await analyseStored(suite.deps, MATH_4_2021)
    expect(again).toMatchObject({ computed: true })
    expect(again!.analysis.schools[0]?.signs.find((s) => s.id === "S7")?.reason).not.toBe("no_data")
    expect(await analyseStored(suite.deps, MATH_4_2021)).toMatchObject({ computed: false, runId: again!.runId })
  })

  it("does not reuse a run stored before results were compressed (its jsonb result stays as a record)", async () => {
    const computed = await analyseStored(suite.deps, MATH_4_2021)
    await suite.db.prisma.$executeRawUnsafe(`UPDATE "AnalysisRun" SET result = $1::jsonb, "resultGzip" = NULL`, JSON.stringify(computed!.analysis))
    const again = await analyseStored(suite.deps, MATH_4_2021)
    expect(again).toMatchObject({ computed: true })
    expect(again!.runId).not.toBe(computed!.runId)
    expect(await analyseStored(suite.deps, MATH_4_2021)).toMatchObject({ computed: false, runId: again!.runId })
  })
})
