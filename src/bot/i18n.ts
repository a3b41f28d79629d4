import { I18n } from "@grammyjs/i18n"
import type { Context } from "grammy"
import { LOCALES_DIR } from "../i18n.ts"

export { createTranslator } from "../i18n.ts"

/**
 * Languages by Telegram user id, filled by the actor middleware. Conversations replay without our
 * context extras, so their i18n reads the language from here (falling back to Russian).
 */
export type LanguageMemory = Map<number, "ru" | "en">

export function createI18n<C extends Context>(languages: LanguageMemory): I18n<C> {
  return new I18n<C>({
    defaultLocale: "ru",
    directory: LOCALES_DIR,
    useSession: false,
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => (ctx.from ? languages.get(ctx.from.id) : undefined) ?? "ru",
  })
}
