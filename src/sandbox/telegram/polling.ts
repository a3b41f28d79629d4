import type { Bot, Context } from "grammy"

export interface RunningBot {
  /** Stops long polling (grammY aborts the pending getUpdates) and waits for the polling loop to end. */
  stop(): Promise<void>
  /** Errors the bot's handlers threw (also reported by `bot.catch` if the test installs one). */
  readonly errors: unknown[]
}

/**
 * Starts `bot.start()` long polling and resolves once it polls. A short `timeoutSeconds` keeps a stuck test short;
 * handler errors are collected instead of stopping the bot.
 */
export async function startPolling<C extends Context>(bot: Bot<C>, options: { timeoutSeconds?: number } = {}): Promise<RunningBot> {
  const errors: unknown[] = []
  bot.catch((error) => {
    errors.push(error.error)
  })
  let polling: Promise<void> = Promise.resolve()
  await new Promise<void>((resolve, reject) => {
    polling = bot.start({ timeout: options.timeoutSeconds ?? 1, onStart: () => resolve() })
    polling.catch(reject)
  })
  return {
    errors,
    async stop() {
      if (bot.isRunning()) await bot.stop()
      await polling.catch(() => undefined)
    },
  }
}
