import type { Api } from "grammy"
import { createTelegramSender } from "./bot/telegram-sender.ts"
import type { ServiceDeps } from "./services/deps.ts"
import { createDispatcher, dispatcherOwnerName, type Dispatcher } from "./services/notifications/dispatcher.ts"

/**
 * Background work: the outbox dispatcher delivers every message that is not a direct reply.
 * (Deadline planning will tick here too when the alerts service exists.)
 */
export function startScheduler(deps: ServiceDeps, api: Api): { stop(): Promise<void>; dispatcher: Dispatcher } {
  const dispatcher = createDispatcher(deps, createTelegramSender(api), { owner: dispatcherOwnerName() })
  dispatcher.start()
  return { dispatcher, stop: () => dispatcher.stop() }
}
