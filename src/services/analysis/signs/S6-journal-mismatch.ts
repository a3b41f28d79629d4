/**
 * S6 «несоответствие отметкам по журналу».
 * (a) FIOKO 2019 rule (b): Spearman ρ (ties averaged) of journal mark vs primary score below 0;
 * (b) FIOKO 2026: the share of works whose VPR mark differs from the journal by two marks or more;
 * (c) FIS OKO «Понизили» / «Повысили»: a share of at least `shiftShare`, significantly above the group's;
 * (d) ours: journal marks out of line with the scores, against other schools' pupils of the same score
 *     (S6-journal/residual.ts), either way.
 * "Significantly above" allows for the honest spread between schools (S6-journal/share-spread.ts), measured on the upload.
 */
import { spearman, studentTCdf } from "../../../domain/stats/index.ts"
import { journalResidualTest, MIN_SCHOOLS } from "./S6-journal/residual.ts"
import { shareAboveGroup } from "./S6-journal/share-spread.ts"
import type { Evidence, Sign, SignStrength } from "./common/types.ts"
import { abstained, fired, notFired, strengthOf } from "./common/sign-result.ts"

/** One-sided p of ρ < 0 by the t approximation (n − 2 d.f.), adequate for the strength grade. */
function pNegative(rho: number, n: number): number {
  if (n < 3) return 1
  if (rho <= -1) return 0
  const t = rho * Math.sqrt((n - 2) / (1 - rho * rho))
  return studentTCdf(t, n - 2)
}

export const journalMismatch: Sign = (ctx) => {
  const { school, group, settings } = ctx
  const s6 = settings.S6
  const pairs = school.pupils.filter((p) => p.journalMark !== null && p.total !== null)
  if (pairs.length === 0) return abstained("S6", "no_data")
  if (pairs.length < s6.minJournalMarks) return abstained("S6", "too_few_journal_marks", { journalMarks: pairs.length, minimum: s6.minJournalMarks })

  const evidence: Evidence = { journalMarks: pairs.length }
  const hits: { reason: string; strength: SignStrength; p: number }[] = []

  if (s6.rules.correlation) {
    const r = spearman(
      pairs.map((p) => p.journalMark as number),
      pairs.map((p) => p.total as number),
    )
    evidence.rho = r?.rho ?? null
    if (r && r.rho < 0) {
      const p = pNegative(r.rho, r.n)
      evidence.rhoP = p
      hits.push({ reason: "negative_correlation", strength: p < s6.strongAlpha ? "strong" : "moderate", p })
    }
  }

  const j = school.journal
  const g = group.reference.journal
  const enough = j.compared >= settings.minSubgroup && g.compared > 0
  evidence.compared = j.compared
  const shareRule = (count: number, groupCount: number, tau: number, threshold: number, reason: string, mustExceedGroup: boolean): void => {
    const share = j.compared > 0 ? count / j.compared : null
    const groupShare = g.compared > 0 ? groupCount / g.compared : null
    evidence[`${reason}Share`] = share
    evidence[`${reason}GroupShare`] = groupShare
    if (!enough || share === null || groupShare === null || share < threshold) return
    const p = groupShare >= 1 ? 1 : shareAboveGroup(count, j.compared, groupShare, tau).p
    evidence[`${reason}P`] = p
    evidence[`${reason}Spread`] = tau
    const strength = strengthOf(p, s6.alpha, s6.strongAlpha)
    if (!mustExceedGroup) hits.push({ reason, strength: strength ?? "moderate", p })
    else if (strength) hits.push({ reason, strength, p })
  }
  const spread = ctx.journalSpread
  if (s6.rules.gaps) shareRule(j.gaps, g.gaps, spread.gaps, s6.gapShare, "two_mark_gaps", s6.gapMustExceedGroup)
  if (s6.rules.shifts) {
    shareRule(j.down, g.down, spread.down, s6.shiftShare, "marks_lowered", true)
    shareRule(j.up, g.up, spread.up, s6.shiftShare, "marks_raised", true)
  }
  const baseline = ctx.journalResidual
  const residual = baseline?.bySchool.get(school.schoolKey)
  if (s6.rules.residual && baseline && baseline.schools >= MIN_SCHOOLS && residual && residual.pupils >= settings.minSubgroup) {
    const test = journalResidualTest(residual, baseline)
    Object.assign(evidence, {
      journalResidual: test.residual,
      journalResidualExpected: test.centre,
      journalResidualZ: test.z,
      journalResidualSpread: baseline.tau,
    })
    for (const [reason, p] of [
      ["journal_above_scores", test.pJournalAbove],
      ["scores_above_journal", test.pScoresAbove],
    ] as const) {
      const strength = strengthOf(p, s6.alpha, s6.strongAlpha)
      if (strength) {
        evidence.journalResidualP = p
        hits.push({ reason, strength, p })
      }
    }
  }

  if (hits.length === 0) return notFired("S6", enough ? "consistent" : "consistent_too_few_for_shares", evidence)
  hits.sort((a, b) => (a.strength === b.strength ? a.p - b.p : a.strength === "strong" ? -1 : 1))
  const top = hits[0] as (typeof hits)[number]
  evidence.rules = hits.map((h) => h.reason).join(", ")
  return fired("S6", top.strength, top.reason, evidence)
}
