import { callbackData } from "../callback-data.ts"
import type { HotlineButtons } from "../../services/hotline/types.ts"

/**
 * Every button kind of the hotline and the parents' features, declared once. The relay puts some of them on the
 * messages it enqueues (through `hotlineButtons`), the features route them.
 */

// Staff: in the topic card and in private chats.
export const takeButton = callbackData("hl:take", { ticket: "int" })
export const closeButton = callbackData("hl:close", { ticket: "int" })
export const reopenButton = callbackData("hl:reopen", { ticket: "int" })
export const answerButton = callbackData("hl:ans", { ticket: "int" })
export const viewButton = callbackData("hl:view", { ticket: "int" })
export const listButton = callbackData("hl:list")
/** Save the answer just sent (a message id in the specialist's chat) to the FAQ. */
export const saveFaqButton = callbackData("hl:tofaq", { ticket: "int", message: "int" })

// The asker.
export const askButton = callbackData("hl:ask")
export const mineButton = callbackData("hl:mine")
export const rateButton = callbackData("hl:rate", { ticket: "int", rating: "int" })
export const userReopenButton = callbackData("hl:ureopen", { ticket: "int" })

// Inside the ask dialog.
export const addToTicketChoice = callbackData("hl:a:add", { ticket: "int" })
export const newQuestionChoice = callbackData("hl:a:new")
export const topicChoice = callbackData("hl:a:topic", { topic: "word" })
export const faqHelpedChoice = callbackData("hl:a:helped")
export const faqNotHelpedChoice = callbackData("hl:a:nothelped")
export const anonymousChoice = callbackData("hl:a:anon", { anonymous: "int" })

// Pickers shared by the dialogs (school, grade).
export const schoolChoice = callbackData("pick:school", { school: "int" })
export const schoolSkip = callbackData("pick:school:skip")
export const gradeChoice = callbackData("pick:grade", { grade: "int" })
export const gradeSkip = callbackData("pick:grade:skip")

// Statistics: a month as YYYYMM.
export const statsMonthButton = callbackData("hl:stats", { month: "int" })

// FAQ management.
export const faqViewButton = callbackData("faq:view", { id: "int" })
export const faqPageButton = callbackData("faq:page", { page: "int" })
export const faqAddButton = callbackData("faq:add")
export const faqEditQuestionButton = callbackData("faq:eq", { id: "int" })
export const faqEditAnswerButton = callbackData("faq:ea", { id: "int" })
export const faqDeleteButton = callbackData("faq:del", { id: "int" })
export const faqDeleteConfirm = callbackData("faq:delok", { id: "int" })
export const faqExportButton = callbackData("faq:xlsx")
export const faqImportButton = callbackData("faq:import")

// Parents.
export const subscribeButton = callbackData("par:sub")
export const subscriptionsButton = callbackData("par:mine")
export const unsubscribeButton = callbackData("par:unsub", { id: "int" })
export const broadcastButton = callbackData("par:bc")
export const broadcastConfirm = callbackData("par:bc:send")
export const broadcastCancel = callbackData("par:bc:cancel")

export const hotlineButtons: HotlineButtons = {
  take: (ticket) => takeButton.pack({ ticket }),
  close: (ticket) => closeButton.pack({ ticket }),
  reopen: (ticket) => reopenButton.pack({ ticket }),
  answer: (ticket) => answerButton.pack({ ticket }),
  rate: (ticket, rating) => rateButton.pack({ ticket, rating }),
  userReopen: (ticket) => userReopenButton.pack({ ticket }),
}
