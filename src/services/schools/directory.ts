import { hasRole, type Actor } from "../access/roles.ts"
import { audit } from "../access/audit.ts"
import type { ServiceDeps } from "../deps.ts"
import { parseContextForm, type ContextFormResult } from "./context-form.ts"
import { notAllowed, refused, type NotAllowed, type RefusedWithProblems } from "../outcome.ts"
import type { Problem } from "../workbooks/problem.ts"

export type DirectoryOutcome = { ok: true; form: number | null; created: number; updated: number } | RefusedWithProblems<Problem>

/**
 * Fills the school directory from a FIS OKO context-data form: names and the context fields used to build
 * groups of similar schools. Personal data of school heads in the same form is never read. One transaction.
 */
export async function importDirectory(deps: ServiceDeps, actor: Actor, bytes: Buffer): Promise<DirectoryOutcome> {
  return storeDirectory(deps, actor, await parseContextForm(bytes))
}

/** Stores a context-data form already read. */
export async function storeDirectory(deps: ServiceDeps, actor: Actor, parsed: ContextFormResult): Promise<DirectoryOutcome> {
  if (parsed.schools.length === 0 || parsed.problems.some((found) => found.severity === "error")) return refused(parsed.problems)
  const existing = new Set((await deps.prisma.school.findMany({ select: { key: true } })).map((school) => school.key))
  await deps.prisma.$transaction(
    async (tx) => {
      for (const row of parsed.schools) {
        const fields = {
          login: row.login,
          name: row.name ?? null,
          settlementType: row.settlementType ?? null,
          settlementSize: row.settlementSize ?? null,
          isSpecial: row.isSpecial ?? null,
          isEvening: row.isEvening ?? null,
          isBoarding: row.isBoarding ?? null,
          isLyceumOrGymnasium: row.isLyceumOrGymnasium ?? null,
          pupils: row.pupils ?? null,
          contextYear: parsed.form,
        }
        await tx.school.upsert({ where: { key: row.key }, create: { key: row.key, ...fields }, update: fields })
      }
      await audit(tx, { actorId: actor.userId, action: "directory.imported", details: { form: parsed.form, schools: parsed.schools.length } })
    },
    { timeout: 120_000 },
  )
  const created = parsed.schools.filter((row) => !existing.has(row.key)).length
  return { ok: true, form: parsed.form, created, updated: parsed.schools.length - created }
}

export function createDirectory(deps: ServiceDeps) {
  return {
    /** The FIS OKO context-data form sent as the directory (municipal coordinators and admins). */
    async importForm(actor: Actor, bytes: Buffer): Promise<DirectoryOutcome | NotAllowed> {
      if (!hasRole(actor, "municipal_coordinator")) return notAllowed()
      return importDirectory(deps, actor, bytes)
    },
  }
}
