/**
 * Plain Russian one-line descriptions of sign results with their figures: the fallback for the CLI JSON
 * "reasons". The bot renders the same codes and evidence from locales/<lang>/*.ftl instead.
 */
import type { Evidence, SignResult } from "./types.ts"

function num(value: unknown, digits = 1): string {
  if (typeof value !== "number" || !Number.isFinite(value)) return "—"
  return value.toFixed(digits).replace(".", ",").replace("-", "−")
}

function signed(value: unknown, digits = 2): string {
  if (typeof value !== "number" || !Number.isFinite(value)) return "—"
  return (value > 0 ? "+" : "") + num(value, digits)
}

function pct(value: unknown): string {
  return typeof value === "number" ? `${num(value * 100, 0)} %` : "—"
}

/** Russian plural: 1 балл, 2 балла, 5 баллов, 21 балл. */
function plural(n: number, one: string, few: string, many: string): string {
  const tens = Math.abs(n) % 100
  const units = tens % 10
  if (tens >= 11 && tens <= 14) return many
  if (units === 1) return one
  if (units >= 2 && units <= 4) return few
  return many
}

function count(value: unknown, one: string, few: string, many: string): string {
  const n = typeof value === "number" ? value : Number(value)
  return Number.isFinite(n) ? `${n} ${plural(n, one, few, many)}` : "—"
}

function pValue(value: unknown): string {
  if (typeof value !== "number") return "p —"
  return value < 0.001 ? "p < 0,001" : `p = ${num(value, 3)}`
}

const TITLES: Record<string, string> = {
  S1: "завышенный средний балл",
  "S1-": "низкие результаты",
  S2: "выполнение заданий выше группы",
  S3: "трудные задания выполнены лучше лёгких",
  S4: "пики на границах отметок",
  S5: "нетипично мало «2» / много «5»",
  S6: "несоответствие отметкам по журналу",
  S7: "резкий рост / падение результатов параллели",
  S8: "результаты ВПР не подтверждаются ОГЭ/ЕГЭ",
  S9: "неподтверждение результатов медалистов",
  S10: "результаты не подтвердились при перепроверке",
  S11: "совпадающие ответы",
  S12: "завышение при проверке развёрнутых ответов",
}

const ABSTENTIONS: Record<string, (e: Evidence) => string> = {
  disabled: () => "признак отключён в настройках",
  too_few_participants: (e) => `слишком мало участников (${e.n ?? "—"} при минимуме ${e.minimum ?? "—"})`,
  too_few_for_distribution: (e) => `для распределения баллов нужно не меньше ${e.minimum ?? 20} участников (есть ${e.n ?? "—"})`,
  too_few_journal_marks: (e) => `мало отметок по журналу (${e.journalMarks ?? "—"} при минимуме ${e.minimum ?? "—"})`,
  too_few_medalists: (e) => `мало медалистов (${e.medalists ?? "—"} при минимуме ${e.minimum ?? "—"})`,
  too_few_rechecked: (e) => `мало перепроверенных работ (${e.works ?? "—"} при минимуме ${e.minimum ?? "—"})`,
  no_scale: () => "нет шкалы перевода в отметки",
  no_reference: () => "нет данных группы сравнения",
  no_task_split: () => "в работе нет заданий обоих видов для сравнения",
  no_same_level_schools: () => "нет школ того же уровня для сравнения",
  too_few_pupils: () => "мало работ для сравнения заданий",
  lyceum_exempt: () => "лицеи и гимназии не оцениваются по этому признаку (настройка)",
  no_tasks: () => "нет заданий для сравнения",
}

const NO_DATA: Record<string, string> = {
  S6: "нет отметок по журналу",
  S7: "нет данных той же параллели за соседний год",
  S8: "нет данных ОГЭ/ЕГЭ",
  S9: "нет данных о медалистах",
  S10: "нет данных перепроверки",
}

