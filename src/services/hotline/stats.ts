import { isLocalDate } from "../../domain/calendar/dates.ts"
import { instantAt, localDate } from "../../domain/calendar/zoned.ts"
import { monthStatistics, type MonthStatistics, type TicketFacts } from "../../domain/hotline/stats.ts"
import { TICKET_TOPICS, type TicketTopic } from "../../domain/hotline/lifecycle.ts"
import { createTranslator, type Language } from "../../i18n.ts"
import { coordinatedMunicipalities, isAdmin, type Actor } from "../access/roles.ts"
import { loadCalendar } from "../calendar/calendar.ts"
import type { ServiceDeps } from "../deps.ts"
import { notAllowed, type Done, type NotAllowed } from "../outcome.ts"
import { safeSheetName } from "../workbooks/safe-text.ts"
import { schoolLabel } from "../schools/search.ts"
import { localDateTime, timeZoneOf } from "./people.ts"
import { workingMinutes } from "./working-time.ts"
import { newWorkbook, workbookBytes } from "../workbooks/new-workbook.ts"

/**
 * The hotline's month for the coordinator: tickets by topic, the median time to the first answer in working
 * hours, ratings, escalations, and the questions the FAQ answered — as text figures and as an XLSX.
 * Municipal coordinators see their municipalities' tickets and those that name no school; admins see all.
 */

/** «декабрь 2026» / «December 2026» for `2026-12`. */
export function monthLabel(month: string, language: Language): string {
  const [year, number] = month.split("-").map(Number) as [number, number]
  const name = new Intl.DateTimeFormat(language === "en" ? "en-GB" : "ru-RU", { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(year, number - 1, 1)))
  return `${name} ${year}`
}

export interface MonthReport {
  month: string
  statistics: MonthStatistics
}

export type StatsOutcome = Done<MonthReport> | NotAllowed | { ok: false; reason: "bad_month" }

