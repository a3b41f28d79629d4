/** A user's choices about risk alerts: immediate delivery (else working hours), and for admins whether to get them at all. */
import { hasRole, isAdmin, type Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"
import { notAllowed, type Done, type NotAllowed } from "../outcome.ts"

export interface AlertPreferences {
  immediate: boolean
  /** Admins only: whether they receive risk alerts. */
  subscribed: boolean
  canSubscribe: boolean
}

const receivesAlerts = (actor: Actor) => hasRole(actor, "municipal_coordinator", "school_coordinator")

export function createPreferences(deps: Pick<ServiceDeps, "prisma">) {
  async function current(actor: Actor): Promise<Done<{ preferences: AlertPreferences }> | NotAllowed> {
    if (!receivesAlerts(actor)) return notAllowed()
    const row = await deps.prisma.riskAlertPreference.findUnique({ where: { userId: actor.userId } })
    return { ok: true, preferences: { immediate: row?.immediate ?? false, subscribed: row?.subscribed ?? false, canSubscribe: isAdmin(actor) } }
  }
  return {
    current,
    async setImmediate(actor: Actor, immediate: boolean) {
      if (!receivesAlerts(actor)) return notAllowed()
      await deps.prisma.riskAlertPreference.upsert({ where: { userId: actor.userId }, create: { userId: actor.userId, immediate }, update: { immediate } })
      return current(actor)
    },
    async setSubscribed(actor: Actor, subscribed: boolean) {
      if (!isAdmin(actor)) return notAllowed()
      await deps.prisma.riskAlertPreference.upsert({ where: { userId: actor.userId }, create: { userId: actor.userId, subscribed }, update: { subscribed } })
      return current(actor)
    },
  }
}
