import { InlineKeyboard, Keyboard } from "grammy"
import { parseAvailability, type Availability } from "../../domain/observers/availability.ts"
import { normaliseFullName } from "../../domain/observers/profile.ts"
import type { ProfileForm, ProfileView, SchoolRef } from "../../services/observers/profiles.ts"
import type { ConversationContext } from "../context.ts"
import { municipalityButton, schoolButton, sectionButton, signupActionButton } from "../features/observer-buttons.ts"
import { availabilityText, profileText } from "../formatting/observers.ts"
import { tapped, textOf, waitForInput, type Conv } from "./observer-input.ts"

export const OBSERVER_SIGNUP_CONVERSATION = "observer-signup"

/**
 * The observer's profile, asked one answer at a time: full name → phone (Telegram's contact button, the user's own
 * card only) → municipality (unless an invite fixed it) → where they work → where their children study (schools of
 * the municipality, found by name or login) → free days → consent with its text. A second run changes the profile:
 * every step offers to keep the current answer. Nothing is stored until the consent.
 */
export async function observerSignupConversation(conversation: Conv, ctx: ConversationContext) {
  const start = await conversation.external(async (outside) => ({
    profile: await outside.services.observers.profile.own(outside.actor),
    invited: outside.services.observers.profile.invitedMunicipality(outside.actor),
    municipalities: await outside.services.observers.profile.municipalities(),
  }))
  const current = start.profile
  if (start.municipalities.length === 0) {
    await ctx.reply(ctx.t("observers-signup-no-municipalities"))
    return
  }
  await ctx.reply(ctx.t(current ? "observers-signup-edit-intro" : "observers-signup-intro"))

  const fullName = await askName(conversation, ctx, current)
  const contact = await askPhone(conversation, ctx, current)
  const municipalityId = start.invited ?? (await askMunicipality(conversation, ctx, start.municipalities, current))
  const municipalityName = start.municipalities.find((m) => m.id === municipalityId)?.name ?? ""
  const keepSchools = current?.municipalityId === municipalityId
  const workSchoolIds = await pickSchools(conversation, ctx, municipalityId, municipalityName, "w", keepSchools ? current!.work : null)
  const childSchoolIds = await pickSchools(conversation, ctx, municipalityId, municipalityName, "c", keepSchools ? current!.children : null)
  const availability = await askAvailability(conversation, ctx, municipalityId, current)

  await ctx.reply(ctx.t("observers-consent-text"), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t("observers-consent-yes"), signupActionButton.pack({ action: "agree" }))
      .row()
      .text(ctx.t("observers-consent-no"), signupActionButton.pack({ action: "disagree" })),
  })
  const consent = await waitForInput(
    conversation,
    (update) => {
      const action = tapped(update, signupActionButton.unpack)?.action
      return action === "agree" || action === "disagree" ? action : undefined
    },
    (update) => update.reply(ctx.t("observers-use-buttons")),
  )
  await consent.ctx.editMessageReplyMarkup().catch(() => {})
  if (consent.value !== "agree") {
    await ctx.reply(ctx.t(current ? "observers-consent-refused-edit" : "observers-consent-refused"))
    return
  }

  const form: ProfileForm = { fullName, contact, municipalityId, workSchoolIds, childSchoolIds, availability, consent: true }
  const saved = await conversation.external((outside) => outside.services.observers.profile.save(outside.actor, form))
  if (!saved.ok) {
    await ctx.reply([ctx.t("observers-signup-problems"), ...saved.problems.map((problem) => `• ${ctx.t(`observers-problem-${problem}`)}`)].join("\n"))
    return
  }
  const lines = [ctx.t(saved.created ? "observers-signup-saved" : "observers-signup-changed"), "", profileText(ctx.t, saved.profile)]
  if (saved.cancelled) lines.push("", ctx.t("observers-signup-cancelled", { count: saved.cancelled }))
  const next =
    saved.profile.status === "registered"
      ? new InlineKeyboard().text(ctx.t("observers-button-lessons"), sectionButton.pack({ section: "lessons" }))
      : undefined
  if (saved.profile.status === "registered") lines.push("", ctx.t("observers-signup-next"))
  await ctx.reply(lines.join("\n"), next ? { reply_markup: next } : {})
}

