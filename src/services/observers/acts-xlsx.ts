import { russianDate, type LocalDate } from "../../domain/calendar/dates.ts"
import { formatTimeOfDay, type ActViolation } from "../../domain/observers/act.ts"
import type { Translate } from "../../i18n.ts"
import type { Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"
import { addTable } from "../reports/sheet-table.ts"
import { localMoment, procedureLabel } from "./facts.ts"
import { coordinatorScope } from "./scope.ts"
import { newWorkbook, workbookBytes } from "../workbooks/new-workbook.ts"

/**
 * The acts of the actor's municipalities as one XLSX sheet, one act a row — for the department's records. Every
 * text cell, and the observers' own words most of all, is written as text, never a formula (workbooks/new-workbook.ts).
 */
export async function actsWorkbook(
  deps: ServiceDeps,
  actor: Actor,
  t: Translate,
  range: { from?: LocalDate; to?: LocalDate } = {},
  defaultTimeZone = "Europe/Moscow",
): Promise<{ bytes: Buffer; acts: number } | null> {
  const scope = coordinatorScope(actor)
  if (scope !== null && scope.length === 0) return null
  const acts = await deps.prisma.observationAct.findMany({
    where: {
      ...(scope ? { school: { municipalityId: { in: scope } } } : {}),
      date: { ...(range.from ? { gte: range.from } : {}), ...(range.to ? { lte: range.to } : {}) },
    },
    include: {
      observer: { select: { fullName: true } },
      school: { select: { login: true, name: true, municipality: { select: { name: true, timeZone: true } } } },
    },
    orderBy: [{ date: "asc" }, { id: "asc" }],
  })
  const workbook = newWorkbook()
  workbook.creator = "Objektiv"
  const rows = acts.map((act) => {
    const violations = act.violations as unknown as ActViolation[]
    const timeZone = act.school.municipality?.timeZone ?? defaultTimeZone
    const late = act.submittedAt > act.dueAt
    return [
      act.id,
      act.school.municipality?.name ?? "",
      act.school.name ?? "",
      act.school.login,
      procedureLabel(act.procedure),
      russianDate(act.date),
      // A withdrawn observer's name is gone; the act stays.
      act.observer.fullName ?? t("observers-xlsx-withdrawn"),
      act.stages.map((stage) => t(`observers-stage-${stage}`)).join("; "),
      formatTimeOfDay(act.startMinutes),
      formatTimeOfDay(act.endMinutes),
      violations.length === 0 ? { value: t("observers-xlsx-none"), fill: "green" as const } : { value: String(violations.length), fill: "red" as const, bold: true },
      violations.map((violation) => `${t(`observers-violation-${violation.code}`)}${violation.comment ? ` — ${violation.comment}` : ""}`).join("\n"),
      act.comment ?? "",
      act.photoFileIds.length,
      localMoment(act.dueAt, timeZone),
      localMoment(act.submittedAt, timeZone),
      late ? { value: t("observers-xlsx-late"), fill: "yellow" as const } : t("observers-xlsx-on-time"),
    ]
  })
  addTable(workbook, {
    name: t("observers-xlsx-sheet"),
    title: [t("observers-xlsx-title"), t("observers-xlsx-subtitle", { count: acts.length })],
    columns: [
      { header: t("observers-xlsx-col-id"), width: 7, format: "integer" },
      { header: t("observers-xlsx-col-municipality"), width: 18, format: "text", wrap: true },
      { header: t("observers-xlsx-col-school"), width: 28, format: "text", wrap: true },
      { header: t("observers-xlsx-col-login"), width: 12, format: "text" },
      { header: t("observers-xlsx-col-procedure"), width: 26, format: "text", wrap: true },
      { header: t("observers-xlsx-col-date"), width: 11, format: "text" },
      { header: t("observers-xlsx-col-observer"), width: 24, format: "text", wrap: true },
      { header: t("observers-xlsx-col-stages"), width: 28, format: "text", wrap: true },
      { header: t("observers-xlsx-col-start"), width: 8, format: "text" },
      { header: t("observers-xlsx-col-end"), width: 8, format: "text" },
      { header: t("observers-xlsx-col-violations"), width: 11, format: "text" },
      { header: t("observers-xlsx-col-list"), width: 50, format: "text", wrap: true },
      { header: t("observers-xlsx-col-comment"), width: 36, format: "text", wrap: true },
      { header: t("observers-xlsx-col-photos"), width: 7, format: "integer" },
      { header: t("observers-xlsx-col-due"), width: 17, format: "text" },
      { header: t("observers-xlsx-col-filed"), width: 17, format: "text" },
      { header: t("observers-xlsx-col-on-time"), width: 11, format: "text" },
    ],
    rows,
    frozenColumns: 3,
    notes: [t("observers-xlsx-note")],
  })
  return { bytes: await workbookBytes(workbook), acts: acts.length }
}
