/** Roles and their scopes: pure rules, shared by the bot, the CLI and every service. */

export const ROLES = [
  "teacher",
  "school_coordinator",
  "municipal_coordinator",
  "observer",
  "hotline_specialist",
  "admin",
] as const
export type RoleName = (typeof ROLES)[number]

export interface Grant {
  role: RoleName
  schoolId: number | null
  municipalityId: number | null
  /** The municipality of the school, for school-scoped grants. */
  schoolMunicipalityId: number | null
}

/** Who is acting: a Telegram user with their grants (parents hold none). */
export interface Actor {
  userId: number
  telegramId: string
  firstName: string
  language: "ru" | "en"
  grants: Grant[]
}

export function isAdmin(actor: Actor): boolean {
  return actor.grants.some((grant) => grant.role === "admin")
}

export function hasRole(actor: Actor, ...roles: RoleName[]): boolean {
  return isAdmin(actor) || actor.grants.some((grant) => roles.includes(grant.role))
}

/** The municipalities the actor coordinates (admins hold none of their own). */
export function coordinatedMunicipalities(actor: Actor): number[] {
  return actor.grants.flatMap((grant) => (grant.role === "municipal_coordinator" && grant.municipalityId !== null ? [grant.municipalityId] : []))
}

/** May the actor act on this school's data in one of these roles? Admins everywhere, coordinators in their municipality. */
export function canActOnSchool(
  actor: Actor,
  school: { id: number; municipalityId: number | null },
  roles: RoleName[] = ["teacher", "school_coordinator", "municipal_coordinator"],
): boolean {
  if (isAdmin(actor)) return true
  return actor.grants.some((grant) => {
    if (!roles.includes(grant.role)) return false
    if (grant.schoolId !== null) return grant.schoolId === school.id
    return grant.municipalityId !== null && grant.municipalityId === school.municipalityId
  })
}

/** Which roles may this actor hand out with an invite? */
export function grantableRoles(actor: Actor): RoleName[] {
  if (isAdmin(actor)) return [...ROLES]
  const roles = new Set<RoleName>()
  for (const grant of actor.grants) {
    if (grant.role === "municipal_coordinator") {
      for (const role of ["teacher", "school_coordinator", "observer", "hotline_specialist"] as const) roles.add(role)
    }
    if (grant.role === "school_coordinator") roles.add("teacher")
  }
  return [...roles]
}

/** The scope an invite for a role needs: a school, a municipality, or none. */
export function scopeKindOf(role: RoleName): "school" | "municipality" | "none" {
  switch (role) {
    case "teacher":
    case "school_coordinator":
      return "school"
    case "municipal_coordinator":
    case "observer":
    case "hotline_specialist":
      return "municipality"
    case "admin":
      return "none"
  }
}
