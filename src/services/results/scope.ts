/**
 * Whose schools a result file holds (issue 11 #1, #3): the sender's, and the rest. A school's municipality is the
 * directory's; a school the directory does not place is placed by the municipality its rows name (a FIS OKO export is
 * the authority on it), and a school no one places is a municipal coordinator's own (a school form without that
 * column, sent by her).
 */
import { municipalityNameKey } from "../../domain/municipality-name.ts"
import { matchMunicipality } from "../access/municipalities.ts"
import { canActOnSchool, coordinatedMunicipalities, hasRole, isAdmin, type Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"
import type { SchoolRef } from "./formats/types.ts"

type Db = Pick<ServiceDeps["prisma"], "school" | "municipality">

export interface FileScope {
  /** Schools the sender stores results for, with how the directory shows them when it knows them. */
  mine: (SchoolRef & { shown: { login: string; name: string | null } })[]
  /** Schools of other municipalities (or other schools of a teacher's form). */
  others: SchoolRef[]
  /**
   * A municipal coordinator may keep the others as the comparison group only (ResultSet.reference): counted in the
   * aggregates, never shown as hers, no alerts. Teachers and school coordinators may not.
   */
  referenceAllowed: boolean
  /** The sender's municipality names, for the question (a coordinator's). */
  municipalities: string[]
}

export async function fileScope(db: Db, actor: Actor, schools: readonly SchoolRef[]): Promise<FileScope> {
  const referenceAllowed = !isAdmin(actor) && hasRole(actor, "municipal_coordinator")
  const ownMunicipalities = coordinatedMunicipalities(actor)
  const municipalities = ownMunicipalities.length === 0 ? [] : (await db.municipality.findMany({ where: { id: { in: ownMunicipalities } }, select: { name: true } })).map((row) => row.name)
  const known = new Map(
    (await db.school.findMany({ where: { key: { in: schools.map((school) => school.key) } }, select: { id: true, key: true, municipalityId: true, login: true, name: true } })).map((row) => [row.key, row]),
  )
  // The login people type (the directory's edu…, never an older export's sch…) and the directory's name.
  const shownOf = (school: SchoolRef) => {
    const row = known.get(school.key)
    return { login: row ? currentLogin(row.login, school.login) : school.login, name: row?.name ?? school.name ?? null }
  }
  if (isAdmin(actor)) return { mine: schools.map((school) => ({ ...school, shown: shownOf(school) })), others: [], referenceAllowed, municipalities }
  const directory = schools.some((school) => school.municipality) ? await db.municipality.findMany({ select: { id: true, name: true, code: true } }) : []
  const fallback = ownMunicipalities[0] ?? null
  const mine: FileScope["mine"] = []
  const others: SchoolRef[] = []
  for (const school of schools) {
    const row = known.get(school.key)
    const named = school.municipality ? placeOf(directory, school) : undefined
    // A municipality the directory does not know yet is nobody's here: it is created on import.
    const municipalityId = row?.municipalityId ?? (named === undefined ? (row ? null : fallback) : named)
    if (canActOnSchool(actor, { id: row?.id ?? -1, municipalityId })) mine.push({ ...school, shown: shownOf(school) })
    else others.push(school)
  }
  return { mine, others, referenceAllowed, municipalities }
}

/** A school's login after a file names it: an edu… login stays (sch → edu, never back: an older export must not undo it). */
export function currentLogin(directoryLogin: string, fileLogin: string): string {
  return directoryLogin.startsWith("edu") ? directoryLogin : fileLogin
}

/** The directory id of the municipality a row names, or null when the directory does not know it. */
function placeOf(directory: Parameters<typeof matchMunicipality>[0], school: SchoolRef): number | null {
  if (!school.municipality || municipalityNameKey(school.municipality) === "") return null
  return matchMunicipality(directory, school.municipality, school.municipalityCode)?.id ?? null
}
