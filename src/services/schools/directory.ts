import { coordinatedMunicipalities, hasRole, isAdmin, type Actor } from "../access/roles.ts"
import { audit } from "../access/audit.ts"
import type { ServiceDeps } from "../deps.ts"
import { parseContextForm, type ContextFormResult } from "./context-form.ts"
import { notAllowed, refused, type NotAllowed, type RefusedWithProblems } from "../outcome.ts"
import type { Problem } from "../workbooks/problem.ts"

/** A school of the form the sender may not change: in another municipality, or not in the directory yet. */
export interface SkippedSchool {
  login: string
  name: string | null
  why: "other-municipality" | "unknown"
}

export type DirectoryOutcome =
  | { ok: true; form: number | null; created: number; updated: number; skipped: SkippedSchool[] }
  | RefusedWithProblems<Problem>

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
  const existing = new Map(
    (await deps.prisma.school.findMany({ select: { key: true, municipalityId: true } })).map((school) => [school.key, school.municipalityId]),
  )
  // Scope on every write: the form lists every school of the region, a municipal coordinator changes only hers.
  // A school not in the directory yet is created by an admin only: the form does not say its municipality.
  const admin = isAdmin(actor)
  const own = new Set(coordinatedMunicipalities(actor))
  const skipped: SkippedSchool[] = []
  const writable = parsed.schools.filter((row) => {
    if (admin) return true
    const known = existing.has(row.key)
    const municipalityId = existing.get(row.key)
    if (known && municipalityId !== null && municipalityId !== undefined && own.has(municipalityId)) return true
    skipped.push({ login: row.login, name: row.name ?? null, why: known ? "other-municipality" : "unknown" })
    return false
  })
  await deps.prisma.$transaction(
    async (tx) => {
      for (const row of writable) {
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
      await audit(tx, { actorId: actor.userId, action: "directory.imported", details: { form: parsed.form, schools: writable.length, skipped: skipped.length } })
    },
    { timeout: 120_000 },
  )
  const created = writable.filter((row) => !existing.has(row.key)).length
  return { ok: true, form: parsed.form, created, updated: writable.length - created, skipped }
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

/** The skipped schools for a message: the first logins, then how many more. */
export function skippedList(skipped: readonly SkippedSchool[], shown = 10): string {
  const logins = skipped.slice(0, shown).map((school) => school.login)
  return skipped.length > shown ? `${logins.join(", ")} … (+${skipped.length - shown})` : logins.join(", ")
}
