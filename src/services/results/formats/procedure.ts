/**
 * Which procedure a file holds, and its spec. Sources, strongest first: the procedure the user confirmed
 * (options), what the file states inside (layout E's title, our template's meta sheet), the file name,
 * and the task header set (it identifies the test, formats.md §8).
 */
import { findSpec, procedureFromFileName, specMatchingHeaders } from "../../../domain/procedures/index.ts"
import { normaliseSubject, sameSubject } from "../../../domain/procedures/subjects.ts"
import type { ProcedureKey, ProcedureSpec } from "../../../domain/results.ts"
import { procedureTitle } from "../../../domain/results.ts"
import type { TaskHeader } from "../../../domain/task-header.ts"
import { problem, type Problem } from "../../workbooks/problem.ts"
import type { MissingPart } from "./types.ts"

export interface StatedProcedure extends Partial<ProcedureKey> {
  specVersion?: number
}

export interface ProcedureResolution {
  procedure: Partial<ProcedureKey>
  missing: MissingPart[]
  candidates: ProcedureSpec[]
  spec: ProcedureSpec | null
  problems: Problem[]
}

const PARTS = ["kind", "year", "subject", "grade"] as const

function agrees(spec: ProcedureKey, stated: Partial<ProcedureKey>): boolean {
  return (
    (stated.kind === undefined || spec.kind === stated.kind) &&
    (stated.year === undefined || spec.year === stated.year) &&
    (stated.grade === undefined || spec.grade === stated.grade) &&
    (stated.subject === undefined || sameSubject(spec.subject, stated.subject))
  )
}

function canonical(key: Partial<ProcedureKey>): Partial<ProcedureKey> {
  const result = { ...key }
  if (result.subject !== undefined) result.subject = normaliseSubject(result.subject) ?? result.subject.trim()
  return result
}

function complete(key: Partial<ProcedureKey>): key is ProcedureKey {
  return PARTS.every((part) => key[part] !== undefined)
}

export function resolveProcedure(input: {
  fileStated: StatedProcedure
  fileName?: string
  given?: ProcedureKey
  headerTasks: readonly TaskHeader[]
  specs: readonly ProcedureSpec[]
}): ProcedureResolution {
  const problems: Problem[] = []
  const { specVersion, ...inside } = input.fileStated
  const fromName = input.fileName ? procedureFromFileName(input.fileName) : {}
  let procedure: Partial<ProcedureKey>
  let candidates: ProcedureSpec[] = []

  if (input.given) {
    procedure = canonical(input.given)
    for (const part of PARTS) {
      const stated = inside[part]
      const given = procedure[part]
      const differs = part === "subject" ? !sameSubject(String(stated), String(given)) : stated !== given
      if (stated !== undefined && differs) {
        problems.push(problem("error", "procedure-conflict", "", { part, file: String(stated), given: String(given) }))
      }
    }
  } else {
    // Every result layout is a ВПР form unless our template says otherwise.
    procedure = canonical({ kind: "ВПР", ...fromName, ...inside })
    if (input.headerTasks.length > 0) {
      candidates = specMatchingHeaders(input.headerTasks, undefined, input.specs).filter((spec) => agrees(spec, procedure))
      // The header identifies the test (subject, grade) but not the year: structures last for years, so the
      // year is never guessed from the catalogue.
      for (const part of ["subject", "grade"] as const) {
        const values = new Set(candidates.map((spec) => (part === "subject" ? normaliseSubject(spec.subject) ?? spec.subject : spec[part])))
        if (procedure[part] === undefined && values.size === 1) {
          Object.assign(procedure, { [part]: candidates[0]![part] })
        }
      }
    }
  }

  const missing = (["year", "subject", "grade"] as const).filter((part) => procedure[part] === undefined)
  if (!complete(procedure)) return { procedure, missing, candidates, spec: null, problems }

  let spec = specVersion === undefined ? null : findSpec(procedure, input.specs, specVersion)
  if (!spec) {
    spec = findSpec(procedure, input.specs)
    if (spec && specVersion !== undefined) {
      problems.push(problem("warning", "spec-version-outdated", "", { version: specVersion, current: spec.version }))
    }
  }
  if (!spec) problems.push(problem("error", "spec-unknown", "", { procedure: procedureTitle(procedure) }))
  return { procedure, missing: [], candidates, spec, problems }
}
