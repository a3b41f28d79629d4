/** Procedure specs (tasks, maxima, mark scale): the ones we hold, and a coordinator's workbook saved as the next version. */
import type { ProcedureKey, ProcedureSpec } from "../../domain/results.ts"
import { audit } from "../access/audit.ts"
import { hasRole, type Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"
import { notAllowed, refused, type NotAllowed, type RefusedWithProblems } from "../outcome.ts"
import type { Problem } from "../workbooks/problem.ts"
import { listSpecs, saveSpecVersion } from "./store.ts"
import { parseSpecWorkbook, type SpecWorkbookResult } from "./workbook.ts"

export type SpecOutcome = { ok: true; spec: ProcedureSpec } | NotAllowed | RefusedWithProblems<Problem>

/** Stores a spec workbook already read as the next version of its procedure's spec (municipal coordinators, admins). */
export async function saveSpec(deps: ServiceDeps, actor: Actor, parsed: SpecWorkbookResult): Promise<SpecOutcome> {
  if (!hasRole(actor, "municipal_coordinator")) return notAllowed()
  if ("problems" in parsed) return refused(parsed.problems)
  const spec = await saveSpecVersion(deps.prisma, parsed.spec, actor.userId)
  await audit(deps.prisma, { actorId: actor.userId, action: "spec.saved", subject: `${spec.kind}|${spec.year}|${spec.subject}|${spec.grade}`, details: { version: spec.version } })
  return { ok: true, spec }
}

export function createSpecs(deps: ServiceDeps) {
  return {
    /** The procedures we hold specs for: the choices offered when a file does not say, or for a template. */
    async known(): Promise<ProcedureKey[]> {
      return (await listSpecs(deps.prisma)).map(({ kind, year, subject, grade }) => ({ kind, year, subject, grade }))
    },

    /** A workbook the sender says is a spec (its only sheet is read as one, whatever its name). */
    async save(actor: Actor, bytes: Buffer): Promise<SpecOutcome> {
      if (!hasRole(actor, "municipal_coordinator")) return notAllowed()
      return saveSpec(deps, actor, await parseSpecWorkbook(bytes))
    },
  }
}
