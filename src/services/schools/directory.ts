import { coordinatedMunicipalities, hasRole, isAdmin, type Actor } from "../access/roles.ts"
import { audit } from "../access/audit.ts"
import type { ServiceDeps } from "../deps.ts"
import { parseContextForm, type ContextFormResult } from "./context-form.ts"
import { notAllowed, refused, type NotAllowed, type RefusedWithProblems } from "../outcome.ts"
import type { Problem } from "../workbooks/problem.ts"
import { parseSchoolLogin } from "../../domain/schools.ts"
import { similarMunicipalityNames } from "../../domain/municipality-name.ts"
import { matchMunicipality } from "../access/municipalities.ts"

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

export type MoveSchoolOutcome =
  | { ok: true; login: string; name: string | null; from: string | null; to: string }
  | NotAllowed
  | { ok: false; reason: "school_login_expected" | "school_not_found" | "municipality_expected" }
  /** The name matches no municipality of the directory: these are close (none: nothing like it). */
  | { ok: false; reason: "municipality_not_found"; suggestions: string[] }

/**
 * An admin moves a school to a municipality of the directory (named in any spelling): its results, risk cases and
 * people then belong to that municipality's coordinators. A name the directory does not know is refused with the
 * closest names, never created here: a municipality comes from an export or an invite.
 */
export async function moveSchool(deps: ServiceDeps, actor: Actor, loginText: string, municipalityText: string): Promise<MoveSchoolOutcome> {
  if (!isAdmin(actor)) return notAllowed()
  const login = parseSchoolLogin(loginText.trim())
  if (!login) return { ok: false, reason: "school_login_expected" }
  if (municipalityText.trim() === "") return { ok: false, reason: "municipality_expected" }
  const school = await deps.prisma.school.findUnique({ where: { key: login.key }, include: { municipality: true } })
  if (!school) return { ok: false, reason: "school_not_found" }
  const directory = await deps.prisma.municipality.findMany({ select: { id: true, name: true, code: true } })
  const target = matchMunicipality(directory, municipalityText)
  if (!target) return { ok: false, reason: "municipality_not_found", suggestions: similarMunicipalityNames(municipalityText, directory.map((found) => found.name)) }
  await deps.prisma.$transaction(async (tx) => {
    await tx.school.update({ where: { id: school.id }, data: { municipalityId: target.id } })
    await audit(tx, { actorId: actor.userId, action: "school.moved", subject: school.login, details: { from: school.municipalityId, to: target.id } })
  })
  return { ok: true, login: school.login, name: school.name, from: school.municipality?.name ?? null, to: target.name }
}

export function createDirectory(deps: ServiceDeps) {
  return {
    /** An admin moves a school to a municipality (`/move edu223017 город Барнаул`). */
    moveSchool: (actor: Actor, login: string, municipality: string) => moveSchool(deps, actor, login, municipality),

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
