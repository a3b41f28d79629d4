import type { Conversation } from "@grammyjs/conversations"
import { parseRuleText } from "../../domain/deadlines/rule-text.ts"
import { RULE_NAMES, type DeadlineRules, type RuleName } from "../../domain/deadlines/rules.ts"
import { coordinatedMunicipalities } from "../../services/access/roles.ts"
import type { BotContext, ConversationContext } from "../context.ts"
import { ruleValue } from "../formatting/rules.ts"

export const RULES_CONVERSATION = "deadline-rules"

/** A coordinator changes one timing rule of their municipality by writing the new value («7 рабочих», «выкл»). */
export async function rulesConversation(conversation: Conversation<BotContext, ConversationContext>, ctx: ConversationContext, lowerName: string) {
  const name = RULE_NAMES.find((candidate) => candidate.toLowerCase() === lowerName) as RuleName | undefined
  const current = await conversation.external(async (outside) => {
    const municipalityId = coordinatedMunicipalities(outside.actor)[0]
    if (municipalityId === undefined) return null
    const rules = await outside.services.deadlines.rules(outside.actor, municipalityId)
    return rules ? { municipalityId, rules } : null
  })
  if (!name || !current) {
    await ctx.reply(ctx.t("rules-not-allowed"))
    return
  }
  await ctx.reply(ctx.t("rules-ask", { rule: ctx.t(`rule-name-${name}`), value: ruleValue(ctx.t, name, current.rules), hint: ctx.t(`rules-example-${name}`) }))
  for (let attempt = 0; attempt < 3; attempt++) {
    const answer = await conversation.waitFor("message:text", { otherwise: (other) => other.reply(ctx.t("rules-send-text")) })
    const parsed = parseRuleText(name, answer.message.text)
    if (!parsed.ok) {
      await ctx.reply(ctx.t(parsed.hint))
      continue
    }
    const saved = await conversation.external((outside) => outside.services.deadlines.saveRules(outside.actor, current.municipalityId, { [name]: parsed.change }))
    if (saved.ok) {
      await ctx.reply(ctx.t("rules-saved", { rule: ctx.t(`rule-name-${name}`), value: ruleValue(ctx.t, name, saved.rules as DeadlineRules) }))
      return
    }
    if (saved.reason === "not_allowed") {
      await ctx.reply(ctx.t("rules-not-allowed"))
      return
    }
    await ctx.reply(saved.problems.map((problem) => ctx.t(problem.message, problem.params ?? {})).join("\n"))
  }
  await ctx.reply(ctx.t("rules-gave-up"))
}
