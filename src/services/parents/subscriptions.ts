import { audit } from "../access/audit.ts"
import type { Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"
import { notFound, type Done, type NotFound } from "../outcome.ts"
import { schoolLabel, type SchoolChoice } from "../schools/search.ts"

/** A parent follows a school's grade to get its announcements. No role needed; a parent may follow several. */

export interface SubscriptionView {
  id: number
  schoolId: number
  school: string
  grade: number
}

export type SubscribeOutcome = Done<{ subscription: SubscriptionView; created: boolean }> | NotFound | { ok: false; reason: "bad_grade" }

export function createSubscriptions(deps: ServiceDeps) {
  const { prisma } = deps

  async function subscribe(actor: Actor, schoolId: number, grade: number): Promise<SubscribeOutcome> {
    if (!Number.isInteger(grade) || grade < 1 || grade > 11) return { ok: false, reason: "bad_grade" }
    const school = await schoolLabel(deps, schoolId)
    if (!school) return notFound()
    const existing = await prisma.parentSubscription.findUnique({ where: { userId_schoolId_grade: { userId: actor.userId, schoolId, grade } } })
    const row = existing ?? (await prisma.parentSubscription.upsert({
      where: { userId_schoolId_grade: { userId: actor.userId, schoolId, grade } },
      create: { userId: actor.userId, schoolId, grade, createdAt: deps.clock.now() },
      update: {},
    }))
    if (!existing) await audit(prisma, { actorId: actor.userId, action: "parents.subscribed", subject: String(row.id), details: { schoolId, grade } })
    return { ok: true, created: !existing, subscription: { id: row.id, schoolId, school: school.label, grade } }
  }

  async function unsubscribe(actor: Actor, subscriptionId: number): Promise<Done | NotFound> {
    const { count } = await prisma.parentSubscription.deleteMany({ where: { id: subscriptionId, userId: actor.userId } })
    if (count === 0) return notFound()
    await audit(prisma, { actorId: actor.userId, action: "parents.unsubscribed", subject: String(subscriptionId) })
    return { ok: true }
  }

  async function mine(actor: Actor): Promise<SubscriptionView[]> {
    const rows = await prisma.parentSubscription.findMany({ where: { userId: actor.userId }, orderBy: { id: "asc" } })
    return Promise.all(rows.map(async (row) => ({ id: row.id, schoolId: row.schoolId, grade: row.grade, school: (await schoolLabel(deps, row.schoolId))?.label ?? "—" })))
  }

  /** The schools the parent follows, each once: offered first when they name a school elsewhere (a question). */
  async function followedSchools(actor: Actor): Promise<SchoolChoice[]> {
    const rows = await prisma.parentSubscription.findMany({ where: { userId: actor.userId }, distinct: ["schoolId"], orderBy: { schoolId: "asc" } })
    const schools = await Promise.all(rows.map((row) => schoolLabel(deps, row.schoolId)))
    return schools.filter((school): school is SchoolChoice => school !== null)
  }

  return { subscribe, unsubscribe, mine, followedSchools }
}
