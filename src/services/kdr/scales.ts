import { russianDate } from "../../domain/calendar/dates.ts"
import { instantAt, localDate } from "../../domain/calendar/zoned.ts"
import { DEFAULT_SHARES, isValidScale, marksUnder, scaleFromReference, scaleFromShares, type MarkCounts, type MarkShares } from "../../domain/kdr/scale.ts"
import { markForScore, procedureTitle, type MarkScale, type ParticipantResult, type ProcedureKey } from "../../domain/results.ts"
import { createTranslator } from "../../i18n.ts"
import { audit } from "../access/audit.ts"
import { coordinatedMunicipalities, isAdmin, type Actor } from "../access/roles.ts"
import { analyseStored } from "../analysis/stored-runs.ts"
import { loadCalendar } from "../calendar/calendar.ts"
import type { Deadlines } from "../deadlines/index.ts"
import type { ServiceDeps } from "../deps.ts"
import { enqueueMany } from "../notifications/outbox.ts"
import { notAllowed, notFound, refused, type Done, type NotAllowed, type NotFound, type RefusedWithProblems } from "../outcome.ts"
import { createResultSets } from "../participants/store.ts"
import { parseProcedureId } from "../results/procedure-key.ts"
import { loadProcedureResults } from "../analysis/current-results.ts"
import { listSpecs, saveSpecVersion } from "../specs/store.ts"
import type { Job } from "../scheduling/jobs.ts"
import { buildMarksWorkbook } from "./marks-xlsx.ts"

/**
 * КДР scaling (issue 16 §7): the results come in through the ordinary intake (a КДР spec without a scale gives no
 * marks); here the coordinator sees two proposals — the scale matching chosen shares of each mark, and the ВПР scale
 * of the same subject and grade carried over in proportion — with what each does to the marks, confirms one, and
 * the marks of every school in scope are recomputed as a new version of each school's results (versions never
 * change). The school coordinators get their school's marks the next working day at 09:00 through the outbox.
 * The intake is not touched: this reads the stored results and writes new versions the way the intake does.
 */

export interface Proposal {
  kind: "shares" | "reference"
  scale: MarkScale
  marks: MarkCounts
  /** For `shares`: the shares aimed at, and where they come from. */
  shares?: MarkShares
  sharesFrom?: "chosen" | "vpr" | "default"
  /** For `reference`: the ВПР whose scale was carried over. */
  reference?: { title: string; scale: MarkScale; maxTotal: number }
}

export interface KdrProcedure {
  /** A number naming the procedure for buttons (the id of one of its spec rows). */
  handle: number
  id: string
  title: string
  schools: number
  participants: number
  scale: MarkScale | null
}

const SCALE_KIND = "kdr_scale"

