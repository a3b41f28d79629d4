import { InlineKeyboard, type Composer } from "grammy"
import { grantableRoles, hasRole, type Actor } from "../../services/access/roles.ts"
import { callbackData } from "../callback-data.ts"
import type { BotContext } from "../context.ts"

type Translate = (key: string, params?: Record<string, string | number>) => string

/** A section of the main menu (`menu:upload`, `menu:analysis` …); the feature that owns a section routes it with onMenu. */
export const menuSection = callbackData("menu", { section: "word" })

/** The main menu shows only what this user may open. */
export function mainMenu(t: Translate, actor: Actor): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  const section = (name: string) => menuSection.pack({ section: name })
  if (hasRole(actor, "teacher", "school_coordinator", "municipal_coordinator")) {
    keyboard.text(t("menu-upload"), section("upload")).text(t("menu-analysis"), section("analysis")).row()
  }
  // Anyone may sign up as a public observer.
  keyboard.text(t("menu-observers"), section("observers")).row()
  keyboard.text(t("menu-hotline"), section("hotline")).row()
  if (actor.grants.length > 0) keyboard.text(t("menu-alerts"), section("alerts")).row()
  if (hasRole(actor, "school_coordinator", "municipal_coordinator")) keyboard.text(t("risk-menu"), section("risk")).row()
  if (grantableRoles(actor).length > 0) keyboard.text(t("menu-invite"), section("invite")).row()
  keyboard.text(t("menu-language"), section("language"))
  return keyboard
}

/** Routes taps on one section of the main menu, answering the tap at once. */
export function onMenu<C extends BotContext>(composer: Composer<C>, section: string, handler: (ctx: C) => Promise<unknown> | unknown): void {
  composer.callbackQuery(menuSection.pack({ section }), async (ctx) => {
    await ctx.answerCallbackQuery().catch(() => {}) // an answer that comes too late must not cancel the work
    await handler(ctx)
  })
}
