import { autoRetry } from "@grammyjs/auto-retry"
import { conversations, createConversation } from "@grammyjs/conversations"
import { Bot, BotError, type BotConfig, type Transformer } from "grammy"
import type { Logger } from "../logger.ts"
import type { Services } from "../services/index.ts"
import { isDatabaseUnavailable } from "../services/unavailable.ts"
import type { BotContext, ConversationContext } from "./context.ts"
import { inviteConversation, INVITE_CONVERSATION } from "./conversations/invite.ts"
import { templateConversation, TEMPLATE_CONVERSATION } from "./conversations/template.ts"
import { awaitsCorrectedSpec, uploadConversation, UPLOAD_CONVERSATION } from "./conversations/upload.ts"
import { uploadFeature } from "./features/upload.ts"
import { specConversation, SPEC_CONVERSATION } from "./conversations/spec.ts"
import { settingsConversation, SETTINGS_CONVERSATION } from "./conversations/settings.ts"
import { settingValueConversation, SETTING_VALUE_CONVERSATION } from "./conversations/setting-value.ts"
import { settingsFeature } from "./features/settings.ts"
import { analysisFeature } from "./features/analysis.ts"
import { deadlinesFeature } from "./features/deadlines.ts"
import { scheduleFeature } from "./features/schedule.ts"
import { calendarFeature } from "./features/calendar.ts"
import { rulesConversation, RULES_CONVERSATION } from "./conversations/deadline-rules.ts"
import { scheduleEntryConversation, scheduleUploadConversation, SCHEDULE_ENTRY_CONVERSATION, SCHEDULE_UPLOAD_CONVERSATION } from "./conversations/schedule.ts"
import { calendarConversation, CALENDAR_CONVERSATION } from "./conversations/calendar.ts"
import { eventConversation, EVENT_CONVERSATION } from "./conversations/events.ts"
import { reportRequestConversation, reportUploadConversation, REPORT_REQUEST_CONVERSATION, REPORT_UPLOAD_CONVERSATION } from "./conversations/reports.ts"
import { eventsFeature } from "./features/events.ts"
import { reportsFeature } from "./features/reports.ts"
import { kdrFeature } from "./features/kdr.ts"
import { kdrSharesConversation, KDR_SHARES_CONVERSATION } from "./conversations/kdr.ts"
import { riskFeature } from "./features/risk.ts"
import {
  riskMeasureConversation,
  riskScoresConversation,
  riskTextConversation,
  RISK_MEASURE_CONVERSATION,
  RISK_SCORES_CONVERSATION,
  RISK_TEXT_CONVERSATION,
} from "./conversations/risk.ts"
import { observersFeature } from "./features/observers.ts"
import { observerActConversation, OBSERVER_ACT_CONVERSATION } from "./conversations/observer-act.ts"
import { observerRejectConversation, OBSERVER_REJECT_CONVERSATION } from "./conversations/observer-reject.ts"
import { observerSessionConversation, OBSERVER_SESSION_CONVERSATION } from "./conversations/observer-session.ts"
import { observerSignupConversation, OBSERVER_SIGNUP_CONVERSATION } from "./conversations/observer-signup.ts"
import { helpFeature } from "./features/help.ts"
import { inviteFeature } from "./features/invite.ts"
import { schoolsFeature } from "./features/schools.ts"
import { languageFeature } from "./features/language.ts"
import { startFeature } from "./features/start.ts"
import { unknownFeature } from "./features/unknown.ts"
import { askConversation, ASK_CONVERSATION } from "./conversations/ask.ts"
import { broadcastConversation, BROADCAST_CONVERSATION } from "./conversations/broadcast.ts"
import * as faqDialogs from "./conversations/faq-edit.ts"
import { hotlineAnswerConversation, HOTLINE_ANSWER_CONVERSATION } from "./conversations/hotline-answer.ts"
import { subscribeConversation, SUBSCRIBE_CONVERSATION } from "./conversations/subscribe.ts"
import { faqFeature } from "./features/faq.ts"
import { hotlineFeature } from "./features/hotline.ts"
import { hotlineStaffFeature } from "./features/hotline-staff.ts"
import { parentsFeature } from "./features/parents.ts"
import { hotlineButtons } from "./hotline/buttons.ts"
import { telegramStaffChannel } from "./hotline/channel.ts"
import { createI18n, createTranslator, type LanguageMemory } from "./i18n.ts"
import { sequentialize } from "@grammyjs/runner"
import { attachActor, attachLogger } from "./middleware/actor.ts"
import { dedupeUpdates } from "./middleware/dedupe.ts"
import { answerEveryTap, dropRepeatedTaps } from "./middleware/taps.ts"
import { rateLimit } from "./middleware/rate-limit.ts"

