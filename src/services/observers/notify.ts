import { nextWorkingMoment } from "../../domain/calendar/working-time.ts"
import { createTranslator, type Translate } from "../../i18n.ts"
import { loadCalendar } from "../calendar/calendar.ts"
import type { ServiceDeps } from "../deps.ts"
import { enqueueMany } from "../notifications/outbox.ts"
import type { InlineKeyboard, OutboxMessage } from "../notifications/payload.ts"
import { coordinatorsOf, type Recipient } from "./scope.ts"

/**
 * Messages of the observer programme that are not direct replies: they go through the outbox, in the recipient's
 * language, with a dedupe key so a job or a retried action never sends one twice.
 */
export type Compose = (t: Translate) => { text: string; keyboard?: InlineKeyboard }

export interface Delivery {
  /** The moment it may go out; default now. `working` moves it into the municipality's working hours. */
  at?: Date | "working"
  timeZone?: string
}

async function notBefore(deps: Pick<ServiceDeps, "prisma" | "clock">, delivery: Delivery): Promise<Date> {
  const now = deps.clock.now()
  if (delivery.at === "working") return nextWorkingMoment(now, delivery.timeZone ?? "Europe/Moscow", await loadCalendar(deps))
  return delivery.at ?? now
}

export async function sendTo(
  deps: Pick<ServiceDeps, "prisma" | "clock">,
  recipients: readonly Pick<Recipient, "telegramId" | "language">[],
  dedupeKey: string,
  compose: Compose,
  delivery: Delivery = {},
): Promise<void> {
  if (recipients.length === 0) return
  const at = await notBefore(deps, delivery)
  const messages: OutboxMessage[] = recipients.map((recipient) => {
    const { text, keyboard } = compose(createTranslator(recipient.language))
    return { chatId: recipient.telegramId, text, ...(keyboard ? { keyboard } : {}), dedupeKey: `${dedupeKey}:${recipient.telegramId}`, notBefore: at }
  })
  await enqueueMany(deps, messages)
}

/** To every coordinator of the municipality. */
export async function sendToCoordinators(
  deps: Pick<ServiceDeps, "prisma" | "clock">,
  municipalityId: number | null,
  dedupeKey: string,
  compose: Compose,
  delivery: Delivery = {},
): Promise<number> {
  if (municipalityId === null) return 0
  const coordinators = await coordinatorsOf(deps, municipalityId)
  await sendTo(deps, coordinators, dedupeKey, compose, delivery)
  return coordinators.length
}

/** Telegram takes 4096 characters: a long text (comments of an act) is cut with a mark rather than refused. */
export function fitMessage(text: string, limit = 4000): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`
}
