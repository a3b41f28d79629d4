import { Composer } from "grammy"
import { grantableRoles, hasRole, isAdmin, type Actor } from "../../services/access/roles.ts"
import type { BotContext } from "../context.ts"
import { roleName } from "../formatting/roles.ts"

export const helpFeature = new Composer<BotContext>()

helpFeature.command("help", (ctx) => ctx.reply(helpText(ctx.t, ctx.actor)))

type Translate = BotContext["t"]

/** Lists what *this* user can do: the commands of their roles only. */
export function helpText(t: Translate, actor: Actor): string {
  const lines = [t("help-title"), t("help-start"), t("help-help"), t("help-language"), t("help-cancel"), t("help-hotline"), t("help-observers")]
  if (hasRole(actor, "teacher", "school_coordinator", "municipal_coordinator")) {
    lines.push(t("help-upload"), t("help-template"), t("help-analysis"))
  }
  if (hasRole(actor, "municipal_coordinator")) lines.push(t("help-spec"), t("help-settings"), t("help-kdr"))
  if (hasRole(actor, "hotline_specialist", "municipal_coordinator")) lines.push(t("help-tickets"))
  if (hasRole(actor, "school_coordinator", "municipal_coordinator")) lines.push(t("help-broadcast"), t("help-schedule"))
  if (hasRole(actor, "municipal_coordinator", "school_coordinator")) lines.push(t("help-risk"))
  if (actor.grants.length > 0) lines.push(t("help-deadlines"), t("help-events"), t("help-reports"), t("help-calendar"))
  const grantable = grantableRoles(actor)
  if (grantable.length > 0) lines.push(t("help-invite", { roles: grantable.map((role) => roleName(t, role)).join(", ") }), t("help-invites"))
  if (isAdmin(actor)) lines.push(t("help-move"))
  if (actor.grants.length === 0) lines.push("", t("help-parent"))
  return lines.join("\n")
}
