import type { Api } from "grammy"
import { createTranslator } from "../i18n.ts"

const COMMANDS = ["start", "help", "hotline", "observers", "upload", "template", "analysis", "risk", "spec", "settings", "deadlines", "schedule", "events", "reports", "calendar", "kdr", "invite", "invites", "move", "language", "cancel"] as const

/** The command list Telegram shows in the menu, in both languages (descriptions from the help texts). */
export async function publishCommands(api: Api): Promise<void> {
  for (const language of ["ru", "en"] as const) {
    const t = createTranslator(language)
    const commands = COMMANDS.map((command) => ({
      command,
      description: t(`help-${command}`, { roles: "…" }).replace(/^\/\w+\s+—\s+/, "").slice(0, 256),
    }))
    await api.setMyCommands(commands, language === "ru" ? {} : { language_code: language })
  }
}
