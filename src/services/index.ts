import type { ServiceDeps } from "./deps.ts"
import { createInvite, listOpenInvites, redeemInvite, revokeInvite } from "./access/invites.ts"
import type { Actor, RoleName } from "./access/roles.ts"
import { resolveActor, setLanguage, systemActor, type TelegramProfile } from "./access/users.ts"
import { enqueue, enqueueMany, isBlocked } from "./notifications/outbox.ts"
import { createIntake } from "./intake/flow.ts"
import { createSpecs } from "./specs/specs.ts"
import { createTemplates } from "./templates/templates.ts"
import { createDirectory } from "./schools/directory.ts"
import { createAnalysisViews } from "./analysis/views.ts"
import { onRunStored } from "./analysis/stored-runs.ts"
import { createRisk } from "./risk/index.ts"
import { changeSetting, currentSettings, saveSettings, toggleSign } from "./analysis/settings-store.ts"
import type { ChatIdInput, OutboxMessage } from "./notifications/payload.ts"
import type { Job } from "./scheduling/jobs.ts"
import { DROP_REFUSED_EVERY_MS, dropRefusedBytes } from "./uploads/uploads.ts"
import { FIND_INTERRUPTED_EVERY_MS, markInterruptedUploads, STALE_READING_MS } from "./uploads/interrupted.ts"
import { createTranslator } from "../i18n.ts"
import { createSchedule } from "./schedule/schedule.ts"
import { createDeadlines } from "./deadlines/index.ts"
import { createCalendarAdmin } from "./calendar/calendar.ts"
import { createKdrScales } from "./kdr/scales.ts"
import { createObservers } from "./observers/index.ts"
import { keyValueStore, type KeyValueAdapter } from "./storage/key-value.ts"
import { createHotline } from "./hotline/index.ts"
import { createParents } from "./parents/index.ts"

export interface ServiceOptions {
  adminIds: readonly bigint[]
  inviteTtlHours: number
  defaultTimeZone: string
}

/**
 * The use cases, bound to their dependencies: what the bot, the CLI and the scheduler call. The dependencies stay
 * inside (no `deps` on the surface): whoever holds services reaches the database only through them.
 */
