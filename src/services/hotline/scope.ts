import { isAdmin, type Actor } from "../access/roles.ts"

/**
 * Who works on which tickets. Hotline specialists and municipal coordinators of a municipality handle its
 * schools' tickets and the tickets that name no school (someone must answer those); admins handle all.
 */
export const STAFF_ROLES = ["hotline_specialist", "municipal_coordinator"] as const

export interface StaffScope {
  all: boolean
  municipalities: number[]
}

/** The actor's hotline scope, or null when they are not hotline staff. */
export function staffScope(actor: Actor): StaffScope | null {
  if (isAdmin(actor)) return { all: true, municipalities: [] }
  const municipalities = actor.grants.flatMap((grant) =>
    (STAFF_ROLES as readonly string[]).includes(grant.role) && grant.municipalityId !== null ? [grant.municipalityId] : [],
  )
  return municipalities.length > 0 ? { all: false, municipalities: [...new Set(municipalities)] } : null
}

export function scopeCovers(scope: StaffScope, municipalityId: number | null): boolean {
  return scope.all || municipalityId === null || scope.municipalities.includes(municipalityId)
}

/** A Prisma `where` over tickets for this scope. */
export function ticketsInScope(scope: StaffScope) {
  return scope.all ? {} : { OR: [{ municipalityId: null }, { municipalityId: { in: scope.municipalities } }] }
}
