/**
 * A selective re-check (выборочная перепроверка), as a region orders it for schools whose results need a closer
 * look: an expert scores a random sample of the school's works again. The expert sees the works as written
 * (GeneratedRegion.written) and, like any second checker, differs now and then by a point on criteria tasks.
 */
import type { ProcedureSpec } from "../../../src/domain/results.ts"
import type { RecheckedWork } from "../../../src/services/analysis/signs/common/types.ts"
import type { GeneratedRegion } from "./region.ts"
import type { Rng } from "./prng.ts"

export const RECHECK = {
  /** Works re-checked per school (all of them in smaller schools). */
  works: 10,
  /**
   * Chance that the expert's score of a criteria task (max ≥ 2) differs by one point, either way. An assumption:
   * no published agreement figure for ВПР was found; OGE/EGE experts agree on most criteria.
   */
  disagreement: 0.1,
} as const

function points(cells: readonly number[]): number {
  return cells.reduce((sum, cell) => sum + (cell > 0 ? cell : 0), 0)
}

/**
 * The expert re-scores chosen works: `tasks` of each (the others keep the submitted points), as the works were written,
 * differing now and then by a point on criteria tasks.
 */
export function recheckWorks(region: GeneratedRegion, schoolKey: string, works: readonly { code: string; tasks: readonly number[] }[], rng: Rng): RecheckedWork[] {
  const spec: ProcedureSpec = region.results.spec
  const school = region.results.schools.find((s) => s.schoolKey === schoolKey)
  const written = region.written.get(schoolKey)
  if (!school || !written) return []
  return works.flatMap(({ code, tasks }) => {
    const index = school.participants.findIndex((p) => p.code === code)
    const participant = school.participants[index]
    if (!participant || participant.absent || participant.total === null) return []
    const chosen = new Set(tasks)
    const rescored = participant.cells.map((submitted, k) => {
      if (!chosen.has(k)) return Math.max(submitted, 0)
      const max = spec.tasks[k]?.max ?? 0
      const score = Math.max(written[index]?.[k] ?? 0, 0)
      if (max < 2 || !rng.chance(RECHECK.disagreement)) return score
      return Math.min(max, Math.max(0, score + (rng.chance(0.5) ? 1 : -1)))
    })
    return [{ originalScore: participant.total, recheckedScore: points(rescored) }]
  })
}

export function recheckSchool(region: GeneratedRegion, schoolKey: string, rng: Rng): RecheckedWork[] {
  const spec: ProcedureSpec = region.results.spec
  const school = region.results.schools.find((s) => s.schoolKey === schoolKey)
  const written = region.written.get(schoolKey)
  if (!school || !written) return []
  const present = school.participants.flatMap((p, i) => (p.absent || p.total === null ? [] : [{ submitted: p.total, cells: written[i] ?? [] }]))
  return rng
    .shuffle(present)
    .slice(0, RECHECK.works)
    .map(({ submitted, cells }) => {
      const rescored = cells.map((cell, k) => {
        const max = spec.tasks[k]?.max ?? 0
        const score = Math.max(cell, 0)
        if (max < 2 || !rng.chance(RECHECK.disagreement)) return score
        return Math.min(max, Math.max(0, score + (rng.chance(0.5) ? 1 : -1)))
      })
      return { originalScore: submitted, recheckedScore: points(rescored) }
    })
}
