import { InlineKeyboard } from "grammy"
import { grantableRoles, hasRole, type Actor } from "../../services/access/roles.ts"

type Translate = (key: string, params?: Record<string, string | number>) => string

/** The main menu shows only what this user may open. */
export function mainMenu(t: Translate, actor: Actor): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  if (hasRole(actor, "teacher", "school_coordinator", "municipal_coordinator")) {
    keyboard.text(t("menu-upload"), "menu:upload").text(t("menu-analysis"), "menu:analysis").row()
  }
  // Anyone may sign up as a public observer.
  keyboard.text(t("menu-observers"), "menu:observers").row()
  keyboard.text(t("menu-hotline"), "menu:hotline").row()
  if (hasRole(actor, "school_coordinator", "municipal_coordinator")) keyboard.text(t("menu-alerts"), "menu:alerts").row()
  if (hasRole(actor, "school_coordinator", "municipal_coordinator")) keyboard.text(t("risk-menu"), "menu:risk").row()
  if (grantableRoles(actor).length > 0) keyboard.text(t("menu-invite"), "menu:invite").row()
  keyboard.text(t("menu-language"), "menu:language")
  return keyboard
}
