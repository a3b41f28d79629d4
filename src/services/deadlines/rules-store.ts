import type { LocalDate } from "../../domain/calendar/dates.ts"
import { dateAfter, parseRules, rulesDifference, RulesInvalid, type DeadlineRules, type LocalMoment, type OffsetRuleName, type RuleProblem } from "../../domain/deadlines/rules.ts"
import type { Prisma } from "../../generated/prisma/client.ts"
import { audit } from "../access/audit.ts"
import { loadCalendar } from "../calendar/calendar.ts"
import { canActOnMunicipality } from "./scope.ts"
import type { Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"
import { notAllowed, refused, type Done, type NotAllowed, type RefusedWithProblems } from "../outcome.ts"

/** A municipality's timing rules: the defaults of calendar.md §6.2 with what the municipality changed. */
export async function rulesFor(deps: Pick<ServiceDeps, "prisma">, municipalityId: number): Promise<DeadlineRules> {
  const row = await deps.prisma.deadlineRules.findUnique({ where: { municipalityId } })
  try {
    return parseRules(row?.rules ?? null)
  } catch {
    return parseRules(null) // stored before a rule changed shape: the defaults rather than no reminders at all
  }
}

/** When an item that follows `anchor` is due by the municipality's rule (a re-check: 10 working days after it was planned). */
export async function dueAfter(deps: Pick<ServiceDeps, "prisma">, municipalityId: number, rule: OffsetRuleName, anchor: LocalDate): Promise<LocalMoment> {
  return dateAfter(anchor, (await rulesFor(deps, municipalityId))[rule], await loadCalendar(deps))
}

/** Rules of many municipalities at once, for the planners. */
export async function rulesOfAll(deps: Pick<ServiceDeps, "prisma">, municipalityIds: number[]): Promise<Map<number, DeadlineRules>> {
  const rows = await deps.prisma.deadlineRules.findMany({ where: { municipalityId: { in: municipalityIds } } })
  const stored = new Map(rows.map((row) => [row.municipalityId, row.rules]))
  return new Map(municipalityIds.map((id) => {
    let rules: DeadlineRules
    try {
      rules = parseRules(stored.get(id) ?? null)
    } catch {
      rules = parseRules(null)
    }
    return [id, rules]
  }))
}

/**
 * A coordinator changes rules of their municipality: `changes` is merged over the current rules and checked as a
 * whole; nothing is stored when any part is wrong.
 */
export async function saveRules(
  deps: Pick<ServiceDeps, "prisma">,
  actor: Actor,
  municipalityId: number,
  changes: Record<string, unknown>,
): Promise<Done<{ rules: DeadlineRules }> | NotAllowed | RefusedWithProblems<RuleProblem>> {
  if (!canActOnMunicipality(actor, municipalityId)) return notAllowed()
  const current = await rulesFor(deps, municipalityId)
  const merged: Record<string, unknown> = { ...rulesDifference(current) }
  for (const [name, value] of Object.entries(changes)) {
    const before = (merged[name] ?? {}) as Record<string, unknown>
    merged[name] = value && typeof value === "object" && !Array.isArray(value) ? { ...before, ...value } : value
  }
  let rules: DeadlineRules
  try {
    rules = parseRules(merged)
  } catch (error) {
    if (error instanceof RulesInvalid) return refused(error.problems)
    throw error
  }
  const stored = rulesDifference(rules) as Prisma.InputJsonValue
  await deps.prisma.deadlineRules.upsert({
    where: { municipalityId },
    create: { municipalityId, rules: stored, updatedById: actor.userId },
    update: { rules: stored, updatedById: actor.userId },
  })
  await audit(deps.prisma, { actorId: actor.userId, action: "deadlines.rules.saved", subject: String(municipalityId), details: { changes } })
  return { ok: true, rules }
}
