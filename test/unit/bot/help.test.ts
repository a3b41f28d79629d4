/** /help and the command menu name the admin's directory commands (/invites, /move), in both languages. */
import type { Api } from "grammy"
import { describe, expect, it } from "vitest"
import { publishCommands } from "../../../src/bot/commands.ts"
import { helpText } from "../../../src/bot/features/help.ts"
import { createTranslator } from "../../../src/i18n.ts"
import type { Actor, Grant, RoleName } from "../../../src/services/access/roles.ts"

/** The bot's ctx.t takes Fluent variables; the plain translator serves the same messages. */
const translator = (language: "ru" | "en") => createTranslator(language) as unknown as Parameters<typeof helpText>[0]

function actor(role: RoleName | null, language: "ru" | "en" = "ru"): Actor {
  const grants: Grant[] = role ? [{ role, schoolId: role === "teacher" ? 1 : null, municipalityId: role === "municipal_coordinator" ? 1 : null, schoolMunicipalityId: null }] : []
  return { userId: 1, telegramId: "1", firstName: "Ольга", language, grants }
}

describe("help by role", () => {
  it("shows the admin /invites and /move, in Russian and in English", () => {
    const ru = helpText(translator("ru"), actor("admin"))
    expect(ru).toContain("/invites — открытые приглашения")
    expect(ru).toContain("/move — перенести школу в другой муниципалитет")
    const en = helpText(translator("en"), actor("admin", "en"))
    expect(en).toContain("/invites — open invites")
    expect(en).toContain("/move — move a school")
  })

  it("shows a coordinator her invites but not /move; a teacher neither", () => {
    const coordinator = helpText(translator("ru"), actor("municipal_coordinator"))
    expect(coordinator).toContain("/invites")
    expect(coordinator).not.toContain("/move")
    const teacher = helpText(translator("ru"), actor("teacher"))
    expect(teacher).not.toContain("/invites")
    expect(teacher).not.toContain("/move")
  })
})

describe("the command menu", () => {
  it("lists /invites and /move with plain descriptions in both languages", async () => {
    const published: { commands: { command: string; description: string }[]; language?: string }[] = []
    const api = {
      setMyCommands: async (commands: { command: string; description: string }[], options: { language_code?: string }) => {
        published.push({ commands, ...(options.language_code ? { language: options.language_code } : {}) })
        return true
      },
    } as unknown as Api
    await publishCommands(api)
    expect(published).toHaveLength(2)
    for (const { commands } of published) {
      const byName = new Map(commands.map((entry) => [entry.command, entry.description]))
      expect(byName.get("invites")).toBeTruthy()
      expect(byName.get("move")).toBeTruthy()
      expect(byName.get("move")).not.toMatch(/^\/move/)
    }
    expect(published[0]!.commands.find((entry) => entry.command === "invites")!.description).toBe("открытые приглашения: посмотреть и отозвать")
    expect(published[1]!.commands.find((entry) => entry.command === "move")!.description).toMatch(/^move a school/)
  })
})