export function createServices(deps: ServiceDeps, options: ServiceOptions) {
  /** Background jobs the services plan on a timer (run by src/scheduler.ts, one instance at a time). */
  const jobs: Job[] = []
  const deadlines = createDeadlines(deps)
  const kdr = createKdrScales(deps, deadlines)
  jobs.push(...deadlines.jobs, kdr.job)
  const hotline = createHotline(deps, { defaultTimeZone: options.defaultTimeZone })
  const parents = createParents(deps)
  jobs.push(...hotline.jobs, ...parents.jobs)
  // A change of the schedule derives its deadlines at once (the planner's timer would, within ten minutes).
  const schedule = createSchedule(deps, { changed: (municipalityIds) => deadlines.planSchedule(municipalityIds) })
  const observers = createObservers(deps, { schedule, defaultTimeZone: options.defaultTimeZone, deadlines })
  jobs.push(...observers.jobs)
  jobs.push({ name: "uploads:drop-refused-bytes", everyMs: DROP_REFUSED_EVERY_MS, run: (now) => dropRefusedBytes(deps, now).then(() => {}) })
  // Uploads cut on an instance that died while others live on (a shared server): found once their parse is overdue.
  jobs.push({
    name: "uploads:mark-interrupted",
    everyMs: FIND_INTERRUPTED_EVERY_MS,
    run: (now) => markInterruptedUploads(deps, new Date(now.getTime() - STALE_READING_MS)).then(() => {}),
  })
  const risk = createRisk(deps, {
    defaultTimeZone: options.defaultTimeZone,
    deadlines,
    // «Наблюдатели на следующей процедуре» in a risk case puts the school first in the observers' next proposal.
    onMeasurePlanned: async (actor, measure) => {
      if (measure.kind !== "observers") return
      const reason = createTranslator(actor.language)("risk-observers-request-reason", { case: measure.caseId })
      await observers.sessions.requestObservers(actor, measure.schoolId, reason)
    },
  })
  onRunStored(deps, risk.afterRunStored)
  // New results close the schools' «загрузить результаты» items and start the analysis deadline at once, not at the
  // planner's next tick (a new run is stored after every results import).
  onRunStored(deps, async (run) => {
    if (!run.outcome.computed) return
    const municipalityIds = [...new Set(run.outcome.analysis.schools.flatMap((school) => (school.municipalityId === null ? [] : [Number(school.municipalityId)])))]
    if (municipalityIds.length > 0) await deadlines.planSchedule(municipalityIds)
  })
  jobs.push(...risk.jobs)
  return {
    settings: { defaultTimeZone: options.defaultTimeZone },
    access: {
      resolveActor: (profile: TelegramProfile) => resolveActor(deps, profile, options.adminIds),
      setLanguage: (actor: Actor, language: "ru" | "en") => setLanguage(deps, actor.userId, language),
      /** `newMunicipality`: the admin confirmed a municipality name unlike the directory's suggestions. */
      createInvite: (actor: Actor, role: RoleName, scope: string | null, newMunicipality = false, municipality: string | null = null) =>
        createInvite(deps, actor, { role, scope, ttlHours: options.inviteTtlHours, newMunicipality, municipality }),
      redeemInvite: (actor: Actor, code: string) => redeemInvite(deps, actor, code),
      listOpenInvites: (actor: Actor) => listOpenInvites(deps, actor),
      revokeInvite: (actor: Actor, inviteId: number) => revokeInvite(deps, actor, inviteId),
      /** The admin actor work from outside Telegram (the command line) is recorded under, by its user's name. */
      systemActor: (name: string) => systemActor(deps, { telegramId: 0n, firstName: name }),
    },
    uploads: {
      /** Uploads whose parse never ended (begun before `startedBefore`, when given): marked interrupted, their senders told. */
      markInterrupted: (startedBefore?: Date) => markInterruptedUploads(deps, startedBefore),
    },
    /** The front door for every workbook sent: results, outside data, the context-data form, a spec. */
    intake: createIntake(deps),
    templates: createTemplates(deps),
    specs: createSpecs(deps),
    directory: createDirectory(deps),
    analysis: createAnalysisViews(deps, { municipalWorkbook: risk.extendMunicipalWorkbook }),
    analysisSettings: {
      current: (actor: Actor) => currentSettings(deps, actor),
      save: (actor: Actor, text: string) => saveSettings(deps, actor, text),
      /** One field of the /settings dialog (settings-fields.ts), typed or chosen. */
      change: (actor: Actor, fieldId: string, input: string) => changeSetting(deps, actor, fieldId, input),
      toggleSign: (actor: Actor, signIndex: number) => toggleSign(deps, actor, signIndex),
    },
    /** Storage the bot keeps its conversations in: JSON values under a key prefix. */
    storage: {
      keyValue: <T>(prefix: string): KeyValueAdapter<T> => keyValueStore<T>(deps.prisma, prefix),
    },
    jobs,
    schedule,
    observers,
    risk,
    deadlines,
    calendar: createCalendarAdmin(deps),
    kdr,
    outbox: {
      enqueue: (message: OutboxMessage) => enqueue(deps, message),
      enqueueMany: (messages: OutboxMessage[]) => enqueueMany(deps, messages),
      isBlocked: (chatId: ChatIdInput) => isBlocked(deps, chatId),
    },
    hotline,
    parents,
  }
}

export type Services = ReturnType<typeof createServices>

/** The analysis of a file on its own, without a database (the command line's `analyze file.xlsx`). */
export { offlineAnalysis } from "./analysis/offline.ts"
