import { checkCalendarYear, yearTotals, type CalendarProblem } from "../../domain/calendar/check.ts"
import { ProductionCalendar, SHIPPED_CALENDAR, type CalendarData, type CalendarYear } from "../../domain/calendar/production-calendar.ts"
import type { Prisma } from "../../generated/prisma/client.ts"
import { audit } from "../access/audit.ts"
import { isAdmin, type Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"
import { notAllowed, refused, type Done, type NotAllowed, type RefusedWithProblems } from "../outcome.ts"
import { guardProblem, type LocatedProblem } from "../workbooks/located-problem.ts"
import { buildCalendarWorkbook, readCalendarWorkbook } from "./calendar-xlsx.ts"

/**
 * The production calendar every service plans with (working days, working hours): the one shipped in domain/calendar
 * with the years an admin loaded layered over it, so that a new decree (the 2027 one) reaches every caller without a
 * release. Cheap to call: the layered calendar is kept per database and rebuilt only when the loaded years change,
 * which one small aggregate query tells (so every bot instance on one database sees an update at once).
 */

const cache = new WeakMap<object, { calendar: ProductionCalendar; version: string }>()

export async function loadCalendar(deps: Pick<ServiceDeps, "prisma">): Promise<ProductionCalendar> {
  const stamp = await deps.prisma.calendarYearOverride.aggregate({ _count: { year: true }, _max: { updatedAt: true } })
  const version = `${stamp._count.year}|${stamp._max.updatedAt?.toISOString() ?? ""}`
  const cached = cache.get(deps.prisma)
  if (cached && cached.version === version) return cached.calendar
  const rows = stamp._count.year === 0 ? [] : await deps.prisma.calendarYearOverride.findMany()
  const calendar = rows.length === 0 ? shippedCalendar : new ProductionCalendar(layered(rows.map((row) => [row.year, row.data as unknown as CalendarYear])))
  cache.set(deps.prisma, { calendar, version })
  return calendar
}

const shippedCalendar = new ProductionCalendar()

function layered(years: [number, CalendarYear][]): CalendarData {
  const data: CalendarData = { ...SHIPPED_CALENDAR }
  for (const [year, entry] of years) data[String(year)] = entry
  return data
}

export interface CalendarYearSummary {
  year: number
  status: "final" | "provisional"
  decree: string | null
  workingDays: number
  hours: number
  /** Loaded by an admin (else shipped with the bot). */
  loaded: boolean
}

export type CalendarImportOutcome = Done<{ years: CalendarYearSummary[] }> | NotAllowed | RefusedWithProblems<LocatedProblem>

export function createCalendarAdmin(deps: ServiceDeps) {
  async function summary(): Promise<CalendarYearSummary[]> {
    const calendar = await loadCalendar(deps)
    const loaded = new Set((await deps.prisma.calendarYearOverride.findMany({ select: { year: true } })).map((row) => row.year))
    return calendar.years().map((year) => {
      const entry = calendar.data[String(year)]!
      return { year, status: entry.status, decree: entry.decree ?? null, ...yearTotals(entry, year), loaded: loaded.has(year) }
    })
  }

  async function store(actor: Actor, years: [number, CalendarYear][], fileName: string): Promise<CalendarYearSummary[]> {
    for (const [year, data] of years) {
      const json = data as unknown as Prisma.InputJsonValue
      await deps.prisma.calendarYearOverride.upsert({ where: { year }, create: { year, data: json, fileName, updatedById: actor.userId }, update: { data: json, fileName, updatedById: actor.userId } })
      await audit(deps.prisma, { actorId: actor.userId, action: "calendar.year.loaded", subject: String(year), details: { status: data.status, decree: data.decree ?? null, fileName } })
    }
    const all = await summary()
    return all.filter((item) => years.some(([year]) => year === item.year))
  }

  return {
    /** Every year the bot knows, with its status and working-day count (anyone may look). */
    summary,

    /** Our workbook for a year, filled with what the bot holds now (admins). */
    async template(actor: Actor, year: number): Promise<Buffer | NotAllowed> {
      if (!isAdmin(actor)) return notAllowed()
      const calendar = await loadCalendar(deps)
      return buildCalendarWorkbook(year, calendar.data[String(year)] ?? null)
    },

    /**
     * An admin's update: our workbook (one year) or JSON in the shape of production-calendar.json (one or more years).
     * Every year is checked; nothing is stored when anything is wrong.
     */
    async importFile(actor: Actor, file: { bytes: Buffer; fileName: string }): Promise<CalendarImportOutcome> {
      if (!isAdmin(actor)) return notAllowed()
      const isJson = /\.json$/iu.test(file.fileName) || file.bytes.subarray(0, 1).toString() === "{"
      const checked = isJson ? checkJson(file.bytes) : await checkWorkbook(file.bytes)
      if ("problems" in checked) return refused(checked.problems)
      return { ok: true, years: await store(actor, checked.years, file.fileName) }
    },
  }
}

function fromCheck(problem: CalendarProblem, cells?: Map<string, string>, sheet?: string): LocatedProblem {
  const params = problem.params ?? {}
  if (cells && sheet) {
    const cell = cells.get(problem.where.replace(/^\d{4}\./u, ""))
    if (cell) return { sheet, cell, message: problem.message, params }
    return { sheet, message: problem.message, params }
  }
  return { path: problem.where, message: problem.message, params }
}

function checkJson(bytes: Buffer): { years: [number, CalendarYear][] } | { problems: LocatedProblem[] } {
  if (bytes.length > 1024 * 1024) return { problems: [{ message: "calendar-json-too-large" }] }
  let document: unknown
  try {
    document = JSON.parse(bytes.toString("utf8"))
  } catch {
    return { problems: [{ message: "calendar-not-json" }] }
  }
  if (!document || typeof document !== "object" || Array.isArray(document) || Object.keys(document).length === 0) return { problems: [{ message: "calendar-not-object" }] }
  const years: [number, CalendarYear][] = []
  const problems: LocatedProblem[] = []
  for (const [key, value] of Object.entries(document)) {
    const year = /^\d{4}$/u.test(key) ? Number(key) : NaN
    const checked = checkCalendarYear(year, value, key)
    if ("problems" in checked) problems.push(...checked.problems.map((problem) => fromCheck(problem)))
    else years.push([year, checked.year])
  }
  return problems.length > 0 ? { problems } : { years }
}

async function checkWorkbook(bytes: Buffer): Promise<{ years: [number, CalendarYear][] } | { problems: LocatedProblem[] }> {
  const refusedFile = await guardProblem(bytes)
  if (refusedFile) return { problems: [refusedFile] }
  const read = await readCalendarWorkbook(bytes)
  if ("problems" in read) return read
  const { year, data, cells } = read.read
  const checked = checkCalendarYear(year!, data, "")
  if ("problems" in checked) return { problems: checked.problems.map((problem) => fromCheck(problem, cells, "Календарь")) }
  return { years: [[year!, checked.year]] }
}

export type CalendarAdmin = ReturnType<typeof createCalendarAdmin>
