import { z } from "zod"
import { QUIZ_ANSWERS } from "../../domain/observers/quiz.ts"
import { audit } from "../access/audit.ts"
import { canActOnMunicipality } from "./scope.ts"
import type { Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"
import { notAllowed, refused, type Done, type NotAllowed, type RefusedWithProblems } from "../outcome.ts"

/**
 * A municipality's rules for observers. The defaults are observers.md's assumptions (§2.2, §5 scoring) and the
 * issue's; each municipality may change them, because none of them is set by a federal act.
 */
const schema = z.object({
  /** Right answers needed of the 14 (observers.md §5: 12). */
  passMark: z.number().int().min(1).max(QUIZ_ANSWERS.length),
  /** Pause after a failed try (observers.md §5: 24 hours). */
  retryHours: z.number().min(0).max(24 * 30),
  /** Sessions one observer may take on one day. */
  perDayLimit: z.number().int().min(1).max(4),
  /** Two sessions of one observer on one day start at least this far apart. */
  minGapMinutes: z.number().int().min(0).max(600),
  /** Time to confirm or decline an offer before a replacement is proposed. */
  responseHours: z.number().min(1).max(24 * 7),
  /** Local times of the reminders: the evening before and the morning of the work (minutes after midnight). */
  eveningReminderAt: z.number().int().min(0).max(24 * 60 - 1),
  morningReminderAt: z.number().int().min(0).max(24 * 60 - 1),
  /** The act is asked for this long after the start (or at 13:00 when the start is not known). */
  actRequestAfterMinutes: z.number().int().min(0).max(12 * 60),
  /** What the observer brings; null: the standard text of the locale. */
  whatToBring: z.string().max(500).nullable(),
})

export type ObserverSettings = z.infer<typeof schema>

export const DEFAULT_OBSERVER_SETTINGS: ObserverSettings = {
  passMark: 12,
  retryHours: 24,
  perDayLimit: 1,
  minGapMinutes: 180,
  responseHours: 24,
  eveningReminderAt: 18 * 60,
  morningReminderAt: 7 * 60 + 30,
  actRequestAfterMinutes: 180,
  whatToBring: null,
}

export function parseObserverSettings(value: unknown): ObserverSettings {
  return schema.parse({ ...DEFAULT_OBSERVER_SETTINGS, ...(typeof value === "object" && value !== null ? value : {}) })
}

export async function observerSettings(deps: Pick<ServiceDeps, "prisma">, municipalityId: number): Promise<ObserverSettings> {
  const row = await deps.prisma.observerSettings.findUnique({ where: { municipalityId } })
  return row ? parseObserverSettings(row.settings) : DEFAULT_OBSERVER_SETTINGS
}

/** Settings of many municipalities at once. */
export async function observerSettingsOf(deps: Pick<ServiceDeps, "prisma">, municipalityIds: readonly number[]): Promise<Map<number, ObserverSettings>> {
  const rows = await deps.prisma.observerSettings.findMany({ where: { municipalityId: { in: [...new Set(municipalityIds)] } } })
  const found = new Map(rows.map((row) => [row.municipalityId, parseObserverSettings(row.settings)]))
  return new Map(municipalityIds.map((id) => [id, found.get(id) ?? DEFAULT_OBSERVER_SETTINGS]))
}

export interface SettingsProblem {
  path: string
  message: string
}

/** A coordinator changes some of the rules of their municipality; the rest keep their values. */
export async function saveObserverSettings(
  deps: ServiceDeps,
  actor: Actor,
  municipalityId: number,
  patch: Partial<ObserverSettings>,
): Promise<Done<{ settings: ObserverSettings }> | NotAllowed | RefusedWithProblems<SettingsProblem>> {
  if (!canActOnMunicipality(actor, municipalityId)) return notAllowed(["municipality"])
  const current = await observerSettings(deps, municipalityId)
  const parsed = schema.safeParse({ ...current, ...patch })
  if (!parsed.success) return refused(parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })))
  await deps.prisma.observerSettings.upsert({
    where: { municipalityId },
    create: { municipalityId, settings: parsed.data },
    update: { settings: parsed.data },
  })
  await audit(deps.prisma, { actorId: actor.userId, action: "observers.settings.saved", subject: String(municipalityId), details: { settings: parsed.data } })
  return { ok: true, settings: parsed.data }
}
