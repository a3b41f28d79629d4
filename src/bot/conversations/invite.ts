import type { Conversation } from "@grammyjs/conversations"
import { InlineKeyboard } from "grammy"
import { grantableRoles, isAdmin, scopeKindOf, type RoleName } from "../../services/access/roles.ts"
import { callbackData } from "../callback-data.ts"
import type { BotContext, ConversationContext } from "../context.ts"
import { askWithButtons } from "./tap-on.ts"
import { roleName } from "../formatting/roles.ts"

export const INVITE_CONVERSATION = "invite"
/** The role an invite is for. */
const inviteRole = callbackData("inv", { role: "word" })
/** "Did you mean": the index of a suggested municipality, or the number of suggestions for the name as typed. */
const municipalityPick = callbackData("inv:m", { pick: "int" })

/** Role → (school login | municipality name) → a one-time deep link. */
export async function inviteConversation(conversation: Conversation<BotContext, ConversationContext>, ctx: ConversationContext) {
  const allowed = await conversation.external((outside) => ({
    roles: grantableRoles(outside.actor),
    admin: isAdmin(outside.actor),
    timeZone: outside.services.settings.defaultTimeZone,
  }))
  if (allowed.roles.length === 0) {
    await ctx.reply(ctx.t("invite-not-allowed"))
    return
  }
  const keyboard = new InlineKeyboard()
  for (const role of allowed.roles) keyboard.text(roleName(ctx.t, role), inviteRole.pack({ role })).row()
  const choice = await askWithButtons(conversation, ctx, { text: ctx.t("invite-choose-role"), keyboard, filter: inviteRole.filter, remind: ctx.t("pick-use-buttons") })
  const role = inviteRole.unpack(choice.data)!.role as RoleName
  if (!allowed.roles.includes(role)) return

  let scope: string | null = null
  const scopeKind = scopeKindOf(role)
  if (scopeKind === "school" || (scopeKind === "municipality" && allowed.admin)) {
    const question = ctx.t(scopeKind === "school" ? "invite-ask-school" : "invite-ask-municipality")
    await ctx.reply(question)
    const answer = await conversation.waitFor("message:text", { otherwise: (other) => other.reply(question) })
    scope = answer.message.text
  }
  // A school the directory does not place: an admin names its municipality (asked once the login is known).
  let municipality: string | null = null
  const create = (newMunicipality: boolean) =>
    conversation.external(async (outside) => {
      const result = await outside.services.access.createInvite(outside.actor, role, scope, newMunicipality, municipality)
      return result.ok ? { ...result, expiresAt: result.expiresAt.toISOString() } : result // JSON-safe for replay
    })
  const withMunicipality = (text: string | null, newMunicipality: boolean) => {
    if (scopeKind === "school") municipality = text
    else scope = text
    return create(newMunicipality)
  }
  let outcome = await create(false)
  if (!outcome.ok && outcome.reason === "school_municipality_expected") {
    const question = ctx.t("invite-ask-school-municipality", { login: outcome.login })
    await ctx.reply(question)
    municipality = (await conversation.waitFor("message:text", { otherwise: (other) => other.reply(question) })).message.text
    outcome = await create(false)
  }
  const typed = scopeKind === "school" ? municipality : scope
  if (!outcome.ok && outcome.reason === "municipality_did_you_mean") {
    const suggestions = outcome.suggestions
    const choices = new InlineKeyboard()
    suggestions.forEach((name, pick) => choices.text(name, municipalityPick.pack({ pick })).row())
    choices.text(ctx.t("invite-municipality-new", { name: typed ?? "" }), municipalityPick.pack({ pick: suggestions.length }))
    const question = ctx.t("invite-municipality-did-you-mean", { name: typed ?? "" })
    await ctx.reply(question, { reply_markup: choices })
    const picked = await conversation.waitForCallbackQuery(municipalityPick.filter, {
      otherwise: (other) => other.reply(question, { reply_markup: choices }),
    })
    await picked.answerCallbackQuery()
    await picked.editMessageReplyMarkup({ reply_markup: new InlineKeyboard() })
    const pick = municipalityPick.unpack(picked.callbackQuery.data)!.pick
    outcome = pick < suggestions.length ? await withMunicipality(suggestions[pick]!, false) : await withMunicipality(typed, true)
  }
  if (!outcome.ok) {
    const reason = outcome.reason === "not_allowed" ? (outcome.outside.length === 0 ? "role_not_allowed" : "out_of_scope") : outcome.reason
    await ctx.reply(ctx.t(`invite-error-${reason}`, { login: "login" in outcome ? outcome.login : "" }))
    return
  }
  const link = `https://t.me/${ctx.me.username}?start=${outcome.code}`
  const expires = new Date(outcome.expiresAt).toLocaleString(ctx.from?.language_code === "en" ? "en-GB" : "ru-RU", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: allowed.timeZone,
  })
  await ctx.reply(
    ctx.t("invite-created", { role: roleName(ctx.t, role), scope: outcome.scopeLabel ?? "none", link, expires }),
    { link_preview_options: { is_disabled: true } },
  )
}
