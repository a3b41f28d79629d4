import { Composer, InlineKeyboard } from "grammy"
import type { BotContext } from "../context.ts"
import type { LanguageMemory } from "../i18n.ts"

export function languageFeature(languages: LanguageMemory) {
  const feature = new Composer<BotContext>()
  const keyboard = new InlineKeyboard().text("Русский", "lang:ru").text("English", "lang:en")
  const ask = (ctx: BotContext) => ctx.reply(ctx.t("language-choose"), { reply_markup: keyboard })

  feature.command("language", ask)
  feature.callbackQuery("menu:language", async (ctx) => {
    await ctx.answerCallbackQuery()
    await ask(ctx)
  })
  feature.callbackQuery(/^lang:(ru|en)$/, async (ctx) => {
    const language = ctx.match[1] as "ru" | "en"
    await ctx.services.access.setLanguage(ctx.actor, language)
    ctx.actor.language = language
    languages.set(ctx.from.id, language)
    ctx.i18n.useLocale(language)
    await ctx.answerCallbackQuery()
    await ctx.editMessageText(ctx.t("language-set"))
  })
  return feature
}
