import { Api, GrammyError, HttpError } from "grammy"
import type { UserFromGetMe } from "grammy/types"
import type { Logger } from "./logger.ts"

export interface ConnectOptions {
  /** Attempts before giving up (default 8: about two and a half minutes of waiting). */
  attempts?: number
  /** The first wait; each next one doubles up to `maxDelayMs` (defaults 2 s and 30 s). */
  firstDelayMs?: number
  maxDelayMs?: number
  /** Replaced in tests so no test waits on the clock. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  signal?: AbortSignal
}

/** Start-up could not reach Telegram or Telegram refused the token: the message says which and what to do. */
export class TelegramStartupError extends Error {}

/**
 * Asks Telegram who the bot is, with a plain Api (no auto-retry, which would retry network errors silently for
 * ever with waits growing to an hour). Every failed attempt is logged with the wait before the next one; the waits
 * are capped, and after the last attempt start-up stops with a message that says what is wrong.
 */
export async function connectToTelegram(
  token: string,
  apiRoot: string | undefined,
  logger: Logger,
  options: ConnectOptions = {},
): Promise<UserFromGetMe> {
  const api = new Api(token, apiRoot ? { apiRoot } : {})
  const attempts = options.attempts ?? 8
  const maxDelayMs = options.maxDelayMs ?? 30_000
  const sleep = options.sleep ?? abortableSleep
  const where = apiRoot ?? "https://api.telegram.org"
  let delayMs = options.firstDelayMs ?? 2_000
  let lastProblem = ""
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      // grammY types its signal with the abort-controller shim; the runtime takes the native one.
      const me = await api.getMe(options.signal as Parameters<Api["getMe"]>[0])
      if (attempt > 1) logger.info({ attempt }, "Telegram reachable again")
      return me
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason ?? error
      if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
        throw new TelegramStartupError(
          `Telegram refused BOT_TOKEN (${error.error_code} ${error.description}): copy the token again from @BotFather.`,
        )
      }
      if (!(error instanceof HttpError) && !(error instanceof GrammyError && error.error_code >= 500)) throw error
      lastProblem = describe(error)
      if (attempt === attempts) break
      logger.warn(
        { attempt, of: attempts, nextAttemptInSeconds: delayMs / 1000, problem: lastProblem },
        `Telegram is not reachable at ${where} (${lastProblem}); attempt ${attempt} of ${attempts}, next in ${delayMs / 1000} s`,
      )
      await sleep(delayMs, options.signal)
      delayMs = Math.min(maxDelayMs, delayMs * 2)
    }
  }
  throw new TelegramStartupError(
    `Could not reach Telegram at ${where} after ${attempts} attempts (${lastProblem}). ` +
      `Check the internet connection, a proxy or firewall, or TELEGRAM_API_ROOT. ` +
      `To try the bot without Telegram, start it without BOT_TOKEN: it opens a local sandbox.`,
  )
}

function describe(error: unknown): string {
  if (error instanceof GrammyError) return `${error.error_code} ${error.description}`
  if (error instanceof HttpError) {
    const cause = error.error as { code?: string; cause?: { code?: string }; message?: string } | undefined
    return cause?.cause?.code ?? cause?.code ?? cause?.message ?? error.message
  }
  return String(error)
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms)
    function done() {
      signal?.removeEventListener("abort", abort)
      resolve()
    }
    function abort() {
      clearTimeout(timer)
      reject(signal!.reason ?? new Error("aborted"))
    }
    signal?.addEventListener("abort", abort, { once: true })
  })
}
