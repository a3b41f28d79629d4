import { gunzipJson } from "../../db/gzip-json.ts"
import type { ServiceDeps } from "../deps.ts"

/**
 * Which schools are in the risk zone now, read from the stored analysis runs (services/analysis/runs.ts): for every
 * procedure of the latest year analysed, its latest run (the region's or one of these municipalities'), and a school
 * counts when any of them puts it at «зона риска». A run never changes once stored, so its list is kept in memory.
 */

interface StoredSchool {
  schoolKey: string
  risk: { level: "none" | "attention" | "risk" }
}

/** By run id and creation time: ids start again in an emptied test database. */
const riskKeysOfRun = new Map<string, string[]>()

export async function riskSchoolIds(deps: Pick<ServiceDeps, "prisma">, municipalityIds: readonly number[] | null): Promise<Set<number>> {
  const runs = await deps.prisma.$queryRawUnsafe<{ id: number; procedure: string; createdAt: Date }[]>(
    `SELECT DISTINCT ON (procedure) id, procedure, "createdAt" FROM "AnalysisRun"
     WHERE "resultGzip" IS NOT NULL AND ("scopeId" IS NULL OR $1::int[] IS NULL OR "scopeId" = ANY($1::int[]))
     ORDER BY procedure, id DESC`,
    municipalityIds ? [...municipalityIds] : null,
  )
  const yearOf = (procedure: string) => Number(procedure.split("|")[1])
  const latestYear = Math.max(...runs.map((run) => yearOf(run.procedure)).filter(Number.isFinite))
  const current = runs.filter((run) => yearOf(run.procedure) === latestYear)
  const keys = new Set<string>()
  for (const run of current) {
    const cacheKey = `${run.id}|${new Date(run.createdAt).getTime()}`
    let list = riskKeysOfRun.get(cacheKey)
    if (!list) {
      const [row] = await deps.prisma.$queryRawUnsafe<{ result: string }[]>(`SELECT encode("resultGzip", 'base64') AS result FROM "AnalysisRun" WHERE id = $1`, run.id)
      const analysis = gunzipJson<{ schools: StoredSchool[] }>(row!.result)
      list = analysis.schools.filter((school) => school.risk.level === "risk").map((school) => school.schoolKey)
      riskKeysOfRun.set(cacheKey, list)
    }
    for (const key of list) keys.add(key)
  }
  if (keys.size === 0) return new Set()
  const schools = await deps.prisma.school.findMany({
    where: { key: { in: [...keys] }, ...(municipalityIds ? { municipalityId: { in: [...municipalityIds] } } : {}) },
    select: { id: true },
  })
  return new Set(schools.map((school) => school.id))
}
