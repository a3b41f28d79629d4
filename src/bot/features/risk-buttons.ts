/**
 * Every button kind of the risk feature (callback data: ids only). The outbox's alerts carry the first three,
 * built by services/risk/buttons.ts with the same layout (a test checks that these unpack them).
 */
import { callbackData } from "../callback-data.ts"

export const alertButton = callbackData("rk:a", { findingId: "int", action: "word" })
export const recommendationButton = callbackData("rk:r", { findingId: "int" })
export const caseListButton = callbackData("rk:l")
export const caseButton = callbackData("rk:c", { caseId: "int" })
export const statusMenuButton = callbackData("rk:sm", { caseId: "int" })
export const statusButton = callbackData("rk:s", { caseId: "int", status: "word" })
export const ownButton = callbackData("rk:o", { caseId: "int" })
export const noteButton = callbackData("rk:n", { caseId: "int" })
export const dueButton = callbackData("rk:d", { caseId: "int" })
export const planButton = callbackData("rk:p", { caseId: "int" })
/** size 0: ask for a number. */
export const planSizeButton = callbackData("rk:ps", { caseId: "int", size: "int" })
export const planFileButton = callbackData("rk:pf", { planId: "int" })
export const scoresButton = callbackData("rk:u", { caseId: "int" })
export const measureButton = callbackData("rk:m", { caseId: "int" })
export const measureDoneButton = callbackData("rk:md", { measureId: "int", caseId: "int", status: "word" })
export const analysisButton = callbackData("rk:an", { caseId: "int" })
export const prefsButton = callbackData("rk:pr")
export const immediateButton = callbackData("rk:pi", { on: "int" })
export const subscribeButton = callbackData("rk:pa", { on: "int" })

/** Inside the measure dialog. */
export const measureKindButton = callbackData("rk:mk", { kind: "word" })
export const measureOwnerMeButton = callbackData("rk:mo")