export function createHotlineStats(deps: ServiceDeps, defaultTimeZone: string) {
  const { prisma } = deps

  function scopeWhere(actor: Actor) {
    if (isAdmin(actor)) return {}
    const municipalities = coordinatedMunicipalities(actor)
    if (municipalities.length === 0) return null
    return { OR: [{ municipalityId: null }, { municipalityId: { in: municipalities } }] }
  }

  function monthRange(month: string): { from: Date; to: Date } | null {
    if (!/^\d{4}-\d{2}$/.test(month) || !isLocalDate(`${month}-01`)) return null
    const [year, number] = month.split("-").map(Number) as [number, number]
    const next = number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, "0")}`
    return { from: instantAt(`${month}-01`, 0, defaultTimeZone), to: instantAt(`${next}-01`, 0, defaultTimeZone) }
  }

  async function load(actor: Actor, month: string) {
    const where = scopeWhere(actor)
    if (!where) return notAllowed()
    const range = monthRange(month)
    if (!range) return { ok: false as const, reason: "bad_month" as const }
    const rows = await prisma.hotlineTicket.findMany({ where: { ...where, createdAt: { gte: range.from, lt: range.to } }, orderBy: { id: "asc" } })
    const calendar = await loadCalendar(deps)
    const facts: (TicketFacts & { row: (typeof rows)[number]; timeZone: string })[] = []
    for (const row of rows) {
      const timeZone = await timeZoneOf(deps, row.municipalityId, defaultTimeZone)
      facts.push({
        row,
        timeZone,
        topic: row.topic as TicketTopic,
        firstResponseMinutes: row.firstResponseAt ? workingMinutes(row.createdAt, row.firstResponseAt, timeZone, calendar) : null,
        rating: row.rating,
        escalated: row.escalatedAt !== null,
        closedBy: (row.closedBy as TicketFacts["closedBy"]) ?? null,
      })
    }
    const helpedScope = isAdmin(actor) ? {} : { OR: [{ municipalityId: null }, { municipalityId: { in: coordinatedMunicipalities(actor) } }] }
    const answeredByFaq = await prisma.faqHelp.count({ where: { ...helpedScope, createdAt: { gte: range.from, lt: range.to } } })
    return { ok: true as const, facts, statistics: monthStatistics(facts, answeredByFaq) }
  }

  async function month(actor: Actor, month: string): Promise<StatsOutcome> {
    const loaded = await load(actor, month)
    if (!loaded.ok) return loaded
    return { ok: true, month, statistics: loaded.statistics }
  }

  async function monthXlsx(actor: Actor, month: string, language: Language = actor.language): Promise<Done<{ bytes: Buffer; statistics: MonthStatistics }> | NotAllowed | { ok: false; reason: "bad_month" }> {
    const loaded = await load(actor, month)
    if (!loaded.ok) return loaded
    const t = createTranslator(language)
    const { statistics } = loaded
    const workbook = newWorkbook()
    const summary = workbook.addWorksheet(safeSheetName(t("hotline-stats-sheet-summary")))
    summary.columns = [{ width: 48 }, { width: 16 }]
    const hours = (minutes: number | null) => (minutes === null ? "—" : Math.round((minutes / 60) * 10) / 10)
    const lines: [string, string | number][] = [
      [t("hotline-stats-month"), monthLabel(month, language)],
      [t("hotline-stats-tickets"), statistics.tickets],
      ...TICKET_TOPICS.map((topic): [string, number] => [`  ${t(`hotline-topic-${topic}`)}`, statistics.byTopic[topic]]),
      [t("hotline-stats-answered"), statistics.answered],
      [t("hotline-stats-median-hours"), hours(statistics.medianFirstResponseMinutes)],
      ...statistics.ratings.map((count, index): [string, number] => [t("hotline-stats-rating", { rating: index + 1 }), count]),
      [t("hotline-stats-mean-rating"), statistics.meanRating === null ? "—" : Math.round(statistics.meanRating * 100) / 100],
      [t("hotline-stats-escalated"), statistics.escalated],
      [t("hotline-stats-auto-closed"), statistics.autoClosed],
      [t("hotline-stats-faq"), statistics.answeredByFaq],
    ]
    for (const [label, value] of lines) summary.addRow([label, value])
    summary.getRow(1).font = { bold: true }

    const list = workbook.addWorksheet(safeSheetName(t("hotline-stats-sheet-tickets")))
    list.columns = [
      { header: t("hotline-stats-col-id"), width: 8 },
      { header: t("hotline-stats-col-created"), width: 18 },
      { header: t("hotline-stats-col-topic"), width: 26 },
      { header: t("hotline-stats-col-school"), width: 40 },
      { header: t("hotline-stats-col-grade"), width: 8 },
      { header: t("hotline-stats-col-status"), width: 14 },
      { header: t("hotline-stats-col-first-response"), width: 18 },
      { header: t("hotline-stats-col-rating"), width: 10 },
      { header: t("hotline-stats-col-escalated"), width: 12 },
      { header: t("hotline-stats-col-question"), width: 80 },
    ]
    list.getRow(1).font = { bold: true }
    list.views = [{ state: "frozen", ySplit: 1 }]
    const questions = await prisma.hotlineMessage.findMany({
      where: { ticketId: { in: loaded.facts.map((fact) => fact.row.id) }, kind: "user" },
      orderBy: { id: "asc" },
      distinct: ["ticketId"],
      select: { ticketId: true, text: true },
    })
    const questionOf = new Map(questions.map((question) => [question.ticketId, question.text ?? ""]))
    for (const fact of loaded.facts) {
      const { row } = fact
      const school = row.schoolId !== null ? ((await schoolLabel(deps, row.schoolId))?.label ?? "") : ""
      const question = questionOf.get(row.id) ?? ""
      list.addRow([
        row.id,
        localDateTime(row.createdAt, fact.timeZone),
        t(`hotline-topic-${row.topic}`),
        school,
        row.grade ?? "",
        t(`hotline-status-${row.status}`),
        fact.firstResponseMinutes === null ? "" : hours(fact.firstResponseMinutes),
        row.rating ?? "",
        row.escalatedAt ? t("hotline-stats-yes") : "",
        question.length > 500 ? `${question.slice(0, 499)}…` : question,
      ])
    }
    list.getColumn(10).alignment = { wrapText: true, vertical: "top" }
    return { ok: true, bytes: await workbookBytes(workbook), statistics }
  }

  /** `YYYY-MM` of this month (or `monthsBack` before it) in the default time zone. */
  function monthKey(monthsBack = 0): string {
    const [year, number] = localDate(deps.clock.now(), defaultTimeZone).split("-").map(Number) as [number, number]
    const index = year * 12 + (number - 1) - monthsBack
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`
  }

  return { month, monthXlsx, monthKey, monthLabel, mayView: (actor: Actor) => scopeWhere(actor) !== null }
}
