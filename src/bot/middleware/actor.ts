import type { MiddlewareFn } from "grammy"
import type { Logger } from "../../logger.ts"
import type { Services } from "../../services/index.ts"
import type { BotContext } from "../context.ts"
import type { LanguageMemory } from "../i18n.ts"

/** Attaches services, a per-update logger and the acting user (created on first contact). */
export function attachActor(services: Services, logger: Logger, languages: LanguageMemory): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    ctx.services = services
    ctx.log = logger.child({ update: ctx.update.update_id, user: ctx.from?.id })
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
