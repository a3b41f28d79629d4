/**
 * Risk alerts through the outbox (issue 13). A small change gives each recipient one message per school (school,
 * procedure, level, one line per fired sign, four buttons); a run that changes more schools of a municipality than
 * GROUP_LIMIT gives each of its coordinators one grouped message (count by level, the top schools) and the municipal
 * XLSX. Leaving the risk zone is said once, as good news. Messages wait for working hours in the municipality's time
 * zone unless the recipient chose immediate delivery. A school's coordinators get no level at all: a neutral
 * «рекомендации по объективности» message (what the file shows, what to check), like the teacher's summary.
 */
import { createHash } from "node:crypto"
import type { ProductionCalendar } from "../../domain/calendar/production-calendar.ts"
import { nextWorkingMoment } from "../../domain/calendar/working-time.ts"
import { procedureTitle } from "../../domain/results.ts"
import { createTranslator, type Translate } from "../../i18n.ts"
import type { SignResult } from "../analysis/signs/common/types.ts"
import type { ServiceDeps } from "../deps.ts"
import { enqueueMany } from "../notifications/outbox.ts"
import type { OutboxMessage } from "../notifications/payload.ts"
import { parseProcedureId } from "../results/procedure-key.ts"
import { alertButtonData, CASE_LIST_BUTTON_DATA, recommendationButtonData } from "./buttons.ts"
import type { Transition } from "./findings.ts"
import { municipalCoordinators, schoolCoordinators, subscribedAdmins, type Recipient } from "./recipients.ts"

/** More changed schools than this in one run → one grouped message per recipient. */
export const GROUP_LIMIT = 3
/** Schools named in a grouped message. */
const TOP_SCHOOLS = 5

export interface AlertContext {
  calendar: ProductionCalendar
  defaultTimeZone: string
  /** The municipal XLSX (overview, schools, cases) for a grouped message; null scope: the whole upload. */
  workbook(municipalityId: number | null, t: Translate): Promise<{ fileName: string; bytes: Buffer } | null>
}

interface SchoolNames {
  login: string
  name: string | null
}

const schoolLabel = (school: SchoolNames | undefined): string => (school ? (school.name ? `${school.login} (${school.name})` : school.login) : "—")

/** A sign in an alert: its title in plain words, no code and no figures (they are behind «Подробнее» and in the XLSX). */
function plainSign(sign: SignResult, t: Translate): string {
  const title = t(`sign-title-${sign.id}`)
  return sign.strength === "strong" ? t("analysis-sign-strong", { title }) : title
}

function reasonLines(transition: Transition, t: Translate): string[] {
  return transition.school.signs.filter((sign) => sign.status === "fired" && sign.kind !== "info").map((sign) => `• ${plainSign(sign, t)}`)
}