function keepKeyboard(ctx: ConversationContext, label: string): InlineKeyboard {
  return new InlineKeyboard().text(ctx.t("observers-keep", { value: label.length > 40 ? `${label.slice(0, 39)}…` : label }), signupActionButton.pack({ action: "keep" }))
}

async function askName(conversation: Conv, ctx: ConversationContext, current: ProfileView | null): Promise<string> {
  await ctx.reply(ctx.t("observers-signup-name"), current ? { reply_markup: keepKeyboard(ctx, current.fullName) } : {})
  const answer = await waitForInput(
    conversation,
    (update) => {
      if (current && tapped(update, signupActionButton.unpack)?.action === "keep") return current.fullName
      const text = textOf(update)
      return text ? (normaliseFullName(text) ?? undefined) : undefined
    },
    (update) => update.reply(ctx.t(update.message?.text ? "observers-signup-name-invalid" : "observers-signup-name")),
  )
  if (answer.ctx.callbackQuery) await answer.ctx.editMessageReplyMarkup().catch(() => {})
  return answer.value
}

async function askPhone(conversation: Conv, ctx: ConversationContext, current: ProfileView | null): Promise<ProfileForm["contact"]> {
  const keyboard = new Keyboard().requestContact(ctx.t("observers-signup-phone-button"))
  if (current) keyboard.row().text(ctx.t("observers-signup-phone-keep"))
  await ctx.reply(ctx.t("observers-signup-phone"), { reply_markup: keyboard.resized().oneTime() })
  const userId = ctx.from?.id ?? 0
  const answer = await waitForInput<ProfileForm["contact"] | "not_own">(
    conversation,
    (update) => {
      const contact = update.message?.contact
      if (contact) return contact.user_id === userId ? { phone: contact.phone_number, userId: contact.user_id } : "not_own"
      if (current && update.message?.text === ctx.t("observers-signup-phone-keep")) return { phone: current.phone, userId }
      return undefined
    },
    (update) => update.reply(ctx.t("observers-signup-phone-use-button")),
  )
  if (answer.value === "not_own") {
    // Someone else's card: refused, and asked again.
    await ctx.reply(ctx.t("observers-signup-phone-not-own"))
    return askPhone(conversation, ctx, current)
  }
  await ctx.reply(ctx.t("observers-signup-phone-saved"), { reply_markup: { remove_keyboard: true } })
  return answer.value
}

async function askMunicipality(conversation: Conv, ctx: ConversationContext, municipalities: { id: number; name: string }[], current: ProfileView | null): Promise<number> {
  if (municipalities.length === 1) return municipalities[0]!.id
  const keyboard = new InlineKeyboard()
  municipalities.slice(0, 40).forEach((municipality, index) => {
    keyboard.text(municipality.name, municipalityButton.pack({ municipalityId: municipality.id }))
    if (index % 2 === 1) keyboard.row()
  })
  await ctx.reply(ctx.t("observers-signup-municipality", { current: current?.municipalityName ?? "" }), { reply_markup: keyboard })
  const answer = await waitForInput(
    conversation,
    (update) => {
      const id = tapped(update, municipalityButton.unpack)?.municipalityId
      return id !== undefined && municipalities.some((municipality) => municipality.id === id) ? id : undefined
    },
    (update) => update.reply(ctx.t("observers-use-buttons")),
  )
  await answer.ctx.editMessageReplyMarkup().catch(() => {})
  return answer.value
}

/**
 * Schools by search, one at a time, until «Готово» (or «Нет» / «Оставить как есть»). `step` keeps the buttons of
 * the work search and of the children's search apart.
 */
