/** The texts of the risk feature: the list of open cases and a case's card, from the services' JSON-safe views. */
import { russianDate } from "../../domain/calendar/dates.ts"
import type { CaseDetails, CaseView } from "../../services/risk/cases.ts"
import type { SchoolRecheckReport } from "../../services/risk/recheck.ts"

type Translate = (key: string, params?: Record<string, string | number>) => string

const HISTORY_SHOWN = 8
const LIST_SHOWN = 15

const school = (c: { schoolLogin: string; schoolName: string | null }) => (c.schoolName ? `${c.schoolLogin} (${c.schoolName})` : c.schoolLogin)

function numbers(t: Translate) {
  const separator = t("sign-decimal-separator")
  const num = (value: number, digits = 1) => value.toFixed(digits).replace(".", separator).replace("-", "−")
  return { num, percent: (share: number) => t("sign-percent", { value: num(share * 100, 0) }), signed: (value: number) => (value > 0 ? "+" : "") + num(value, 1) }
}

export function caseListText(t: Translate, cases: readonly CaseView[]): string {
  if (cases.length === 0) return t("risk-list-empty")
  const lines = [t("risk-list-head", { count: cases.length }), ""]
  cases.slice(0, LIST_SHOWN).forEach((c, i) => {
    lines.push(
      t("risk-list-line", {
        n: i + 1,
        school: school(c),
        title: c.title,
        status: t(`risk-status-${c.status}`),
        age: c.ageDays,
        owner: c.owner ? t("risk-list-owner", { name: c.owner }) : "",
        due: c.dueDate ? t("risk-list-due", { date: russianDate(c.dueDate) }) : "",
        twice: c.twoYears ? t("risk-list-two-years") : "",
      }),
    )
  })
  if (cases.length > LIST_SHOWN) lines.push(t("risk-list-more", { count: cases.length - LIST_SHOWN }))
  return lines.join("\n")
}

function eventLine(t: Translate, event: CaseDetails["events"][number]): string {
  const d = event.details ?? {}
  const when = russianDate(event.at.slice(0, 10))
  const who = event.actor ? ` · ${event.actor}` : ""
  const text = (() => {
    switch (event.kind) {
      case "opened":
        return t(d.origin === "manual" ? "risk-case-event-opened-manual" : "risk-case-event-opened")
      case "status":
        return t("risk-case-event-status", { from: t(`risk-status-${String(d.from)}`), to: t(`risk-status-${String(d.to)}`) }) + (event.text ? ` («${event.text}»)` : "")
      case "note":
        return t("risk-case-event-note", { text: event.text ?? "" })
      case "due":
        return t("risk-case-event-due", { date: russianDate(String(d.dueDate)) })
      case "level":
        return t("risk-case-event-level", { from: t(`risk-level-${String(d.from)}`), to: t(`risk-level-${String(d.to)}`) })
      case "recheck_planned":
      case "recheck_received":
        return t(`risk-case-event-${event.kind}`, { plan: String(d.planId) })
      case "measure":
        return t("risk-case-event-measure", { kind: t(`risk-measure-${String(d.kind)}`), date: russianDate(String(d.dueDate)) })
      case "measure_done":
        return t("risk-case-event-measure_done", { status: t(`risk-measure-status-${String(d.status)}`) })
      case "owner":
        return t("risk-case-event-owner")
      default:
        return t("risk-case-event-seen")
    }
  })()
  return `• ${when}${who}: ${text}`
}

export function caseCardText(t: Translate, c: CaseDetails): string {
  const { percent, signed } = numbers(t)
  const lines = [
    t("risk-case-head", { id: c.id, school: school(c), title: c.title }),
    "",
    t("risk-case-status", { status: t(`risk-status-${c.status}`), level: t(`risk-level-${c.level}`) }),
  ]
  if (c.twoYears) lines.push(t("risk-case-two-years"))
  lines.push(
    t("risk-case-opened", { date: russianDate(c.openedAt.slice(0, 10)), age: c.ageDays, origin: c.origin === "manual" ? t("risk-case-origin-manual") : "" }),
    c.owner ? t("risk-case-owner", { name: c.owner }) : t("risk-case-no-owner"),
  )
  if (c.dueDate) lines.push(t("risk-case-due", { date: russianDate(c.dueDate) }))
  if (c.resolution) lines.push(t("risk-case-resolution", { text: c.resolution }))
  for (const recheck of c.rechecks) {
    lines.push("", t("risk-case-recheck", { plan: recheck.planId, works: recheck.works }))
    const f = recheck.figures
    lines.push(
      f
        ? t("risk-case-recheck-figures", { changed: percent(f.marksChangedShare), mean: signed(f.meanChange), index: percent(f.nonConfirmationIndex) })
        : t("risk-case-recheck-waiting"),
    )
  }
  if (c.measures.length > 0) {
    lines.push("", t("risk-case-measures"))
    for (const m of c.measures) {
      lines.push(`• ${t("risk-measure-line", { kind: t(`risk-measure-${m.kind}`), owner: m.owner ?? "—", due: russianDate(m.dueDate), status: t(`risk-measure-status-${m.status}`) })}`)
    }
  }
  lines.push("", t("risk-case-history"))
  const events = c.events.slice(-HISTORY_SHOWN)
  if (c.events.length > events.length) lines.push(t("risk-case-more-history", { count: c.events.length - events.length }))
  lines.push(...events.map((event) => eventLine(t, event)))
  const text = lines.join("\n")
  return text.length <= 4000 ? text : `${text.slice(0, 3990)}\n…`
}

export function recheckReportText(t: Translate, works: number, schools: readonly SchoolRecheckReport[], describeSign: (sign: NonNullable<SchoolRecheckReport["s10"]>) => string): string {
  const { percent, signed } = numbers(t)
  const lines = [t("risk-scores-saved", { works })]
  for (const s of schools) {
    lines.push(
      "",
      t("risk-scores-school", {
        school: s.schoolLogin,
        changed: s.figures.marksChanged,
        share: percent(s.figures.marksChangedShare),
        mean: signed(s.figures.meanChange),
        index: percent(s.figures.nonConfirmationIndex),
      }),
      t("risk-scores-s10", { s10: s.s10 ? describeSign(s.s10) : t("risk-scores-s10-none"), level: s.level ? t(`risk-level-${s.level}`) : "—" }),
    )
  }
  return lines.join("\n")
}
