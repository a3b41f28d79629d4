import { Api } from "grammy"
import { createTelegramSender } from "./bot/telegram-sender.ts"
import type { ServiceDeps } from "./services/deps.ts"
import { createDispatcher, dispatcherOwnerName, type Dispatcher } from "./services/notifications/dispatcher.ts"
import { createJobRunner, type Job, type JobRunner } from "./services/scheduling/jobs.ts"

export interface Scheduler {
  dispatcher: Dispatcher
  jobs: JobRunner
  /** How many times the job runner has looked for due jobs (for tests and health output). */
  ticks(): number
  stop(): Promise<void>
}

/**
 * Background work: the outbox dispatcher delivers every message that is not a direct reply, and the services'
 * jobs (alerts, reminders, service levels) run on a timer, each in one instance at a time.
 */
export function startScheduler(deps: ServiceDeps, api: Api, jobs: readonly Job[], options: { tickMs?: number } = {}): Scheduler {
  const owner = dispatcherOwnerName()
  // Its own Api without auto-retry: the dispatcher handles 429s itself and must not sleep inside a send.
  const plainApi = new Api(api.token, api.options)
  const dispatcher = createDispatcher(deps, createTelegramSender(plainApi), { owner })
  dispatcher.start()
  const runner = createJobRunner(deps, jobs, { owner })
  const tickMs = options.tickMs ?? 30_000
  let stopped = false
  let current: Promise<unknown> = Promise.resolve()
  let ticks = 0
  const loop = async () => {
    while (!stopped) {
      current = runner.runDue().catch((error) => deps.logger.error({ err: error }, "job runner failed"))
      await current
      ticks++
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, tickMs)
        timer.unref()
        stopWaiting = () => {
          clearTimeout(timer)
          resolve(undefined)
        }
      })
    }
  }
  let stopWaiting = () => {}
  if (jobs.length > 0) void loop()
  return {
    dispatcher,
    jobs: runner,
    ticks: () => ticks,
    async stop() {
      stopped = true
      stopWaiting()
      await current
      await dispatcher.stop()
    },
  }
}