function firedText(r: SignResult): string {
  const e = r.evidence
  switch (r.reason) {
    case "mean_above_group":
    case "mean_below_group":
      return `средний балл ${num(e.mean)} (ДИ ${num(e.low)}–${num(e.high)}) при ${num(e.groupMean)} (ДИ ${num(e.groupLow)}–${num(e.groupHigh)}) в группе`
    case "tasks_above_group":
      return `выполнение ${e.tasksAbove} из ${e.tasks} заданий выше группы (${pct(e.share)}): ${e.tasksAboveLabels}`
    case "hard_tasks_above_easy":
      return `относительно школ того же уровня трудные задания (${e.focusTasks}) выполнены лучше лёгких на ${num((e.delta as number) * 100, 0)} п. п., ${pValue(e.p)}`
    case "hard_tasks_weaker_pupils":
      return `у более слабых участников трудные задания (${e.focusTasks}) выполнены лучше ожидаемого намного сильнее, чем у более сильных: разница ${num((e.contrast as number) * 100, 0)} п. п., ${pValue(e.contrastP)}`
    case "criteria_tasks_above_one_point":
      return `относительно школ того же уровня задания с развёрнутым ответом выполнены лучше однобалльных на ${num((e.delta as number) * 100, 0)} п. п., ${pValue(e.p)}`
    case "peak_at_threshold": {
      const m = e.mark as string
      const w = Number(e.window ?? 1)
      const below = w > 1 ? `на 1–${w} балла ниже` : "на 1 балл ниже"
      if (m === "all") {
        return `пики на границах отметок: ровно на границах ${count(e.jointAt, "работа", "работы", "работ")}, ${below} — ${e.jointBelow} (ожидалось около ${pct(e.jointExpectedShare)} на границах), ${pValue(e.p)}`
      }
      return `пик на границе отметки «${m}» (${count(e.threshold, "балл", "балла", "баллов")}): на границе ${count(e[`mark${m}At`], "работа", "работы", "работ")}, ${below} — ${e[`mark${m}Below`]} (ожидалось около ${pct(e[`mark${m}ExpectedShare`])} на границе), ${pValue(e.p)}`
    }
    case "many_fives":
      return `доля «5» ${pct(e.fiveShare)} при ${pct(e.groupFiveShare)} в группе`
    case "few_twos":
      return `«2» у ${e.twos} из ${e.n} при ${pct(e.groupTwoShare)} в группе, ${pValue(e.pFewTwos)}`
    case "negative_correlation":
      return `баллы ВПР не согласуются с отметками по журналу: ρ = ${num(e.rho, 2)} (${count(e.journalMarks, "отметка", "отметки", "отметок")})`
    case "two_mark_gaps":
      return `отметка ВПР отличается от журнальной на две и более у ${pct(e.two_mark_gapsShare)} работ при ${pct(e.two_mark_gapsGroupShare)} в группе`
    case "marks_lowered":
      return `понизили отметку по журналу ${pct(e.marks_loweredShare)} участников при ${pct(e.marks_loweredGroupShare)} в группе`
    case "marks_raised":
      return `повысили отметку по журналу ${pct(e.marks_raisedShare)} участников при ${pct(e.marks_raisedGroupShare)} в группе`
    case "fall_next_year":
      return `через год результаты параллели заметно ниже: K = ${num(e.k, 2)} при верхней границе ${num(e.fence, 2)}`
    case "rise_from_last_year":
      return `резкий рост по сравнению с прошлым годом: K = ${num(e.k, 2)} при нижней границе ${num(e.fence, 2)}`
    case "exam_not_confirming":
      return `по ВПР школа на ${num(e.vprPercentile, 0)}-м перцентиле, по ${e.label} — на ${num(e.examPercentile, 0)}-м`
    case "medalists_not_confirmed":
      return `${e.belowCutoff} из ${e.medalists} медалистов ниже ${e.cutoff} баллов ЕГЭ (индекс ${num(e.index, 2)})`
    case "marks_lowered_on_recheck":
    case "scores_lowered_on_recheck":
      return `при перепроверке отметка понижена у ${pct(e.downShare)} работ, балл изменился в среднем на ${signed(e.meanChange, 1)}`
    case "identical_answers":
      return `${count(e.observedPairs, "пара", "пары", "пар")} работ одного варианта с одинаковыми ответами при ожидаемых ${num(e.expectedPairs, 1)}, ${pValue(e.p)}`
    default:
      return r.reason
  }
}

/** One line: «S4 · пики на границах отметок: …». */
export function describe(result: SignResult): string {
  const head = `${result.id} · ${TITLES[result.id] ?? result.id}`
  if (result.status === "fired") return `${head}: ${firedText(result)}${result.strength === "strong" ? " (сильный признак)" : ""}`
  if (result.status === "abstained") {
    const why = result.reason === "no_data" ? (NO_DATA[result.id] ?? "нет данных") : (ABSTENTIONS[result.reason]?.(result.evidence) ?? result.reason)
    return `${head}: не оценивается — ${why}`
  }
  return `${head}: не выявлен`
}
