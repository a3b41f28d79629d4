/** A result file at the front door: what its read says, and storing it (then analysing the procedure at once). */
import type { Actor } from "../../access/roles.ts"
import { analyseStored } from "../../analysis/stored-runs.ts"
import type { ServiceDeps } from "../../deps.ts"
import type { ParsedResults } from "../../results/formats/types.ts"
import { importResults, type ImportOutcome } from "../../results/import.ts"
import { groupProblems, isRowError, type Problem } from "../../workbooks/problem.ts"
import type { ProblemDigest, StoredUpload } from "../steps.ts"

/** Errors first (they are what the sender must fix), then warnings; the first `show` of them. */
export function digestProblems(problems: readonly Problem[], show: number): ProblemDigest {
  const errors = problems.filter((found) => found.severity === "error")
  const warnings = problems.filter((found) => found.severity === "warning")
  // Grouped over every problem, so a pattern's count is the file's, not the first page's.
  return { errors: errors.length, warnings: warnings.length, shown: [...errors, ...warnings].slice(0, show), groups: groupProblems(problems).slice(0, show) }
}

/** Every error concerns single rows: the file can be imported without those rows. */
export function onlyRowErrors(parsed: ParsedResults): boolean {
  const errors = parsed.problems.filter((found) => found.severity === "error")
  return parsed.status === "parsed" && errors.length > 0 && errors.every((found) => isRowError(found.code))
}

/** The file carries pupils' names: it must not be kept once the upload ends unstored. */
export function hasPersonalData(parsed: ParsedResults): boolean {
  return parsed.problems.some((found) => found.code === "names-column" || found.code === "names-instead-of-codes")
}

export type ResultsStoreOutcome = { ok: true; stored: StoredUpload } | Exclude<ImportOutcome, { ok: true }>

/** Stores a checked result file (the sender confirmed its warnings), then analyses the procedure. */
export async function storeResults(
  deps: ServiceDeps,
  actor: Actor,
  uploadId: number,
  parsed: ParsedResults,
  others: "refuse" | "reference" = "refuse",
): Promise<ResultsStoreOutcome> {
  const spec = parsed.spec!
  const outcome = await importResults(deps, actor, {
    uploadId,
    layout: parsed.layout ?? "unknown",
    spec,
    schools: parsed.schools,
    participants: parsed.participants,
    warningsConfirmed: parsed.problems.filter((found) => found.severity === "warning").length,
    others,
  })
  if (!outcome.ok) return outcome
  // The analysis of the affected procedure runs right after each import (and is stored with its settings).
  try {
    await analyseStored(deps, spec)
  } catch (error) {
    deps.logger.error({ err: error, uploadId }, "analysis after import failed")
  }
  // What the sender is told is hers; the comparison group is counted apart.
  const own = outcome.schools.filter((school) => !school.reference)
  return {
    ok: true,
    stored: {
      kind: "results",
      uploadId: outcome.uploadId,
      procedure: { kind: spec.kind, year: spec.year, subject: spec.subject, grade: spec.grade },
      schools: own.length,
      created: own.filter((school) => school.created).length,
      replaced: own.filter((school) => school.version > 1).length,
      present: own.reduce((sum, school) => sum + school.present, 0),
      absent: own.reduce((sum, school) => sum + school.absent, 0),
      excluded: parsed.excluded.length,
      reference: outcome.schools.filter((school) => school.reference).length,
      keptOwn: outcome.keptOwn.length,
    },
  }
}
