import { audit } from "../access/audit.ts"
import type { Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"
import { notAllowed, notFound, refused, type Done, type NotAllowed, type NotFound, type RefusedWithProblems } from "../outcome.ts"
import { cellText, integerOf } from "../workbooks/cell-value.ts"
import type { Problem } from "../workbooks/problem.ts"
import { refusedWholeWorkbook } from "../workbooks/whole-workbook.ts"
import { FAQ_SEED } from "./faq-seed.ts"
import { rankFaq, type FaqDocument } from "../../domain/hotline/faq-rank.ts"
import { scopeCovers, staffScope } from "./scope.ts"
import { newWorkbook, workbookBytes } from "../workbooks/new-workbook.ts"

/**
 * The hotline's FAQ: searched before a ticket is opened (PostgreSQL's `russian` text search configuration
 * stems both sides, so «результатов» finds «результаты»), kept by the staff in the bot or by XLSX, and fed
 * from good answers in one step.
 */

export interface FaqView {
  id: number
  question: string
  answer: string
}

/** Limits that keep a suggestion («❓ question» and the answer) inside one Telegram message. */
export const FAQ_LIMITS = { question: 300, answer: 3500 } as const

export type FaqProblem =
  | { code: "faq-question-missing" | "faq-answer-missing" | "faq-question-too-long" | "faq-answer-too-long" | "faq-id-unknown" | "faq-id-duplicate"; row: number }
  | { code: "faq-no-rows" | "faq-header-missing"; row: null }
  | { code: "faq-file"; row: null; problem: Problem }

export type FaqEditOutcome = Done<{ entry: FaqView }> | NotAllowed | NotFound | { ok: false; reason: "too_long" | "empty"; field: "question" | "answer" }

const SEEDED_KEY = "hotline:faq-seeded"
const HEADERS = { id: "№", question: "Вопрос", answer: "Ответ" } as const

export function createFaq(deps: ServiceDeps) {
  const { prisma } = deps

  /** Puts the starting FAQ in once per database (a flag row makes a second call, or a second process, a no-op). */
  async function ensureSeeded(): Promise<void> {
    if (await prisma.keyValue.findUnique({ where: { key: SEEDED_KEY }, select: { key: true } })) return
    await prisma.$transaction(async (tx) => {
      const { count } = await tx.keyValue.createMany({ data: [{ key: SEEDED_KEY, value: new Date(deps.clock.now()).toISOString() }], skipDuplicates: true })
      if (count === 1) await tx.faqEntry.createMany({ data: FAQ_SEED.map((entry) => ({ ...entry })) })
    })
  }

  async function documents(): Promise<FaqDocument[]> {
    await ensureSeeded()
    return prisma.$queryRaw<FaqDocument[]>`
      SELECT id,
        tsvector_to_array(to_tsvector('russian', translate(question, 'Ёё', 'Ее'))) AS question,
        tsvector_to_array(to_tsvector('russian', translate(answer, 'Ёё', 'Ее'))) AS answer
      FROM "FaqEntry" WHERE "deletedAt" IS NULL`
  }

  /** Up to `limit` entries that answer this question, the best first; none when nothing matches well enough. */
  async function suggest(question: string, limit = 3): Promise<FaqView[]> {
    if (!question.trim()) return []
    const [lexemes] = await prisma.$queryRaw<{ lexemes: string[] }[]>`
      SELECT tsvector_to_array(to_tsvector('russian', translate(${question}, 'Ёё', 'Ее'))) AS lexemes`
    const ranked = rankFaq(lexemes?.lexemes ?? [], await documents()).slice(0, limit)
    if (ranked.length === 0) return []
    const rows = await prisma.faqEntry.findMany({ where: { id: { in: ranked.map((hit) => hit.id) } } })
    const byId = new Map(rows.map((row) => [row.id, view(row)]))
    return ranked.flatMap((hit) => (byId.has(hit.id) ? [byId.get(hit.id)!] : []))
  }

  /** "That helped": counted in the monthly statistics, with no trace of who asked or what. */
  async function recordHelped(faqIds: number[], municipalityId: number | null = null): Promise<void> {
    await prisma.faqHelp.create({ data: { faqIds, municipalityId, createdAt: deps.clock.now() } })
  }

  function mayManage(actor: Actor): boolean {
    return staffScope(actor) !== null
  }

  async function list(actor: Actor): Promise<FaqView[] | NotAllowed> {
    if (!mayManage(actor)) return notAllowed()
    await ensureSeeded()
    const rows = await prisma.faqEntry.findMany({ where: { deletedAt: null }, orderBy: { id: "asc" } })
    return rows.map(view)
  }

  async function get(actor: Actor, id: number): Promise<Done<{ entry: FaqView }> | NotAllowed | NotFound> {
    if (!mayManage(actor)) return notAllowed()
    const row = await prisma.faqEntry.findFirst({ where: { id, deletedAt: null } })
    return row ? { ok: true, entry: view(row) } : notFound()
  }

  function checkText(field: "question" | "answer", text: string): FaqEditOutcome | null {
    if (!text.trim()) return { ok: false, reason: "empty", field }
    if (text.trim().length > FAQ_LIMITS[field]) return { ok: false, reason: "too_long", field }
    return null
  }

  async function add(actor: Actor, entry: { question: string; answer: string; sourceTicketId?: number }): Promise<FaqEditOutcome> {
    if (!mayManage(actor)) return notAllowed()
    const problem = checkText("question", entry.question) ?? checkText("answer", entry.answer)
    if (problem) return problem
    await ensureSeeded()
    const row = await prisma.faqEntry.create({
      data: { question: entry.question.trim(), answer: entry.answer.trim(), sourceTicketId: entry.sourceTicketId ?? null, createdById: actor.userId, updatedById: actor.userId },
    })
    await audit(prisma, { actorId: actor.userId, action: "hotline.faq_added", subject: String(row.id), details: { sourceTicketId: entry.sourceTicketId ?? null } })
    return { ok: true, entry: view(row) }
  }

  async function edit(actor: Actor, id: number, change: { question?: string; answer?: string }): Promise<FaqEditOutcome> {
    if (!mayManage(actor)) return notAllowed()
    const problem = (change.question !== undefined ? checkText("question", change.question) : null) ?? (change.answer !== undefined ? checkText("answer", change.answer) : null)
    if (problem) return problem
    const { count } = await prisma.faqEntry.updateMany({
      where: { id, deletedAt: null },
      data: { ...(change.question !== undefined ? { question: change.question.trim() } : {}), ...(change.answer !== undefined ? { answer: change.answer.trim() } : {}), updatedById: actor.userId },
    })
    if (count === 0) return notFound()
    await audit(prisma, { actorId: actor.userId, action: "hotline.faq_edited", subject: String(id) })
    return { ok: true, entry: view(await prisma.faqEntry.findUniqueOrThrow({ where: { id } })) }
  }

  async function remove(actor: Actor, id: number): Promise<Done | NotAllowed | NotFound> {
    if (!mayManage(actor)) return notAllowed()
    const { count } = await prisma.faqEntry.updateMany({ where: { id, deletedAt: null }, data: { deletedAt: deps.clock.now(), updatedById: actor.userId } })
    if (count === 0) return notFound()
    await audit(prisma, { actorId: actor.userId, action: "hotline.faq_removed", subject: String(id) })
    return { ok: true }
  }

  /**
   * One step from a ticket to the FAQ: the ticket's first question and a specialist's answer (the one given, else the
   * latest with text). The specialist then reads it in the bot and removes personal details if there are any.
   */
  async function saveFromTicket(actor: Actor, ticketId: number, answerMessage?: { chatId: string; messageId: number }): Promise<FaqEditOutcome | { ok: false; reason: "no_answer" | "no_question" }> {
    if (!mayManage(actor)) return notAllowed()
    const ticket = await prisma.hotlineTicket.findUnique({ where: { id: ticketId }, select: { municipalityId: true } })
    const scope = staffScope(actor)
    if (!ticket) return notFound()
    if (!scope || !scopeCovers(scope, ticket.municipalityId)) return notAllowed()
    const question = await prisma.hotlineMessage.findFirst({ where: { ticketId, kind: "user", text: { not: null } }, orderBy: { id: "asc" } })
    const answer = await prisma.hotlineMessage.findFirst({
      where: { ticketId, kind: "staff", text: { not: null }, ...(answerMessage ? { chatId: BigInt(answerMessage.chatId), messageId: answerMessage.messageId } : {}) },
      orderBy: { id: "desc" },
    })
    if (!question?.text) return { ok: false, reason: "no_question" }
    if (!answer?.text) return { ok: false, reason: "no_answer" }
    return add(actor, { question: clip(question.text, FAQ_LIMITS.question), answer: clip(answer.text, FAQ_LIMITS.answer), sourceTicketId: ticketId })
  }

  /** The FAQ as a workbook: the way to edit it in bulk (change, add rows without a number, send it back). */
  async function exportXlsx(actor: Actor): Promise<Done<{ bytes: Buffer }> | NotAllowed> {
    const entries = await list(actor)
    if (!Array.isArray(entries)) return entries
    const workbook = newWorkbook()
    const sheet = workbook.addWorksheet("FAQ")
    sheet.columns = [
      { header: HEADERS.id, key: "id", width: 6 },
      { header: HEADERS.question, key: "question", width: 50 },
      { header: HEADERS.answer, key: "answer", width: 100 },
    ]
    sheet.getRow(1).font = { bold: true }
    for (const entry of entries) sheet.addRow({ id: entry.id, question: entry.question, answer: entry.answer })
    sheet.getColumn("question").alignment = { wrapText: true, vertical: "top" }
    sheet.getColumn("answer").alignment = { wrapText: true, vertical: "top" }
    return { ok: true, bytes: await workbookBytes(workbook) }
  }

  /**
   * Reads a FAQ workbook: a row with a number changes that entry, a row without one adds an entry. Everything is
   * checked first; a file with any problem changes nothing.
   */
  async function importXlsx(actor: Actor, bytes: Buffer): Promise<Done<{ added: number; updated: number }> | NotAllowed | RefusedWithProblems<FaqProblem>> {
    if (!mayManage(actor)) return notAllowed()
    const parsed = await parseFaqWorkbook(bytes)
    if ("problems" in parsed) return refused(parsed.problems)
    await ensureSeeded()
    const existing = new Set((await prisma.faqEntry.findMany({ where: { deletedAt: null }, select: { id: true } })).map((row) => row.id))
    const problems: FaqProblem[] = parsed.rows.flatMap((row) => (row.id !== null && !existing.has(row.id) ? [{ code: "faq-id-unknown" as const, row: row.row }] : []))
    if (problems.length > 0) return refused(problems)
    await prisma.$transaction(async (tx) => {
      for (const row of parsed.rows) {
        if (row.id === null) await tx.faqEntry.create({ data: { question: row.question, answer: row.answer, createdById: actor.userId, updatedById: actor.userId } })
        else await tx.faqEntry.update({ where: { id: row.id }, data: { question: row.question, answer: row.answer, updatedById: actor.userId } })
      }
      await tx.auditLog.create({ data: { actorId: actor.userId, action: "hotline.faq_imported", details: { rows: parsed.rows.length } } })
    })
    const added = parsed.rows.filter((row) => row.id === null).length
    return { ok: true, added, updated: parsed.rows.length - added }
  }

  return { suggest, recordHelped, list, get, add, edit, remove, saveFromTicket, exportXlsx, importXlsx, ensureSeeded, mayManage }
}

interface FaqRow {
  row: number
  id: number | null
  question: string
  answer: string
}

export async function parseFaqWorkbook(bytes: Buffer): Promise<{ rows: FaqRow[] } | { problems: FaqProblem[] }> {
  const guard = await refusedWholeWorkbook(bytes)
  if (guard) return { problems: [{ code: "faq-file", row: null, problem: guard }] }
  const workbook = newWorkbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    return { problems: [{ code: "faq-file", row: null, problem: { severity: "error", code: "file-unreadable", sheet: "", params: {} } as Problem }] }
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) return { problems: [{ code: "faq-no-rows", row: null }] }
  const header = sheet.getRow(1)
  const columns: Partial<Record<keyof typeof HEADERS, number>> = {}
  header.eachCell((cell, column) => {
    const text = cellText(cell.value).toLowerCase()
    for (const [key, title] of Object.entries(HEADERS)) if (text === title.toLowerCase()) columns[key as keyof typeof HEADERS] = column
  })
  if (!columns.question || !columns.answer) return { problems: [{ code: "faq-header-missing", row: null }] }
  const rows: FaqRow[] = []
  const problems: FaqProblem[] = []
  const seen = new Set<number>()
  for (let index = 2; index <= Math.min(sheet.rowCount, 5000); index++) {
    const row = sheet.getRow(index)
    const question = cellText(row.getCell(columns.question).value).replace(/^'(?=[=+\-@])/, "")
    const answer = cellText(row.getCell(columns.answer).value).replace(/^'(?=[=+\-@])/, "")
    const id = columns.id ? integerOf(row.getCell(columns.id).value) : null
    if (!question && !answer && id === null) continue
    if (!question) problems.push({ code: "faq-question-missing", row: index })
    if (!answer) problems.push({ code: "faq-answer-missing", row: index })
    if (question.length > FAQ_LIMITS.question) problems.push({ code: "faq-question-too-long", row: index })
    if (answer.length > FAQ_LIMITS.answer) problems.push({ code: "faq-answer-too-long", row: index })
    if (id !== null && seen.has(id)) problems.push({ code: "faq-id-duplicate", row: index })
    if (id !== null) seen.add(id)
    rows.push({ row: index, id, question, answer })
  }
  if (rows.length === 0 && problems.length === 0) problems.push({ code: "faq-no-rows", row: null })
  return problems.length > 0 ? { problems } : { rows }
}

function view(row: { id: number; question: string; answer: string }): FaqView {
  return { id: row.id, question: row.question, answer: row.answer }
}

function clip(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text
}

export type Faq = ReturnType<typeof createFaq>
