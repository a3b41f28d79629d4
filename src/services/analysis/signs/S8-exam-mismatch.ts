/**
 * S8 «результаты ВПР не подтверждаются ОГЭ/ЕГЭ» (2018 list): the school ranks high in its group on ВПР
 * (mean completion) but not on the exam of the same subject. Percentiles are taken among the reference
 * schools that have both figures; lyceums and gymnasiums may be exempt (their pupils leave for exams elsewhere).
 */
import type { ExamResults, Sign } from "./common/types.ts"
import { abstained, fired, notFired } from "./common/sign-result.ts"

/** Percentile 0–100 by mid-rank: the lowest value gets 0, the highest 100, ties share their average rank. */
function percentiles(values: number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v)
  const ranks = new Array<number>(values.length).fill(0)
  for (let start = 0; start < order.length; ) {
    let end = start
    while (end + 1 < order.length && order[end + 1]?.v === order[start]?.v) end++
    for (let r = start; r <= end; r++) ranks[order[r]?.i ?? 0] = (start + end) / 2
    start = end + 1
  }
  return ranks.map((r) => (values.length > 1 ? (100 * r) / (values.length - 1) : 50))
}

/** For the schools of one reference group: each school's ВПР and exam percentile among those with both. */
export function examPercentiles(
  schools: readonly { schoolKey: string; meanCompletion: number }[],
  exams: ExamResults,
): Map<string, { vprPercentile: number; examPercentile: number; schools: number; label: string }> {
  const both = schools.filter((s) => typeof exams.meanBySchool[s.schoolKey] === "number")
  const vpr = percentiles(both.map((s) => s.meanCompletion))
  const exam = percentiles(both.map((s) => exams.meanBySchool[s.schoolKey] as number))
  const label = `${exams.kind} ${exams.year} · ${exams.subject}`
  return new Map(both.map((s, i) => [s.schoolKey, { vprPercentile: vpr[i] ?? 0, examPercentile: exam[i] ?? 0, schools: both.length, label }]))
}

export const examMismatch: Sign = (ctx) => {
  const exam = ctx.extras.exam
  const s8 = ctx.settings.S8
  if (!exam) return abstained("S8", "no_data")
  if (s8.exemptLyceums && ctx.school.context?.isLyceumOrGymnasium === true) return abstained("S8", "lyceum_exempt")
  const evidence = { ...exam, vprThreshold: s8.vprPercentile, examThreshold: s8.examPercentile }
  if (exam.vprPercentile >= s8.vprPercentile && exam.examPercentile <= s8.examPercentile) {
    const strong = exam.vprPercentile >= s8.strongVprPercentile && exam.examPercentile <= s8.strongExamPercentile
    return fired("S8", strong ? "strong" : "moderate", "exam_not_confirming", evidence)
  }
  return notFired("S8", "exam_consistent", evidence)
}
