import { procedureTitle, type MarkScale, type ParticipantResult, type ProcedureKey } from "../../domain/results.ts"
import { newWorkbook, workbookBytes } from "../workbooks/new-workbook.ts"

/** One school's КДР marks under the confirmed scale: a row per participant code (no names are ever stored). */
export async function buildMarksWorkbook(key: ProcedureKey, scale: MarkScale, school: { login: string; name: string | null }, participants: ParticipantResult[]): Promise<Buffer> {
  const workbook = newWorkbook()
  const sheet = workbook.addWorksheet("Отметки", { views: [{ state: "frozen", ySplit: 4 }] })
  sheet.getCell("A1").value = `${procedureTitle(key)} — ${school.name ?? school.login} (${school.login})`
  sheet.getCell("A1").font = { bold: true }
  sheet.getCell("A2").value = `Шкала: «3» — от ${scale["3"]}, «4» — от ${scale["4"]}, «5» — от ${scale["5"]} первичных баллов`
  const header = sheet.getRow(4)
  header.values = ["Код участника", "Класс", "Вариант", "Первичный балл", "Отметка"]
  header.font = { bold: true }
  ;[16, 10, 10, 16, 10].forEach((width, index) => (sheet.getColumn(index + 1).width = width))
  const sorted = [...participants].sort((a, b) => (a.className ?? "").localeCompare(b.className ?? "", "ru") || a.code.localeCompare(b.code, "ru", { numeric: true }))
  for (const participant of sorted) {
    sheet.addRow([
      participant.code,
      participant.className || null,
      participant.variant,
      participant.absent ? null : participant.total,
      participant.absent ? "отсутствовал" : participant.mark,
    ])
  }
  return await workbookBytes(workbook)
}
