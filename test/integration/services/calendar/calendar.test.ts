import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { loadCalendar } from "../../../../src/services/calendar/calendar.ts"
import { availableDatabases } from "../../../support/db.ts"
import { adminSuite } from "../../../support/services.ts"

/** An admin loads the 2027 decree (our workbook or JSON): every caller of loadCalendar plans with it at once. */
describe.each(availableDatabases())("the production calendar update on %s", (kind) => {
  const suite = adminSuite(kind)

  async function decree2027(edit?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
    const template = await suite.services.calendar.template(suite.admin, 2027)
    if (!Buffer.isBuffer(template)) throw new Error("refused")
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(template as never)
    const sheet = workbook.getWorksheet("Календарь")!
    expect(sheet.getCell("B3").value).toBe("предварительный")
    sheet.getCell("B3").value = "окончательный"
    sheet.getCell("B4").value = "Постановление Правительства РФ (проверочный пример)"
    // The two pending January transfers get their dates (a made-up decree for the test).
    const targets = ["04.05.2027", "31.12.2027"]
    sheet.eachRow((row) => {
      if (row.getCell(2).value === "перенос без даты") {
        row.getCell(1).value = targets.shift()!
        row.getCell(2).value = "выходной по переносу"
      }
    })
    // 31 December becomes a day off, so it is no longer a shortened day.
    sheet.eachRow((row) => {
      if (row.getCell(1).value === "31.12.2027" && row.getCell(2).value === "сокращённый день") row.values = []
    })
    edit?.(sheet)
    return Buffer.from(await workbook.xlsx.writeBuffer())
  }

  it("takes the admin's workbook, layers it over the shipped data and says the new totals", async () => {
    const before = await loadCalendar(suite.deps)
    expect(before.isProvisional("2027-05-04")).toBe(true)
    expect(before.isWorkingDay("2027-05-04")).toBe(true)
    const outcome = await suite.services.calendar.importFile(suite.admin, { bytes: await decree2027(), fileName: "2027.xlsx" })
    expect(outcome).toEqual({ ok: true, years: [{ year: 2027, status: "final", decree: "Постановление Правительства РФ (проверочный пример)", workingDays: 247, hours: 1972, loaded: true }] })
    const after = await loadCalendar(suite.deps)
    expect(after.isProvisional("2027-05-04")).toBe(false)
    expect(after.isWorkingDay("2027-05-04")).toBe(false)
    expect(after.addWorkingDays("2027-05-05", -1)).toBe("2027-04-30")
    // The shipped years stay as they were.
    expect(after.countWorkingDays("2026-01-01", "2026-12-31")).toBe(247)
    expect(await loadCalendar(suite.deps)).toBe(after) // kept, not read again
  })

  it("refuses a wrong workbook naming the cells, and stores nothing", async () => {
    const bytes = await decree2027((sheet) => {
      sheet.getCell("B3").value = "черновик"
      sheet.getRow(30).values = ["31.02.2027", "праздник"]
      sheet.getRow(31).values = ["14.06.2027", "отгул"]
    })
    const outcome = await suite.services.calendar.importFile(suite.admin, { bytes, fileName: "2027.xlsx" })
    expect(outcome).toMatchObject({ ok: false, reason: "problems" })
    if (outcome.ok || outcome.reason !== "problems") throw new Error("accepted")
    expect(outcome.problems).toEqual([
      { sheet: "Календарь", cell: "B3", message: "calendar-cell-status", params: { value: "черновик" } },
      { sheet: "Календарь", cell: "A30", message: "calendar-cell-date", params: { value: "31.02.2027" } },
      { sheet: "Календарь", cell: "B31", message: "calendar-cell-kind", params: { value: "отгул" } },
    ])
    // A workbook whose cells read well but whose days do not add up is refused with the cell of the day.
    const moved = await decree2027((sheet) => {
      sheet.getRow(30).values = ["08.05.2027", "выходной по переносу"]
    })
    const second = await suite.services.calendar.importFile(suite.admin, { bytes: moved, fileName: "2027.xlsx" })
    if (second.ok || second.reason !== "problems") throw new Error("accepted")
    expect(second.problems).toEqual([{ sheet: "Календарь", cell: "A30", message: "calendar-day-off-on-weekend", params: { date: "2027-05-08" } }])
    expect(await suite.db.prisma.calendarYearOverride.count()).toBe(0)
  })

  it("takes JSON in the shape of production-calendar.json, and only from an admin", async () => {
    const { SHIPPED_CALENDAR } = await import("../../../../src/domain/calendar/production-calendar.ts")
    const year = { ...SHIPPED_CALENDAR["2027"]!, status: "final", pendingTransfers: [], extraDaysOff: [...SHIPPED_CALENDAR["2027"]!.extraDaysOff, "2027-01-11"] }
    const bytes = Buffer.from(JSON.stringify({ "2027": year }))
    const coordinator = await suite.services.access.resolveActor({ telegramId: 77, firstName: "Coordinator" })
    expect(await suite.services.calendar.importFile(coordinator, { bytes, fileName: "2027.json" })).toMatchObject({ ok: false, reason: "not_allowed" })
    expect(await suite.services.calendar.importFile(suite.admin, { bytes, fileName: "2027.json" })).toMatchObject({ ok: true, years: [{ year: 2027, workingDays: 248 }] })
    const broken = Buffer.from(JSON.stringify({ "2027": { ...year, shortDays: ["2027-01-16"] } }))
    const refused = await suite.services.calendar.importFile(suite.admin, { bytes: broken, fileName: "2027.json" })
    expect(refused).toMatchObject({ ok: false, problems: [{ path: "2027.shortDays[0]", message: "calendar-short-day-off" }] })
  })
})
