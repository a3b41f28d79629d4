/** Procedure specs (tasks, maxima, mark scale): the ones we hold, and a coordinator's workbook saved as the next version. */
import type { ProcedureKey, ProcedureSpec } from "../../domain/results.ts"
import { audit } from "../access/audit.ts"
import { isAdmin, type Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"
import { notAllowed, refused, type NotAllowed, type RefusedWithProblems } from "../outcome.ts"
import type { Problem } from "../workbooks/problem.ts"
import { listSpecs, saveSpecVersion } from "./store.ts"
import { parseSpecWorkbook, type SpecWorkbookResult } from "./workbook.ts"

/** `municipality`: the name of the one municipality the spec applies to; null when it is region-wide. */
export type SpecOutcome = { ok: true; spec: ProcedureSpec; municipality: string | null } | NotAllowed | RefusedWithProblems<Problem>

/**
 * Where a spec the actor sends applies: an admin's region-wide (null); a municipal coordinator's in her one
 * municipality (issue 9 #5); nowhere for anyone else, or a coordinator of several municipalities (she would have to
 * say which — refused rather than guessed).
 */
export function specScopeOf(actor: Actor): { municipalityId: number | null } | null {
  if (isAdmin(actor)) return { municipalityId: null }
  const municipalities = new Set(actor.grants.filter((grant) => grant.role === "municipal_coordinator" && grant.municipalityId !== null).map((grant) => grant.municipalityId!))
  return municipalities.size === 1 ? { municipalityId: [...municipalities][0]! } : null
}

/** The municipalities whose coordinators' specs apply to what the actor reads: those of every grant. */
export function specMunicipalitiesOf(actor: Actor): number[] {
  const ids = actor.grants.flatMap((grant) => [grant.municipalityId, grant.schoolMunicipalityId]).filter((id): id is number => id !== null)
  return [...new Set(ids)]
}

/** Stores a spec workbook already read as the next version of its procedure's spec, in the actor's scope. */
export async function saveSpec(deps: ServiceDeps, actor: Actor, parsed: SpecWorkbookResult): Promise<SpecOutcome> {
  const scope = specScopeOf(actor)
  if (!scope) return notAllowed()
  if ("problems" in parsed) return refused(parsed.problems)
  const spec = await saveSpecVersion(deps.prisma, parsed.spec, actor.userId, scope.municipalityId)
  await audit(deps.prisma, { actorId: actor.userId, action: "spec.saved", subject: `${spec.kind}|${spec.year}|${spec.subject}|${spec.grade}`, details: { version: spec.version, municipalityId: scope.municipalityId } })
  const municipality = scope.municipalityId === null ? null : (await deps.prisma.municipality.findUniqueOrThrow({ where: { id: scope.municipalityId } })).name
  return { ok: true, spec, municipality }
}

export function createSpecs(deps: ServiceDeps) {
  return {
    /** The procedures we hold specs for: the choices offered when a file does not say, or for a template. */
    async known(): Promise<ProcedureKey[]> {
      return (await listSpecs(deps.prisma)).map(({ kind, year, subject, grade }) => ({ kind, year, subject, grade }))
    },

    /** A workbook the sender says is a spec (its only sheet is read as one, whatever its name). */
    async save(actor: Actor, bytes: Buffer): Promise<SpecOutcome> {
      if (!specScopeOf(actor)) return notAllowed()
      return saveSpec(deps, actor, await parseSpecWorkbook(bytes))
    },
  }
}