async function pickSchools(conversation: Conv, ctx: ConversationContext, municipalityId: number, municipalityName: string, step: "w" | "c", current: SchoolRef[] | null): Promise<number[]> {
  const chosen: SchoolRef[] = []
  const question = ctx.t(step === "w" ? "observers-signup-work" : "observers-signup-children", { municipality: municipalityName })
  const start = new InlineKeyboard().text(ctx.t(step === "w" ? "observers-signup-work-none" : "observers-signup-children-none"), signupActionButton.pack({ action: `none_${step}` }))
  if (current) start.row().text(ctx.t("observers-keep", { value: current.map((school) => school.label).join("; ").slice(0, 40) || ctx.t("observers-none") }), signupActionButton.pack({ action: `keep_${step}` }))
  await ctx.reply(question, { reply_markup: start })
  for (;;) {
    const answer = await waitForInput<{ action: string } | { schoolId: number } | { query: string }>(
      conversation,
      (update) => {
        const action = tapped(update, signupActionButton.unpack)?.action
        if (action && action.endsWith(`_${step}`)) return { action: action.slice(0, -2) }
        const school = tapped(update, schoolButton.unpack)
        if (school && school.step === step) return { schoolId: school.schoolId }
        const text = textOf(update)
        return text ? { query: text } : undefined
      },
      (update) => update.reply(question),
    )
    if ("action" in answer.value) {
      await answer.ctx.editMessageReplyMarkup().catch(() => {})
      if (answer.value.action === "keep" && current) return current.map((school) => school.id)
      if (answer.value.action === "none") return []
      return chosen.map((school) => school.id)
    }
    if ("schoolId" in answer.value) {
      const id = answer.value.schoolId
      await answer.ctx.editMessageReplyMarkup().catch(() => {})
      const [school] = await conversation.external((outside) => outside.services.observers.profile.schoolRefs([id]))
      if (school && !chosen.some((known) => known.id === school.id)) chosen.push(school)
      await ctx.reply(ctx.t("observers-signup-school-added", { schools: chosen.map((known) => known.label).join("; ") }), {
        reply_markup: new InlineKeyboard().text(ctx.t("observers-done"), signupActionButton.pack({ action: `done_${step}` })),
      })
      continue
    }
    const query = answer.value.query
    const found = await conversation.external((outside) => outside.services.observers.profile.searchSchools(municipalityId, query))
    if (found.length === 0) {
      await ctx.reply(ctx.t("observers-signup-school-not-found", { query, municipality: municipalityName }))
      continue
    }
    const keyboard = new InlineKeyboard()
    for (const school of found) keyboard.text(school.label, schoolButton.pack({ step, schoolId: school.id })).row()
    await ctx.reply(ctx.t("observers-signup-school-choose"), { reply_markup: keyboard })
  }
}

async function askAvailability(conversation: Conv, ctx: ConversationContext, municipalityId: number, current: ProfileView | null): Promise<Availability> {
  const today = await conversation.external((outside) => outside.services.observers.sessions.today(municipalityId))
  const keyboard = new InlineKeyboard().text(ctx.t("observers-any-day"), signupActionButton.pack({ action: "anyday" }))
  if (current) keyboard.row().text(ctx.t("observers-keep", { value: availabilityText(ctx.t, current.availability).slice(0, 40) }), signupActionButton.pack({ action: "keepdays" }))
  await ctx.reply(ctx.t("observers-signup-availability"), { reply_markup: keyboard })
  let problem = ""
  const answer = await waitForInput<Availability>(
    conversation,
    (update) => {
      const action = tapped(update, signupActionButton.unpack)?.action
      if (action === "anyday") return { any: true, weekdays: [], dates: [] }
      if (action === "keepdays" && current) return current.availability
      const text = textOf(update)
      if (!text) return undefined
      const parsed = parseAvailability(text, today)
      if (parsed.ok) return parsed.availability
      problem = "unknown" in parsed ? ctx.t("observers-signup-availability-unknown", { words: parsed.unknown.join(", ") }) : ctx.t("observers-signup-availability")
      return undefined
    },
    async (update) => {
      await update.reply(problem || ctx.t("observers-signup-availability"))
      problem = ""
    },
  )
  if (answer.ctx.callbackQuery) await answer.ctx.editMessageReplyMarkup().catch(() => {})
  await ctx.reply(ctx.t("observers-signup-availability-saved", { days: availabilityText(ctx.t, answer.value) }))
  return answer.value
}
