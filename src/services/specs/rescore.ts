/**
 * What a new spec would change in the results already stored (issue 9: shown before a coordinator's spec is saved):
 * each stored row of the procedure, in the spec's scope, read again with the new spec — a mark that comes out
 * differently, a score above a task's new maximum (the row would be an error), or a task count that no longer fits
 * the stored cells (the school's file would have to be read again).
 */
import { markForScore, pointsOf, type ProcedureKey, type ProcedureSpec } from "../../domain/results.ts"
import type { ServiceDeps } from "../deps.ts"
import { readParticipants } from "../participants/read.ts"

export interface SchoolChange {
  login: string
  name: string | null
  /** Rows of present participants read again. */
  rows: number
  /** Rows whose mark would differ. */
  marks: number
  /** Rows with a score above the new maximum of its task. */
  overMax: number
  /** The stored rows have another number of tasks than the new spec: none of them can be read with it. */
  misfit: boolean
}

export interface SpecChanges {
  /** Stored rows read again, in every school of the scope. */
  rows: number
  /** The schools where something would change, by login. */
  schools: SchoolChange[]
}

type NewSpec = Pick<ProcedureSpec, "tasks" | "scale">

/** One stored row read again with the new spec. */
export function rescoreRow(cells: readonly number[], mark: number | null, spec: NewSpec): { mark: boolean; overMax: boolean; misfit: boolean } {
  if (cells.length !== spec.tasks.length) return { mark: false, overMax: false, misfit: true }
  let total = 0
  let overMax = false
  cells.forEach((cell, index) => {
    total += pointsOf(cell)
    if (cell > spec.tasks[index]!.max) overMax = true
  })
  const newMark = spec.scale ? markForScore(total, spec.scale) : null
  return { mark: newMark !== mark, overMax, misfit: false }
}

/** The stored results of the spec's procedure in a municipality (null: the whole region), read again with it. */
export async function specChanges(deps: Pick<ServiceDeps, "prisma">, spec: ProcedureKey & NewSpec, municipalityId: number | null): Promise<SpecChanges> {
  const procedure = `${spec.kind}|${spec.year}|${spec.subject}|${spec.grade}`
  const sets = await deps.prisma.$queryRaw<{ id: number; key: string; packed: string | null; login: string; name: string | null }[]>`
    SELECT r.id, s.key, encode(r.packed, 'base64') AS packed, s.login, s.name
    FROM "ResultSet" r JOIN "School" s ON s.id = r."schoolId"
    WHERE r.procedure = ${procedure} AND r."isCurrent" AND NOT r.reference
      AND (${municipalityId}::int IS NULL OR s."municipalityId" = ${municipalityId}::int)`
  const participantsOf = await readParticipants(deps.prisma, sets)
  const rows = sets.flatMap((set) => participantsOf.get(set.id)!.filter((participant) => !participant.absent).map((participant) => ({ login: set.login, name: set.name, cells: participant.cells, mark: participant.mark })))
  const bySchool = new Map<string, SchoolChange>()
  for (const row of rows) {
    const school = bySchool.get(row.login) ?? { login: row.login, name: row.name, rows: 0, marks: 0, overMax: 0, misfit: false }
    bySchool.set(row.login, school)
    const change = rescoreRow(row.cells, row.mark, spec)
    school.rows++
    if (change.mark) school.marks++
    if (change.overMax) school.overMax++
    if (change.misfit) school.misfit = true
  }
  const changed = [...bySchool.values()].filter((school) => school.misfit || school.marks > 0 || school.overMax > 0)
  return { rows: rows.length, schools: changed.sort((a, b) => a.login.localeCompare(b.login)) }
}
