import { callbackData } from "../callback-data.ts"
import { OBSERVER_BUTTONS } from "../../services/observers/buttons.ts"

/**
 * Every button of the observers' section, declared once. The first group is written by the observers service onto
 * outbox messages (offers, applications, replacements, act requests); the rest only by the bot.
 */
const { offer, approve, reject, acceptOne, edit, drop, act } = OBSERVER_BUTTONS
export const offerButton = callbackData(offer.prefix, offer.fields)
export const approveButton = callbackData(approve.prefix, approve.fields)
export const rejectButton = callbackData(reject.prefix, reject.fields)
export const acceptOneButton = callbackData(acceptOne.prefix, acceptOne.fields)
export const editButton = callbackData(edit.prefix, edit.fields)
export const dropButton = callbackData(drop.prefix, drop.fields)
export const actButton = callbackData(act.prefix, act.fields)

/** A section of the observers' menu: signup, lessons, quiz, profile, withdraw, mine, acts, apps, sessions, session, propose, export. */
export const sectionButton = callbackData("ob:m", { section: "word" })
export const withdrawButton = callbackData("ob:wd", { answer: "word" })
export const lessonButton = callbackData("ob:l", { lesson: "int" })
export const quizButton = callbackData("ob:q", { attemptId: "int", index: "int", option: "int" })
/** Propose over a range of dates, as yyyymmdd numbers. */
export const proposeButton = callbackData("ob:pr", { from: "int", to: "int" })
export const acceptAllButton = callbackData("ob:pa")
export const chooseButton = callbackData("ob:pc", { assignmentId: "int", observerId: "int" })

// Inside the sign-up dialog.
export const municipalityButton = callbackData("ob:su:m", { municipalityId: "int" })
/** A school found by the search; `step` w = work, c = children. */
export const schoolButton = callbackData("ob:su:s", { step: "word", schoolId: "int" })
export const signupActionButton = callbackData("ob:su:x", { action: "word" })

// Inside the act dialog.
export const stageButton = callbackData("ob:ac:s", { stage: "int" })
export const violationButton = callbackData("ob:ac:v", { violation: "int" })
export const actActionButton = callbackData("ob:ac:x", { action: "word" })

// Inside the new-session dialog.
export const sessionSchoolButton = callbackData("ob:ns:s", { schoolId: "int" })
export const sessionActionButton = callbackData("ob:ns:x", { action: "word" })