export function createKdrScales(deps: ServiceDeps, deadlines: Pick<Deadlines, "track" | "complete">) {
  function scopeOf(actor: Actor): number[] | null | false {
    if (isAdmin(actor)) return null
    const municipalities = coordinatedMunicipalities(actor)
    return municipalities.length > 0 ? municipalities : false
  }

  async function load(key: ProcedureKey, scope: number[] | null) {
    return loadProcedureResults(deps.prisma, key, scope ? { municipalityIds: scope } : {})
  }

  function presentTotals(schools: { participants: ParticipantResult[] }[]): number[] {
    return schools.flatMap((school) => school.participants.filter((p) => !p.absent && p.total !== null).map((p) => p.total!))
  }

  /** The latest ВПР of the same subject and grade with a known scale (the catalogue's or a coordinator's). */
  async function referenceSpec(key: ProcedureKey) {
    const specs = (await listSpecs(deps.prisma)).filter((spec) => spec.kind === "ВПР" && spec.subject === key.subject && spec.grade === key.grade && spec.scale !== null)
    return specs.sort((a, b) => b.year - a.year)[0] ?? null
  }

  /** The mark shares of the latest ВПР of the same subject and grade held for the scope, if any were marked. */
  async function referenceShares(key: ProcedureKey, scope: number[] | null): Promise<MarkShares | null> {
    const held = await deps.prisma.resultSet.findMany({
      where: { isCurrent: true, procedure: { startsWith: "ВПР|" }, AND: [{ procedure: { endsWith: `|${key.subject}|${key.grade}` } }] },
      distinct: ["procedure"],
      select: { procedure: true },
    })
    const latest = held.map((row) => parseProcedureId(row.procedure)).sort((a, b) => b.year - a.year)[0]
    if (!latest) return null
    const loaded = await load(latest, scope)
    const marks = (loaded?.schools ?? []).flatMap((school) => school.participants.filter((p) => !p.absent && p.mark !== null).map((p) => p.mark!))
    if (marks.length < 30) return null // too few to be a distribution worth copying
    const count = (mark: number) => marks.filter((value) => value === mark).length / marks.length
    return { 2: count(2), 3: count(3), 4: count(4), 5: count(5) }
  }

  return {
    /** КДР procedures with results in the actor's scope, and whether each has a scale yet. */
    async procedures(actor: Actor): Promise<KdrProcedure[] | NotAllowed> {
      const scope = scopeOf(actor)
      if (scope === false) return notAllowed()
      const sets = await deps.prisma.resultSet.findMany({
        where: { isCurrent: true, procedure: { startsWith: "КДР|" }, ...(scope ? { school: { municipalityId: { in: scope } } } : {}) },
        select: { procedure: true, present: true, specId: true, spec: { select: { scale: true } } },
      })
      const byProcedure = new Map<string, KdrProcedure>()
      for (const set of sets) {
        const item = byProcedure.get(set.procedure) ?? { handle: set.specId, id: set.procedure, title: procedureTitle(parseProcedureId(set.procedure)), schools: 0, participants: 0, scale: null }
        item.schools++
        item.participants += set.present
        item.scale ??= (set.spec.scale as MarkScale | null) ?? null
        byProcedure.set(set.procedure, item)
      }
      return [...byProcedure.values()].sort((a, b) => a.title.localeCompare(b.title, "ru"))
    },

    /** The procedure a button's handle names (a spec row of it), or null. */
    async procedureOf(handle: number): Promise<string | null> {
      const row = await deps.prisma.procedureSpec.findUnique({ where: { id: handle }, select: { kind: true, year: true, subject: true, grade: true } })
      return row && row.kind === "КДР" ? `${row.kind}|${row.year}|${row.subject}|${row.grade}` : null
    },

    /** Both proposals for a КДР, with the marks each gives; `shares` (if given) replaces the default shares. */
    async propose(actor: Actor, procedure: string, shares?: MarkShares): Promise<Done<{ title: string; maxTotal: number; participants: number; schools: number; current: MarkScale | null; proposals: Proposal[] }> | NotAllowed | NotFound> {
      const scope = scopeOf(actor)
      if (scope === false) return notAllowed()
      const key = parseProcedureId(procedure)
      if (key.kind !== "КДР") return notFound()
      const loaded = await load(key, scope)
      if (!loaded) return notFound()
      const totals = presentTotals(loaded.schools)
      if (totals.length === 0) return notFound()
      const fromVpr = shares ? null : await referenceShares(key, scope)
      const wanted = shares ?? fromVpr ?? DEFAULT_SHARES
      const byShares = scaleFromShares(totals, loaded.spec.maxTotal, wanted)
      const proposals: Proposal[] = [{ kind: "shares", scale: byShares, marks: marksUnder(totals, byShares), shares: wanted, sharesFrom: shares ? "chosen" : fromVpr ? "vpr" : "default" }]
      const reference = await referenceSpec(key)
      if (reference?.scale) {
        const carried = scaleFromReference(reference.scale, reference.maxTotal, loaded.spec.maxTotal)
        proposals.push({ kind: "reference", scale: carried, marks: marksUnder(totals, carried), reference: { title: procedureTitle(reference), scale: reference.scale, maxTotal: reference.maxTotal } })
      }
      return { ok: true, title: procedureTitle(key), maxTotal: loaded.spec.maxTotal, participants: totals.length, schools: loaded.schools.length, current: loaded.spec.scale, proposals }
    },

    /**
     * The coordinator confirms a scale: a new spec version carries it, every school's current results in scope get a
     * new version with marks recomputed, the analysis is refreshed, and each school's coordinators get their marks at
     * 09:00 of the next working day (local time).
     */
    async confirm(actor: Actor, procedure: string, scale: MarkScale): Promise<Done<{ version: number; schools: number; participants: number; marks: MarkCounts; deliverOn: string }> | NotAllowed | NotFound | RefusedWithProblems<"kdr-scale-invalid">> {
      const scope = scopeOf(actor)
      if (scope === false) return notAllowed()
      const key = parseProcedureId(procedure)
      if (key.kind !== "КДР") return notFound()
      const loaded = await load(key, scope)
      if (!loaded) return notFound()
      if (!isValidScale(scale, loaded.spec.maxTotal)) return refused(["kdr-scale-invalid"])
      const { version: _version, ...base } = loaded.spec
      const spec = await saveSpecVersion(deps.prisma, { ...base, scale, source: `${base.source}; шкала КДР утверждена ${russianDate(localDate(deps.clock.now(), "Europe/Moscow"))}` }, actor.userId)
      const specRow = await deps.prisma.procedureSpec.findUniqueOrThrow({ where: { kind_year_subject_grade_version: { kind: spec.kind, year: spec.year, subject: spec.subject, grade: spec.grade, version: spec.version } } })
      const current = await deps.prisma.resultSet.findMany({ where: { id: { in: loaded.resultSetIds } }, select: { id: true, schoolId: true, uploadId: true, version: true, reference: true } })
      const schoolKeyOf = new Map([...loaded.schoolIds].map(([schoolKey, id]) => [id, schoolKey]))
      const participantsOf = new Map(loaded.schools.map((school) => [school.schoolKey, school.participants.map((p) => ({ ...p, mark: p.absent || p.total === null ? null : markForScore(p.total, scale) }))]))
      await deps.prisma.$transaction(async (tx) => {
        const latest = await tx.resultSet.groupBy({ by: ["schoolId"], where: { procedure, schoolId: { in: current.map((set) => set.schoolId) } }, _max: { version: true } })
        const versionOf = new Map(latest.map((row) => [row.schoolId, row._max.version ?? 0]))
        await tx.resultSet.updateMany({ where: { id: { in: current.map((set) => set.id) } }, data: { isCurrent: false } })
        const created = await createResultSets(
          tx,
          current.map((set) => ({
            specId: specRow.id, schoolId: set.schoolId, procedure, version: (versionOf.get(set.schoolId) ?? set.version) + 1, uploadId: set.uploadId, reference: set.reference,
            participants: participantsOf.get(schoolKeyOf.get(set.schoolId)!)!,
          })),
        )
        await audit(tx, { actorId: actor.userId, action: "kdr.scale.confirmed", subject: procedure, details: { scale, specVersion: spec.version, schools: created.length } })
      })
      try {
        await analyseStored(deps, key)
      } catch (error) {
        deps.logger.error({ err: error, procedure }, "analysis after the КДР scale failed")
      }
      const all = [...participantsOf.values()].flat()
      const totals = all.filter((p) => !p.absent && p.total !== null).map((p) => p.total!)
      const deliverOn = await deliver(key, procedure, scale, spec.version, [...loaded.schoolIds.values()], participantsOf, schoolKeyOf)
      const municipalities = [...new Set((await deps.prisma.school.findMany({ where: { id: { in: current.map((set) => set.schoolId) } }, select: { municipalityId: true } })).map((school) => school.municipalityId))]
      for (const municipalityId of municipalities) if (municipalityId !== null) await deadlines.complete(`kdr:scale:${procedure}:${municipalityId}`, { byUserId: actor.userId })
      return { ok: true, version: spec.version, schools: current.length, participants: totals.length, marks: marksUnder(totals, scale), deliverOn }
    },

    /** A КДР with results and no scale becomes a deadline for the municipal coordinators (two working days). */
    job: {
      name: "kdr.scale-deadlines",
      everyMs: 10 * 60_000,
      run: async (now: Date) => {
        const sets = await deps.prisma.resultSet.findMany({
          where: { isCurrent: true, procedure: { startsWith: "КДР|" }, school: { municipalityId: { not: null } } },
          select: { procedure: true, createdAt: true, spec: { select: { scale: true } }, school: { select: { municipalityId: true, municipality: { select: { timeZone: true } } } } },
        })
        const groups = new Map<string, { procedure: string; municipalityId: number; timeZone: string; first: Date; scaled: boolean }>()
        for (const set of sets) {
          const id = `${set.procedure}|${set.school.municipalityId}`
          const group = groups.get(id) ?? { procedure: set.procedure, municipalityId: set.school.municipalityId!, timeZone: set.school.municipality!.timeZone, first: set.createdAt > now ? now : set.createdAt, scaled: true }
          if (set.createdAt < group.first) group.first = set.createdAt
          group.scaled &&= set.spec.scale !== null
          groups.set(id, group)
        }
        if (groups.size === 0) return
        const calendar = await loadCalendar(deps)
        for (const group of groups.values()) {
          const key = `kdr:scale:${group.procedure}:${group.municipalityId}`
          if (group.scaled) {
            await deadlines.complete(key)
            continue
          }
          let dueDate: string
          try {
            dueDate = calendar.addWorkingDays(localDate(group.first, group.timeZone), 2)
          } catch {
            continue
          }
          await deadlines.track({
            key,
            kind: SCALE_KIND,
            title: { key: "kdr-scale-title", params: { procedure: procedureTitle(parseProcedureId(group.procedure)) } },
            municipalityId: group.municipalityId,
            due: { date: dueDate },
            responsible: { roles: ["municipal_coordinator"] },
          })
        }
      },
    } satisfies Job,
  }

  /** Each school's marks to its coordinators, at 09:00 of the next working day in the school's municipality. */
  async function deliver(
    key: ProcedureKey,
    procedure: string,
    scale: MarkScale,
    version: number,
    schoolIds: number[],
    participantsOf: Map<string, ParticipantResult[]>,
    schoolKeyOf: Map<number, string>,
  ): Promise<string> {
    const calendar = await loadCalendar(deps)
    const now = deps.clock.now()
    const schools = await deps.prisma.school.findMany({ where: { id: { in: schoolIds } }, select: { id: true, login: true, name: true, municipality: { select: { timeZone: true } } } })
    const grants = await deps.prisma.roleGrant.findMany({
      where: { revokedAt: null, role: "school_coordinator", schoolId: { in: schoolIds } },
      select: { schoolId: true, user: { select: { id: true, telegramId: true, language: true } } },
    })
    let deliverOn = ""
    const messages = []
    for (const school of schools) {
      const timeZone = school.municipality?.timeZone ?? "Europe/Moscow"
      const day = calendar.nextWorkingDay(localDate(now, timeZone))
      deliverOn ||= day
      const participants = participantsOf.get(schoolKeyOf.get(school.id)!)!
      const present = participants.filter((p) => !p.absent && p.total !== null)
      const marks = marksUnder(present.map((p) => p.total!), scale)
      const bytes = await buildMarksWorkbook(key, scale, school, participants)
      for (const grant of grants.filter((candidate) => candidate.schoolId === school.id)) {
        const t = createTranslator(grant.user.language === "en" ? "en" : "ru")
        messages.push({
          chatId: grant.user.telegramId,
          text: t("kdr-marks-delivered", { title: procedureTitle(key), three: scale["3"], four: scale["4"], five: scale["5"], m5: marks.counts[5], m4: marks.counts[4], m3: marks.counts[3], m2: marks.counts[2], present: marks.total }),
          document: { fileName: `${procedureTitle(key).replaceAll(" · ", " - ")} - ${school.login}.xlsx`, bytes },
          dedupeKey: `kdr:${procedure}:v${version}:${school.id}:${grant.user.id}`,
          notBefore: instantAt(day, 9 * 60, timeZone),
        })
      }
    }
    await enqueueMany(deps, messages)
    return deliverOn
  }
}

export type KdrScales = ReturnType<typeof createKdrScales>
