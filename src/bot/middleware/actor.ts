import type { MiddlewareFn } from "grammy"
import type { Logger } from "../../logger.ts"
import type { Services } from "../../services/index.ts"
import type { BotContext } from "../context.ts"
import type { LanguageMemory } from "../i18n.ts"

/**
 * The first middleware: a logger for this update (its id and sender on every line) and the services, so whatever
 * fails later — in any middleware or feature — is logged with them and the error handler never falls back.
 */
export function attachLogger(services: Services, logger: Logger): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    ctx.services = services
    ctx.log = logger.child({ update: ctx.update.update_id, user: ctx.from?.id })
    return next()
  }
}

/** Attaches the acting user (created on first contact) and remembers their language. */
export function attachActor(services: Services, languages: LanguageMemory): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (!ctx.from || ctx.from.is_bot) return next()
    ctx.actor = await services.access.resolveActor({
      telegramId: ctx.from.id,
      firstName: ctx.from.first_name,
      lastName: ctx.from.last_name,
      username: ctx.from.username,
      languageCode: ctx.from.language_code,
    })
    languages.set(ctx.from.id, ctx.actor.language)
    await next()
  }
}
