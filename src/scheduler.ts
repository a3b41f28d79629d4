import { Api } from "grammy"
import { createTelegramSender } from "./bot/telegram-sender.ts"
import type { ServiceDeps } from "./services/deps.ts"
import { createDispatcher, dispatcherOwnerName, type Dispatcher } from "./services/notifications/dispatcher.ts"

/**
 * Background work: the outbox dispatcher delivers every message that is not a direct reply.
 * (Deadline planning will tick here too when the alerts service exists.)
 */
export function startScheduler(deps: ServiceDeps, api: Api): { stop(): Promise<void>; dispatcher: Dispatcher } {
  // Its own Api without auto-retry: the dispatcher handles 429s itself and must not sleep inside a send.
  const plainApi = new Api(api.token, api.options)
  const dispatcher = createDispatcher(deps, createTelegramSender(plainApi), { owner: dispatcherOwnerName() })
  dispatcher.start()
  return { dispatcher, stop: () => dispatcher.stop() }
}
