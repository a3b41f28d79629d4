import { createHash } from "node:crypto"
import { procedureTitle, type ProcedureKey } from "../../domain/results.ts"
import { findSpec } from "../../domain/procedures/index.ts"
import type { Translate } from "../../i18n.ts"
import { audit } from "../access/audit.ts"
import { coordinatedMunicipalities, hasRole, isAdmin, type Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"
import { parseResults } from "./formats/parse.ts"
import type { ParsedResults, ParseOptions } from "./formats/types.ts"
import { importResults, type ImportOutcome } from "./import.ts"
import { viewOf } from "./intake-view.ts"
import { buildProblemReport } from "./problems-xlsx.ts"
import { listSpecs, saveSpecVersion } from "./specs-store.ts"
import { importDirectory } from "./directory.ts"
import { buildSpecTemplate, parseSpecWorkbook } from "./spec-xlsx.ts"
import type { Problem } from "./validation/problem.ts"
import type { ProcedureSpec } from "../../domain/results.ts"
import { analyseStored } from "../analysis/runs.ts"
import { buildTemplate } from "./template.ts"
import { writeUploadBytes } from "./upload-bytes.ts"
import { importOutsideData, isReached, type OutsideImportOutcome, type OutsideReach } from "../outside/import.ts"
import { parseProcedureId } from "./procedure-key.ts"
import { buildOutsideTemplate, OUTSIDE_TEMPLATE_FILE } from "../outside/template.ts"

export interface ReceivedFile {
  bytes: Buffer
  fileName: string
}

/** What the sender chose while the bot asked: the procedure, the school, whether to leave out invalid rows. */
export interface IntakeChoices {
  procedure?: ProcedureKey
  schoolLogin?: string
  excludeInvalidRows?: boolean
}

/**
 * The intake use cases: keep every received file, read it with the known specs, store what passed.
 * Parsing a regional file takes seconds, so the last parse of each upload is kept in memory for the
 * confirmation step that follows it.
 */
export function createIntake(deps: ServiceDeps) {
  const recent = new Map<string, ParsedResults>()

  async function read(file: ReceivedFile, choices: IntakeChoices, onProgress?: (rows: number) => void): Promise<ParsedResults> {
    const options: ParseOptions = {
      fileName: file.fileName,
      specs: await listSpecs(deps.prisma),
      allowInvalidRows: choices.excludeInvalidRows ? "exclude" : "reject",
      ...(choices.procedure ? { procedure: choices.procedure } : {}),
      ...(choices.schoolLogin ? { schoolLogin: choices.schoolLogin } : {}),
      ...(onProgress ? { onProgress } : {}),
    }
    const key = cacheKey(file, choices)
    const cached = recent.get(key)
    if (cached) return cached
    const parsed = await parseResults(file.bytes, options)
    recent.set(key, parsed)
    if (recent.size > 8) recent.delete(recent.keys().next().value!)
    return parsed
  }

  /** Like an import of results, new outside data re-runs (and stores) the analyses that read it. */
  async function refreshReached(reach: OutsideReach): Promise<void> {
    const held = await deps.prisma.resultSet.findMany({ where: { isCurrent: true }, distinct: ["procedure"], select: { procedure: true } })
    for (const { procedure } of held) {
      const key = parseProcedureId(procedure)
      if (!isReached(reach, procedure, key)) continue
      try {
        await analyseStored(deps, key)
      } catch (error) {
        deps.logger.error({ err: error, procedure }, "analysis after outside data failed")
      }
    }
  }

  return {
    /** Stores the file as received (nothing is lost, whatever happens next) and returns its id. */
    async keep(actor: Actor, file: ReceivedFile): Promise<number> {
      const upload = await deps.prisma.upload.create({
        data: {
          sha256: sha256(file.bytes),
          size: file.bytes.length,
          fileName: file.fileName,
          bytes: new Uint8Array(0),
          senderId: actor.userId,
        },
      })
      await writeUploadBytes(deps.prisma, upload.id, file.bytes)
      await audit(deps.prisma, { actorId: actor.userId, action: "upload.received", subject: String(upload.id), details: { fileName: file.fileName, size: file.bytes.length } })
      return upload.id
    },

    async load(uploadId: number): Promise<ReceivedFile> {
      const upload = await deps.prisma.upload.findUniqueOrThrow({ where: { id: uploadId } })
      return { bytes: Buffer.from(upload.bytes), fileName: upload.fileName }
    },

    read,

    view: viewOf,

    /** A teacher or school coordinator of exactly one school: files without a login are that school's. */
    async ownSchoolLogin(actor: Actor): Promise<string | null> {
      const ids = [...new Set(actor.grants.flatMap((grant) => (grant.schoolId === null ? [] : [grant.schoolId])))]
      if (ids.length !== 1) return null
      return (await deps.prisma.school.findUnique({ where: { id: ids[0]! } }))?.login ?? null
    },

    /** The procedures we hold specs for: the choices offered when a file does not say. */
    async knownProcedures(): Promise<ProcedureKey[]> {
      return (await listSpecs(deps.prisma)).map(({ kind, year, subject, grade }) => ({ kind, year, subject, grade }))
    },

    /** The full problem list of a parse as an XLSX with the cells highlighted, or null when there is nothing to show. */
    async problemsWorkbook(file: ReceivedFile, choices: IntakeChoices, translate: Translate): Promise<Buffer | null> {
      const parsed = await read(file, choices)
      if (parsed.problems.length === 0) return null
      return buildProblemReport(file.bytes, parsed.problems, translate)
    },

    specTemplate: () => buildSpecTemplate(),

    /** The FIS OKO context-data form fills the school directory (coordinators and admins only). */
    async importDirectory(actor: Actor, uploadId: number) {
      if (!hasRole(actor, "municipal_coordinator")) return null
      const file = await this.load(uploadId)
      const outcome = await importDirectory(deps, actor, file.bytes)
      // The form also holds school heads' names and phones: only what the directory needs is kept, not the file.
      await deps.prisma.upload.update({ where: { id: uploadId }, data: { status: outcome.ok ? "imported" : "rejected", layout: "context-form", bytes: new Uint8Array(0) } })
      return outcome
    },

    /** Our outside-data workbook (ОГЭ/ЕГЭ, medalists, re-checks) for signs S8–S10: coordinators and admins only. */
    async importOutside(actor: Actor, uploadId: number) {
      return (await this.importOutsideWithReport(actor, uploadId, null)).outcome
    },

    /**
     * importOutside, and for a refused file the problem report (its cells highlighted, as for results) when a
     * translation is given. It is built here, while the bytes are in hand: a refused outside-data upload does not keep them.
     */
    async importOutsideWithReport(actor: Actor, uploadId: number, translate: Translate | null): Promise<{ outcome: OutsideImportOutcome; report: ReceivedFile | null }> {
      const file = await this.load(uploadId)
      const outcome = await importOutsideData(deps, actor, file, { uploadId })
      if (outcome.ok) await refreshReached(outcome.affects)
      const located = !outcome.ok && outcome.reason === "problems" && outcome.problems.some((found) => found.sheet !== "")
      const report = located && translate ? { bytes: await buildProblemReport(file.bytes, outcome.problems, translate), fileName: file.fileName } : null
      return { outcome, report }
    },

    /** The empty outside-data workbook, listing the schools the actor may load data for. */
    async outsideTemplate(actor: Actor, translate: Translate): Promise<{ bytes: Buffer; fileName: string }> {
      const municipalities = coordinatedMunicipalities(actor)
      const schools = isAdmin(actor) || municipalities.length > 0
        ? await deps.prisma.school.findMany({
            where: isAdmin(actor) ? {} : { municipalityId: { in: municipalities } },
            select: { login: true, name: true },
            orderBy: { login: "asc" },
          })
        : []
      const bytes = await buildOutsideTemplate(translate, { schools, maxYear: deps.clock.now().getUTCFullYear() })
      return { bytes, fileName: OUTSIDE_TEMPLATE_FILE }
    },

    /** A coordinator's spec workbook becomes the next version of that procedure's spec. */
    async saveSpec(actor: Actor, bytes: Buffer): Promise<{ ok: true; spec: ProcedureSpec } | { ok: false; problems: Problem[] }> {
      if (!hasRole(actor, "municipal_coordinator")) return { ok: false, problems: [] }
      const parsed = await parseSpecWorkbook(bytes)
      if ("problems" in parsed) return { ok: false, problems: parsed.problems }
      const spec = await saveSpecVersion(deps.prisma, parsed.spec, actor.userId)
      await audit(deps.prisma, { actorId: actor.userId, action: "spec.saved", subject: `${spec.kind}|${spec.year}|${spec.subject}|${spec.grade}`, details: { version: spec.version } })
      return { ok: true, spec }
    },

    async template(procedure: ProcedureKey, translate: Translate): Promise<{ bytes: Buffer; fileName: string } | null> {
      const spec = findSpec(procedure, await listSpecs(deps.prisma))
      if (!spec) return null
      return { bytes: await buildTemplate(spec, translate), fileName: `Шаблон — ${procedureTitle(spec).replaceAll("·", "-")}.xlsx` }
    },

    /** Imports a parsed upload after the sender confirmed its warnings; marks the kept file. */
    async store(actor: Actor, uploadId: number, file: ReceivedFile, choices: IntakeChoices): Promise<ImportOutcome | { ok: false; reason: "not_importable" }> {
      const parsed = await read(file, choices)
      if (!parsed.canImport || !parsed.spec) return { ok: false, reason: "not_importable" }
      const outcome = await importResults(deps, actor, {
        file,
        uploadId,
        layout: parsed.layout ?? "unknown",
        spec: parsed.spec,
        schools: parsed.schools,
        participants: parsed.participants,
        warningsConfirmed: parsed.problems.filter((found) => found.severity === "warning").length,
      })
      if (!outcome.ok) {
        await this.markRejected(actor, uploadId, "rejected", outcome.reason)
        return outcome
      }
      // The analysis of the affected procedure runs right after each import (and is stored with its settings).
      try {
        await analyseStored(deps, parsed.spec)
      } catch (error) {
        deps.logger.error({ err: error, uploadId }, "analysis after import failed")
      }
      return outcome
    },

    /**
     * Records why a kept file was not imported. A file that carries pupils' names is not kept at all: only its
     * hash, size and name stay on record (no personal data from result files is ever stored).
     */
    async markRejected(actor: Actor, uploadId: number, status: "rejected" | "cancelled", reason: string, options: { personalData?: boolean } = {}): Promise<void> {
      const drop = options.personalData ? { bytes: new Uint8Array(0) } : {}
      await deps.prisma.upload.update({ where: { id: uploadId }, data: { status, summary: { reason, bytesDropped: options.personalData ?? false }, ...drop } })
      if (options.personalData) recent.clear()
      await audit(deps.prisma, { actorId: actor.userId, action: `upload.${status}`, subject: String(uploadId), details: { reason } })
    },
  }
}

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex")
}

function cacheKey(file: ReceivedFile, choices: IntakeChoices): string {
  return `${sha256(file.bytes)}|${JSON.stringify(choices)}`
}

export type Intake = ReturnType<typeof createIntake>
