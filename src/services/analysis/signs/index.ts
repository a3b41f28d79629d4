/** The registry of signs and the guards every sign shares (disabled, too few participants). */
import { isEnabled, SIGN_IDS, type SignId } from "../settings.ts"
import { meanAboveGroup, meanBelowGroup } from "./S1-mean-above.ts"
import { tasksAboveGroup } from "./S2-tasks-above.ts"
import { hardTasksAboveEasy } from "./S3-hard-tasks.ts"
import { boundaryPeaks } from "./S4-boundary-peaks.ts"
import { marksShare } from "./S5-marks-share.ts"
import { journalMismatch } from "./S6-journal-mismatch.ts"
import { cohortJump } from "./S7-cohort-jump.ts"
import { examMismatch } from "./S8-exam-mismatch.ts"
import { medalistsNotConfirmed } from "./S9-medalists.ts"
import { recheckNotConfirmed } from "./S10-recheck.ts"
import { identicalAnswers } from "./S11-identical-answers.ts"
import { lenientChecking } from "./S12-lenient-checking.ts"
import type { Sign, SignContext, SignResult } from "./common/types.ts"
import { abstained } from "./common/sign-result.ts"

export const SIGNS: Record<SignId, Sign> = {
  S1: meanAboveGroup,
  "S1-": meanBelowGroup,
  S2: tasksAboveGroup,
  S3: hardTasksAboveEasy,
  S4: boundaryPeaks,
  S5: marksShare,
  S6: journalMismatch,
  S7: cohortJump,
  S8: examMismatch,
  S9: medalistsNotConfirmed,
  S10: recheckNotConfirmed,
  S11: identicalAnswers,
  S12: lenientChecking,
}

/** objectivity.md: below the minimum number of participants every sign abstains (the tables are still shown). */
export function evaluateSign(id: SignId, ctx: SignContext): SignResult {
  if (!isEnabled(ctx.settings, id)) return abstained(id, "disabled")
  if (ctx.school.n < ctx.settings.minParticipants) {
    return abstained(id, "too_few_participants", { n: ctx.school.n, minimum: ctx.settings.minParticipants })
  }
  return SIGNS[id](ctx)
}

export function evaluateAllSigns(ctx: SignContext): SignResult[] {
  return SIGN_IDS.map((id) => evaluateSign(id, ctx))
}

export type { Sign, SignContext, SignResult } from "./common/types.ts"
