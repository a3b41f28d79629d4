import type { ServiceDeps } from "./deps.ts"
import { createInvite, redeemInvite } from "./access/invites.ts"
import type { Actor, RoleName } from "./access/roles.ts"
import { resolveActor, setLanguage, type TelegramProfile } from "./access/users.ts"
import { enqueue, enqueueMany, isBlocked } from "./notifications/outbox.ts"
import { createIntake } from "./results/intake.ts"
import { createAnalysisDelivery } from "./analysis/delivery.ts"
import { onRunStored } from "./analysis/runs.ts"
import { createRisk } from "./risk/index.ts"
import { currentSettings, saveSettings } from "./analysis/settings-store.ts"
import type { ChatIdInput, OutboxMessage } from "./notifications/payload.ts"
import type { Job } from "./scheduling/jobs.ts"
import { createTranslator } from "../i18n.ts"
import { createSchedule } from "./schedule/schedule.ts"
import { createObservers } from "./observers/index.ts"
import { keyValueStore, type KeyValueAdapter } from "./storage/key-value.ts"
import { createHotline } from "./hotline/index.ts"
import { createParents } from "./parents/index.ts"

export interface ServiceOptions {
  adminIds: readonly bigint[]
  inviteTtlHours: number
  defaultTimeZone: string
}

/** The use cases, bound to their dependencies: what the bot, the CLI and the scheduler call. */
export function createServices(deps: ServiceDeps, options: ServiceOptions) {
  /** Background jobs the services plan on a timer (run by src/scheduler.ts, one instance at a time). */
  const jobs: Job[] = []
  const hotline = createHotline(deps, { defaultTimeZone: options.defaultTimeZone })
  const parents = createParents(deps)
  jobs.push(...hotline.jobs, ...parents.jobs)
  const schedule = createSchedule(deps)
  const observers = createObservers(deps, { schedule, defaultTimeZone: options.defaultTimeZone })
  jobs.push(...observers.jobs)
  const risk = createRisk(deps, {
    defaultTimeZone: options.defaultTimeZone,
    // «Наблюдатели на следующей процедуре» in a risk case puts the school first in the observers' next proposal.
    onMeasurePlanned: async (actor, measure) => {
      if (measure.kind !== "observers") return
      const reason = createTranslator(actor.language)("risk-observers-request-reason", { case: measure.caseId })
      await observers.sessions.requestObservers(actor, measure.schoolId, reason)
    },
  })
  onRunStored(deps, risk.afterRunStored)
  jobs.push(...risk.jobs)
  return {
    deps,
    settings: { defaultTimeZone: options.defaultTimeZone },
    access: {
      resolveActor: (profile: TelegramProfile) => resolveActor(deps, profile, options.adminIds),
      setLanguage: (actor: Actor, language: "ru" | "en") => setLanguage(deps, actor.userId, language),
      createInvite: (actor: Actor, role: RoleName, scope: string | null) =>
        createInvite(deps, actor, { role, scope, ttlHours: options.inviteTtlHours }),
      redeemInvite: (actor: Actor, code: string) => redeemInvite(deps, actor, code),
    },
    intake: createIntake(deps),
    analysis: createAnalysisDelivery(deps, { municipalWorkbook: risk.extendMunicipalWorkbook }),
    analysisSettings: {
      current: (actor: Actor) => currentSettings(deps, actor),
      save: (actor: Actor, text: string) => saveSettings(deps, actor, text),
    },
    /** Storage the bot keeps its conversations in: JSON values under a key prefix. */
    storage: {
      keyValue: <T>(prefix: string): KeyValueAdapter<T> => keyValueStore<T>(deps.prisma, prefix),
    },
    jobs,
    schedule,
    observers,
    risk,
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