function clip(text: string, limit = 4000): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 2)}\n…`
}

function schoolAlertText(transition: Transition & { twoYears: boolean }, school: SchoolNames | undefined, t: Translate): string {
  const title = procedureTitle(parseProcedureId(transition.procedure))
  if (transition.announcement === "good_news") {
    return t("risk-good-news", { school: schoolLabel(school), title, level: t(`risk-level-${transition.to}`) })
  }
  const head =
    transition.to === "risk"
      ? t("risk-alert-head-risk", { school: schoolLabel(school) })
      : t("risk-alert-head-attention", { school: schoolLabel(school), rank: transition.school.risk.recheckRank ?? "—" })
  const lines = [head, title, ""]
  if (transition.twoYears && transition.to === "risk") lines.push(t("risk-alert-two-years"), "")
  lines.push(t("risk-alert-signs"), ...reasonLines(transition, t), "", t("risk-alert-caution"))
  return clip(lines.join("\n"))
}

function alertKeyboard(transition: Transition, t: Translate): OutboxMessage["keyboard"] {
  if (transition.announcement === "good_news") return [[{ text: t("risk-button-details"), callbackData: alertButtonData(transition.findingId, "details") }]]
  return [
    [
      { text: t("risk-button-details"), callbackData: alertButtonData(transition.findingId, "details") },
      { text: t("risk-button-recheck"), callbackData: alertButtonData(transition.findingId, "recheck") },
    ],
    [
      { text: t("risk-button-observers"), callbackData: alertButtonData(transition.findingId, "observers") },
      { text: t("risk-button-seen"), callbackData: alertButtonData(transition.findingId, "seen") },
    ],
  ]
}

/** The grouped message's schools first in line: risk before the list, then by score. */
function topOf(transitions: readonly Transition[]): Transition[] {
  return transitions
    .filter((tr) => tr.announcement === "alert")
    .sort((a, b) => Number(b.to === "risk") - Number(a.to === "risk") || b.school.risk.score - a.school.risk.score || a.findingId - b.findingId)
    .slice(0, TOP_SCHOOLS)
}

function groupText(transitions: readonly Transition[], names: Map<number, SchoolNames>, scope: string, t: Translate): string {
  const title = procedureTitle(parseProcedureId(transitions[0]!.procedure))
  const alerts = transitions.filter((tr) => tr.announcement === "alert")
  const count = (level: string) => alerts.filter((tr) => tr.to === level).length
  const better = transitions.filter((tr) => tr.announcement === "good_news").length
  const top = topOf(transitions)
  const lines = [
    t("risk-group-head", { title, scope }),
    t("risk-group-levels", { risk: count("risk"), attention: count("attention"), better }),
  ]
  if (top.length > 0) {
    lines.push("", t("risk-group-top"))
    for (const tr of top) {
      const first = tr.school.signs.find((sign) => sign.status === "fired" && sign.kind === "pattern") ?? tr.school.signs.find((sign) => sign.status === "fired" && sign.kind !== "info")
      const twice = tr.twoYears && tr.to === "risk" ? ` — ${t("risk-two-years-short")}` : ""
      lines.push(`• ${schoolLabel(names.get(tr.schoolId))} — ${t(`risk-level-${tr.to}`)}${twice}`)
      if (first) lines.push(`   ${plainSign(first, t)}`)
    }
  }
  lines.push("", t("risk-group-file"))
  return clip(lines.join("\n"))
}

function digest(transitions: readonly Transition[]): string {
  const parts = transitions.map((tr) => `${tr.findingId}:${tr.changes}`).sort()
  return createHash("sha256").update(parts.join(",")).digest("hex").slice(0, 24)
}

/** Plans every message a processed run calls for. Safe to call twice with the same changes: the keys repeat. */
export async function planAlerts(deps: ServiceDeps, context: AlertContext, transitions: readonly Transition[]): Promise<number> {
  if (transitions.length === 0) return 0
  const now = deps.clock.now()
  const schools = await deps.prisma.school.findMany({
    where: { id: { in: [...new Set(transitions.map((tr) => tr.schoolId))] } },
    select: { id: true, login: true, name: true },
  })
  const names = new Map(schools.map((school) => [school.id, { login: school.login, name: school.name }]))
  const municipalityIds = [...new Set(transitions.flatMap((tr) => (tr.municipalityId === null ? [] : [tr.municipalityId])))]
  const municipalities = new Map(
    (await deps.prisma.municipality.findMany({ where: { id: { in: municipalityIds } } })).map((m) => [m.id, m]),
  )
  const messages: OutboxMessage[] = []
  const translators = new Map<string, Translate>()
  const translate = (language: "ru" | "en"): Translate => {
    if (!translators.has(language)) translators.set(language, createTranslator(language))
    return translators.get(language)!
  }
  const notBefore = (recipient: Recipient, timeZone: string): Date => (recipient.immediate ? now : nextWorkingMoment(now, timeZone, context.calendar))

  async function forRecipients(recipients: readonly Recipient[], changes: readonly Transition[], scope: { municipalityId: number | null; name: string; timeZone: string }) {
    if (changes.length === 0) return
    const grouped = changes.length > GROUP_LIMIT
    const workbooks = new Map<string, { fileName: string; bytes: Buffer } | null>()
    for (const recipient of recipients) {
      const t = translate(recipient.language)
      const when = notBefore(recipient, scope.timeZone)
      if (!grouped) {
        for (const tr of changes) {
          messages.push({
            chatId: recipient.telegramId,
            text: schoolAlertText(tr, names.get(tr.schoolId), t),
            keyboard: alertKeyboard(tr, t),
            dedupeKey: `risk:${tr.announcement}:${tr.findingId}:${tr.changes}:u${recipient.userId}`,
            notBefore: when,
          })
        }
        continue
      }
      const key = `risk:group:${digest(changes)}:u${recipient.userId}`
      messages.push({
        chatId: recipient.telegramId,
        text: groupText(changes, names, scope.name || t("risk-scope-all"), t),
        // A re-check straight from the message for the schools it names, and the whole list of cases.
        keyboard: [
          ...topOf(changes).map((tr) => [{ text: t("risk-button-recheck-school", { school: names.get(tr.schoolId)?.login ?? "—" }), callbackData: alertButtonData(tr.findingId, "recheck") }]),
          [{ text: t("risk-button-cases"), callbackData: CASE_LIST_BUTTON_DATA }],
        ],
        dedupeKey: key,
        notBefore: when,
      })
      if (!workbooks.has(recipient.language)) workbooks.set(recipient.language, await context.workbook(scope.municipalityId, t))
      const workbook = workbooks.get(recipient.language)
      if (workbook) {
        messages.push({
          chatId: recipient.telegramId,
          document: { fileName: workbook.fileName, bytes: workbook.bytes },
          text: t("risk-group-file-caption", { title: procedureTitle(parseProcedureId(changes[0]!.procedure)) }),
          dedupeKey: `${key}:xlsx`,
          notBefore: when,
        })
      }
    }
  }

  const coordinators = await municipalCoordinators(deps, municipalityIds)
  for (const municipalityId of municipalityIds) {
    const municipality = municipalities.get(municipalityId)
    const changes = transitions.filter((tr) => tr.municipalityId === municipalityId)
    await forRecipients(coordinators.get(municipalityId)!, changes, {
      municipalityId,
      name: municipality?.name ?? "",
      timeZone: municipality?.timeZone ?? context.defaultTimeZone,
    })
  }
  await forRecipients(await subscribedAdmins(deps), transitions, { municipalityId: null, name: "", timeZone: context.defaultTimeZone })

  // Schools hear no level: their coordinators get the neutral recommendations when a school enters either list.
  const entering = transitions.filter((tr) => tr.announcement === "alert" && tr.from === "none")
  const schoolPeople = await schoolCoordinators(deps, [...new Set(entering.map((tr) => tr.schoolId))])
  for (const tr of entering) {
    const timeZone = (tr.municipalityId !== null ? municipalities.get(tr.municipalityId)?.timeZone : undefined) ?? context.defaultTimeZone
    for (const recipient of schoolPeople.get(tr.schoolId)!) {
      const t = translate(recipient.language)
      messages.push({
        chatId: recipient.telegramId,
        text: clip(recommendationText(t, procedureTitle(parseProcedureId(tr.procedure)), schoolLabel(names.get(tr.schoolId)), reasonLines(tr, t))),
        keyboard: [[{ text: t("risk-button-details"), callbackData: recommendationButtonData(tr.findingId) }]],
        dedupeKey: `risk:school:${tr.findingId}:${tr.changes}:u${recipient.userId}`,
        notBefore: notBefore(recipient, timeZone),
      })
    }
  }
  const results = await enqueueMany(deps, messages)
  return results.filter((result) => result.created).length
}

/** The school's neutral view: what the file shows and what to check; no level, no «risk». */
export function recommendationText(t: Translate, title: string, school: string, lines: readonly string[]): string {
  return [t("risk-school-head", { title, school }), "", t("risk-school-body"), ...lines, "", t("risk-school-check"), "", t("risk-school-caution")].join("\n")
}
