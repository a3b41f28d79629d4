import type { Actor, RoleName } from "../../services/access/roles.ts"

type Translate = (key: string, params?: Record<string, string | number>) => string

export function roleName(t: Translate, role: RoleName): string {
  return t(`role-${role}`)
}

export function listRoles(t: Translate, actor: Actor): string {
  return [...new Set(actor.grants.map((grant) => grant.role))].map((role) => roleName(t, role)).join(", ")
}
