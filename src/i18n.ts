import path from "node:path"
import { I18n } from "@grammyjs/i18n"

/** Every user-facing text lives in locales/<language>/*.ftl (Russian first). */
export const LOCALES_DIR = path.resolve(import.meta.dirname, "../locales")
export type Language = "ru" | "en"
export type Translate = (key: string, params?: Record<string, string | number>) => string

let shared: I18n | undefined

/** Translation outside the bot: CLI, reports, outbox texts. */
export function createTranslator(language: Language = "ru"): Translate {
  shared ??= new I18n({ defaultLocale: "ru", directory: LOCALES_DIR, fluentBundleOptions: { useIsolating: false } })
  const i18n = shared
  return (key, params) => i18n.t(language, key, params)
}
