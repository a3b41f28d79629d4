import { Composer, InlineKeyboard } from "grammy"
import { callbackData, onCallback } from "../callback-data.ts"
import type { BotContext } from "../context.ts"
import type { LanguageMemory } from "../i18n.ts"
import { onMenu } from "../keyboards/menu.ts"

/** «Русский», «English»: one kind per language, so nothing else is taken for a language. */
const languageButtons = { ru: callbackData("lang:ru"), en: callbackData("lang:en") } as const

export function languageFeature(languages: LanguageMemory) {
  const feature = new Composer<BotContext>()
  const keyboard = new InlineKeyboard().text("Русский", languageButtons.ru.pack({})).text("English", languageButtons.en.pack({}))
  const ask = (ctx: BotContext) => ctx.reply(ctx.t("language-choose"), { reply_markup: keyboard })

  feature.command("language", ask)
  onMenu(feature, "language", ask)
  for (const language of ["ru", "en"] as const) {
    onCallback(feature, languageButtons[language], async (ctx) => {
      await ctx.services.access.setLanguage(ctx.actor, language)
      ctx.actor.language = language
      languages.set(ctx.from.id, language)
      ctx.i18n.useLocale(language)
      await ctx.editMessageText(ctx.t("language-set"))
    })
  }
  return feature
}