export interface BotOptions {
  token: string
  logger: Logger
  rateLimitPerMinute: number
  /** Passed to grammY: apiRoot for a local Bot API server or the test fake, botInfo to skip getMe. */
  botConfig?: BotConfig<BotContext>
  /** Seconds auto-retry may wait on a 429; tests keep it small. */
  maxRetryDelaySeconds?: number
}

/** Bumped whenever a conversation's code changes, so old state is dropped instead of replayed wrongly. */
const CONVERSATION_VERSION = 5

/** Wiring only: plugins, middleware and features in order. */
export function createBot(services: Services, options: BotOptions): Bot<BotContext> {
  const bot = new Bot<BotContext>(options.token, options.botConfig)
  const retry: Transformer = autoRetry({ maxDelaySeconds: options.maxRetryDelaySeconds ?? 60, maxRetryAttempts: 5 })
  bot.api.config.use(retry)
  const taps = answerEveryTap()
  bot.api.config.use(taps.transformer)

  const languages: LanguageMemory = new Map()
  const i18n = createI18n<BotContext>(languages)
  const conversationI18n = createI18n<ConversationContext>(languages)

  bot.use(attachLogger(services, options.logger))
  bot.use(dedupeUpdates())
  bot.use(dropRepeatedTaps())
  // The runner handles updates concurrently; one chat's updates stay in order (conversations need it).
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()))
  bot.use(attachActor(services, languages))
  bot.use(i18n)
  bot.use(rateLimit(options.rateLimitPerMinute))
  bot.use(taps.middleware)
  bot.use(
    conversations<BotContext, ConversationContext>({
      storage: { type: "key", version: CONVERSATION_VERSION, prefix: "conv:", adapter: services.storage.keyValue("") },
      // Each conversation step builds its own Api: the transformers and i18n must be installed again here.
      plugins: [
        conversationI18n,
        async (ctx, next) => {
          ctx.api.config.use(retry, taps.transformer)
          await next()
        },
      ],
    }),
  )
  bot.command("cancel", async (ctx) => {
    const active = Object.keys(await ctx.conversation.active()).length > 0
    await ctx.conversation.exitAll()
    await ctx.reply(ctx.t(active ? "cancel-done" : "cancel-nothing"))
  })
  // A new file while an upload dialog waits for a button starts over with the new file (unless the dialog waits for
  // a corrected spec workbook: that file is its answer).
  bot.chatType("private").on("message:document", async (ctx, next) => {
    const active = await ctx.conversation.active()
    if (active[UPLOAD_CONVERSATION] && !(await awaitsCorrectedSpec(ctx))) await ctx.conversation.exit(UPLOAD_CONVERSATION)
    await next()
  })
  bot.use(createConversation(inviteConversation, INVITE_CONVERSATION))
  bot.use(createConversation(uploadConversation, UPLOAD_CONVERSATION))
  bot.use(createConversation(templateConversation, TEMPLATE_CONVERSATION))
  bot.use(createConversation(specConversation, SPEC_CONVERSATION))
  bot.use(createConversation(settingsConversation, SETTINGS_CONVERSATION))
  bot.use(createConversation(settingValueConversation, SETTING_VALUE_CONVERSATION))
  bot.use(createConversation(rulesConversation, RULES_CONVERSATION))
  bot.use(createConversation(scheduleUploadConversation, SCHEDULE_UPLOAD_CONVERSATION))
  bot.use(createConversation(scheduleEntryConversation, SCHEDULE_ENTRY_CONVERSATION))
  bot.use(createConversation(calendarConversation, CALENDAR_CONVERSATION))
  bot.use(createConversation(eventConversation, EVENT_CONVERSATION))
  bot.use(createConversation(reportUploadConversation, REPORT_UPLOAD_CONVERSATION))
  bot.use(createConversation(reportRequestConversation, REPORT_REQUEST_CONVERSATION))
  bot.use(createConversation(kdrSharesConversation, KDR_SHARES_CONVERSATION))
  bot.use(createConversation(riskTextConversation, RISK_TEXT_CONVERSATION))
  bot.use(createConversation(riskMeasureConversation, RISK_MEASURE_CONVERSATION))
  bot.use(createConversation(riskScoresConversation, RISK_SCORES_CONVERSATION))
  bot.use(createConversation(askConversation, ASK_CONVERSATION))
  bot.use(createConversation(hotlineAnswerConversation, HOTLINE_ANSWER_CONVERSATION))
  bot.use(createConversation(faqDialogs.faqAddConversation, faqDialogs.FAQ_ADD_CONVERSATION))
  bot.use(createConversation(faqDialogs.faqEditConversation, faqDialogs.FAQ_EDIT_CONVERSATION))
  bot.use(createConversation(faqDialogs.faqImportConversation, faqDialogs.FAQ_IMPORT_CONVERSATION))
  bot.use(createConversation(subscribeConversation, SUBSCRIBE_CONVERSATION))
  bot.use(createConversation(broadcastConversation, BROADCAST_CONVERSATION))
  // The hotline relays through forum topics and puts our buttons on what it enqueues.
  services.hotline.connect({ channel: telegramStaffChannel(bot.api), buttons: hotlineButtons })
  bot.use(createConversation(observerSignupConversation, OBSERVER_SIGNUP_CONVERSATION))
  bot.use(createConversation(observerActConversation, OBSERVER_ACT_CONVERSATION))
  bot.use(createConversation(observerSessionConversation, OBSERVER_SESSION_CONVERSATION))
  bot.use(createConversation(observerRejectConversation, OBSERVER_REJECT_CONVERSATION))

  const features = bot.errorBoundary(apologise)
  features.use(startFeature, helpFeature, languageFeature(languages), inviteFeature, schoolsFeature)
  // Before upload: a parent's document is a question, and a document in a staff topic is an answer.
  features.use(hotlineStaffFeature, hotlineFeature, faqFeature, parentsFeature)
  features.use(uploadFeature, analysisFeature, settingsFeature, observersFeature, riskFeature)
  features.use(deadlinesFeature, scheduleFeature, calendarFeature, eventsFeature, reportsFeature, kdrFeature, unknownFeature)

  bot.catch(apologise)
  return bot
}

/** The user gets a short apology (or «try again in a minute» while the database is unreachable), the log the details. */
async function apologise(error: BotError<BotContext>): Promise<void> {
  const ctx = error.ctx
  const unavailable = isDatabaseUnavailable(error.error)
  ctx.log.error({ err: error.error }, unavailable ? "update failed: the database is unreachable" : "update failed")
  if (!ctx.chat) return
  try {
    // Before the i18n middleware there is no ctx.t yet: the apology is then the Russian one, from the locales too.
    await ctx.reply((ctx.t ?? createTranslator("ru"))(unavailable ? "error-unavailable" : "error-generic"))
  } catch (replyError) {
    ctx.log.warn({ err: replyError }, "could not send the apology")
  }
}
