/** Procedure specs (tasks, maxima, mark scale): the ones we hold, and a coordinator's workbook saved as the next version. */
import { sameSubject } from "../../domain/procedures/subjects.ts"
import { procedureTitle, type ProcedureKey, type ProcedureSpec } from "../../domain/results.ts"
import { audit } from "../access/audit.ts"
import { isAdmin, type Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"
import { notAllowed, refused, type NotAllowed, type RefusedWithProblems } from "../outcome.ts"
import { problem, type Problem } from "../workbooks/problem.ts"
import type { SpecReach } from "./propose.ts"
import { specChanges, type SpecChanges } from "./rescore.ts"
import { listSpecs, saveSpecVersion } from "./store.ts"
import { parseSpecWorkbook, type SpecWorkbookResult } from "./workbook.ts"

/** A spec read and checked, not stored: what it would change in the results stored in the sender's scope. */
export type SpecCheck = { ok: true; spec: Omit<ProcedureSpec, "version">; changes: SpecChanges } | NotAllowed | RefusedWithProblems<Problem>

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

    /** A spec workbook read, not stored: a correction of a proposed spec, which the intake checks and stores. */
    read(bytes: Buffer): Promise<SpecWorkbookResult> {
      return parseSpecWorkbook(bytes)
    },

    /** A workbook the sender says is a spec (its only sheet is read as one, whatever its name). */
    async save(actor: Actor, bytes: Buffer): Promise<SpecOutcome> {
      if (!specScopeOf(actor)) return notAllowed()
      return saveSpec(deps, actor, await parseSpecWorkbook(bytes))
    },

    /**
     * A spec workbook read and checked, not stored: with what it would change in the stored results of its procedure
     * in the actor's scope, to be shown before it is saved (`saveRead`).
     */
    async check(actor: Actor, bytes: Buffer): Promise<SpecCheck> {
      const scope = specScopeOf(actor)
      if (!scope) return notAllowed()
      const read = await parseSpecWorkbook(bytes)
      if ("problems" in read) return refused(read.problems)
      return { ok: true, spec: read.spec, changes: await specChanges(deps, read.spec, scope.municipalityId) }
    },

    /** Stores a spec `check` read, once the sender saw what it changes. */
    saveRead: (actor: Actor, spec: Omit<ProcedureSpec, "version">): Promise<SpecOutcome> => saveSpec(deps, actor, { spec }),
  }
}

/** The procedure's key as result sets store it (`ВПР|2021|Математика|4`, results/procedure-key.ts). */
function storedProcedure(key: ProcedureKey): string {
  return `${key.kind}|${key.year}|${key.subject}|${key.grade}`
}

/** How many names of affected schools are given; the count says the rest. */
const REACH_NAMES = 10

/**
 * The schools whose stored results of the procedure a new spec would apply to: in the municipality it is scoped
 * to, or anywhere for a region-wide one (issue 17 #2: said before the spec is saved).
 */
export async function specReach(deps: ServiceDeps, key: ProcedureKey, municipalityId: number | null): Promise<SpecReach> {
  const sets = await deps.prisma.resultSet.findMany({
    where: { procedure: storedProcedure(key), isCurrent: true, ...(municipalityId === null ? {} : { school: { municipalityId } }) },
    select: { school: { select: { login: true, name: true } } },
    orderBy: { school: { login: "asc" } },
  })
  return { schools: sets.length, names: sets.slice(0, REACH_NAMES).map(({ school }) => school.name ?? school.login) }
}

/** The name of the municipality a spec of the actor's would apply to; null for region-wide (or no scope at all). */
export async function specScopeName(deps: ServiceDeps, actor: Actor): Promise<string | null> {
  const scope = specScopeOf(actor)
  if (!scope || scope.municipalityId === null) return null
  return (await deps.prisma.municipality.findUniqueOrThrow({ where: { id: scope.municipalityId } })).name
}

/**
 * A spec for a result file's procedure, checked against the file before it is stored: the same procedure, and for
 * the exports that number their columns, as many tasks as the file has score columns.
 */
export function specFitsFile(spec: Omit<ProcedureSpec, "version">, file: ProcedureKey, columns: { count: number; positional: boolean }): Problem[] {
  const same = spec.kind === file.kind && spec.year === file.year && spec.grade === file.grade && sameSubject(spec.subject, file.subject)
  if (!same) return [problem("error", "spec-other-procedure", "", { spec: procedureTitle(spec), file: procedureTitle(file) })]
  if (columns.positional && spec.tasks.length !== columns.count) {
    return [problem("error", "spec-task-count-differs", "", { found: spec.tasks.length, expected: columns.count })]
  }
  return []
}
