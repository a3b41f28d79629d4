/**
 * The front door for every workbook a sender sends: one decision sequence, a small state machine that the bot's
 * upload dialog and the command line both drive — the bot asks the questions, the command line answers them from
 * its flags (IntakeChoices given up front).
 *
 *   receive ─▶ keep the file ─▶ read ─▶ which kind? ── outside data, context form, spec: stored or refused at once
 *                                          │
 *                                       results ─▶ procedure or school unknown? ─ ask ─▶ read again (≤ 3 rounds)
 *                                          ─▶ schools not the sender's? none hers: refused ─ else ask: only hers ─▶ read them again
 *                                          ─▶ errors? listed ─ only row errors? ─ ask to leave them out ─▶ read again
 *                                          ─▶ warnings? listed ─ ask to confirm ─▶ store ─▶ analyse
 *
 * Later steps slot in as states of the results branch: a spec proposed from the file when none ships (at `needs-spec`); refusals decided
 * from a sheet's header, before its body, belong in the pass (intake/read.ts).
 *
 * The bytes stay behind the upload id. Each step reads them once at most; the last read of an open upload is
 * remembered for the step that follows (the store after a confirmation), in this process only: another instance,
 * or a restart, reads again.
 */
import type { Translate } from "../../i18n.ts"
import type { Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"
import { outsideReadContext } from "../exams-medalists-rechecks/import.ts"
import { notAllowed, refused } from "../outcome.ts"
import type { ParsedResults } from "../results/formats/types.ts"
import { fileScope } from "../results/scope.ts"
import type { ProcedureKey } from "../../domain/results.ts"
import { proposalStorable, proposeSpec, specOfProposal } from "../specs/propose.ts"
import { saveSpec, specFitsFile, specMunicipalitiesOf, specScopeOf } from "../specs/specs.ts"
import { listSpecs } from "../specs/store.ts"
import { closeUpload, keepUpload, keptFile, type ReceivedFile } from "../uploads/uploads.ts"
import { problem, type Problem } from "../workbooks/problem.ts"
import { buildProblemReport } from "../workbooks/problems-xlsx.ts"
import { storeContextForm } from "./kinds/context-form.ts"
import { storeOutside } from "./kinds/outside-data.ts"
import { digestProblems, hasPersonalData, onlyRowErrors, storeResults } from "./kinds/results.ts"
import { storeSpec } from "./kinds/spec.ts"
import { proposeFromFile, showProposal } from "./propose.ts"
import { readWorkbook, type WorkbookRead } from "./read.ts"
import type {
  IntakeAnswer, IntakeChoices, IntakeKind, IntakeNotice, IntakeQuestion, IntakeRefusal, IntakeSession, IntakeStep, ProblemsRefusal, StoredUpload,
} from "./steps.ts"

export type * from "./steps.ts"

/** Rounds of questions about the procedure or the school before the intake gives up. */
const MAX_ROUNDS = 3
/** How many problems a step lists by default; the full list goes back as a workbook. */
export const PROBLEMS_SHOWN = 20
/** The sender's schools a scope question names (the count says how many in all). */
const SCOPE_SCHOOLS_SHOWN = 10
/** Reads remembered between steps (one per open upload). */
const REMEMBERED_READS = 4

export interface StepOptions {
  /** The sender's language for the problems workbook; without it no workbook is built (the command line). */
  translate?: Translate
  /** How many problems a step lists (default 20). */
  show?: number
  /** Hears the place in line while other files are being read (at most MAX_PARALLEL_PARSES at once). */
  onQueued?: (place: number) => void
}

export interface ReceiveOptions extends StepOptions {
  /** Answers known before any question (the command line's flags). */
  given?: IntakeChoices
  onProgress?: (rowsDone: number) => void
}

/** One step's work on one upload: its bytes loaded at most once, what was told so far. */
interface Step {
  actor: Actor
  session: IntakeSession
  options: StepOptions
  notices: IntakeNotice[]
  file(): Promise<ReceivedFile>
}

export function createIntake(deps: ServiceDeps) {
  const lastReads = new Map<number, { choices: string; read: WorkbookRead }>()

  /** The choices a read depends on (the confirmation of warnings does not change it). */
  const readKey = (session: IntakeSession): string =>
    JSON.stringify([session.choices.procedure ?? null, session.choices.schoolLogin ?? null, session.choices.excludeInvalidRows ?? false, session.choices.scope ?? null, session.mine ?? null])
  function remember(session: IntakeSession, read: WorkbookRead): WorkbookRead {
    lastReads.delete(session.uploadId)
    lastReads.set(session.uploadId, { choices: readKey(session), read })
    if (lastReads.size > REMEMBERED_READS) lastReads.delete(lastReads.keys().next().value!)
    return read
  }
  /** The schools to read: the sender's only, once she chose so. */
  const onlySchools = (session: IntakeSession): string[] | undefined => (session.choices.scope === "mine" ? session.mine : undefined)

  async function read(step: Step, onProgress?: (rowsDone: number) => void): Promise<WorkbookRead> {
    const { uploadId, choices } = step.session
    const remembered = lastReads.get(uploadId)
    if (remembered && remembered.choices === readKey(step.session)) return remembered.read
    // «Leave the rows with errors out» after a read that kept them: the same rows decided again, not read again.
    const onlyExcluding = choices.excludeInvalidRows && remembered?.choices === readKey({ ...step.session, choices: { ...choices, excludeInvalidRows: false } })
    if (onlyExcluding && remembered.read.kind === "results") return remember(step.session, { ...remembered.read, results: remembered.read.withInvalidRowsExcluded() })
    const only = onlySchools(step.session)
    const file = await step.file()
    // The specs we hold, the directory's schools and this year: what every kind of workbook is checked against.
    const context = await outsideReadContext(deps, specMunicipalitiesOf(step.actor))
    const result = await readWorkbook(
      file.bytes,
      { specs: context.specs ?? [], knownSchools: context.knownSchools ?? new Set(), maxYear: context.maxYear },
      {
        fileName: file.fileName,
        allowInvalidRows: choices.excludeInvalidRows ? "exclude" : "reject",
        ...(choices.procedure ? { procedure: choices.procedure } : {}),
        ...(choices.schoolLogin ? { schoolLogin: choices.schoolLogin } : {}),
        ...(only ? { onlySchools: only } : {}),
        ...(choices.scope === "with-reference" && step.session.mine ? { ownSchools: step.session.mine } : {}),
      },
      onProgress,
      step.options.onQueued,
    )
    return remember(step.session, result)
  }

  function stepOf(actor: Actor, session: IntakeSession, options: StepOptions, file?: ReceivedFile): Step {
    let loaded: Promise<ReceivedFile> | null = file ? Promise.resolve(file) : null
    return {
      actor,
      session: {
        ...session,
        choices: { ...session.choices },
        missing: [...session.missing],
        answered: [...session.answered],
        told: [...session.told],
        ...(session.mine ? { mine: [...session.mine] } : {}),
      },
      options,
      notices: [],
      file: () => (loaded ??= keptFile(deps, session.uploadId)),
    }
  }

  // ——— the ends of a step ———

  function question(step: Step, asked: IntakeQuestion, problems: Problem[] = []): IntakeStep {
    step.session.awaiting = asked.ask
    const digest = problems.length > 0 ? digestProblems(problems, step.options.show ?? PROBLEMS_SHOWN) : null
    return { step: "question", question: asked, session: step.session, problems: digest, notices: step.notices, followUp: [] }
  }

  function stored(step: Step, upload: StoredUpload): IntakeStep {
    lastReads.delete(step.session.uploadId)
    return { step: "stored", stored: upload, notices: step.notices, followUp: [] }
  }

  async function refuse(step: Step, refusal: IntakeRefusal, record: { status?: "rejected"; reason: string } | null, followUp: IntakeNotice[] = []): Promise<IntakeStep> {
    if (record) await closeUpload(deps, step.actor, step.session.uploadId, "rejected", record.reason, { personalData: step.session.personalData })
    lastReads.delete(step.session.uploadId)
    return { step: "refused", refusal, notices: step.notices, followUp }
  }

  async function cancelled(step: Step, declined: "exclude-invalid-rows" | "confirm-warnings" | "confirm-spec" | null, reason = "by sender"): Promise<IntakeStep> {
    await closeUpload(deps, step.actor, step.session.uploadId, "cancelled", reason, { personalData: step.session.personalData })
    lastReads.delete(step.session.uploadId)
    return { step: "cancelled", declined, notices: step.notices, followUp: [] }
  }

  function problemsRefusal(step: Step, kind: IntakeKind, why: "unreadable" | "errors" | "needs-spec" | "still-unknown" | "no-participants", problems: Problem[], parsed: ParsedResults | null = null): ProblemsRefusal {
    const digest = digestProblems(problems, step.options.show ?? PROBLEMS_SHOWN)
    return {
      ...refused(digest.shown),
      kind,
      why,
      errors: digest.errors,
      warnings: digest.warnings,
      procedure: parsed?.procedure ?? {},
      missing: parsed?.missing ?? [],
      parsed: parsed?.status === "parsed",
    }
  }

  async function problemsWorkbook(step: Step, problems: readonly Problem[]): Promise<IntakeNotice[]> {
    if (!step.options.translate) return []
    const file = await step.file()
    return [{ notice: "problems-workbook", bytes: await buildProblemReport(file.bytes, problems, step.options.translate), fileName: file.fileName }]
  }

  // ——— the decision sequence ———

  async function readAndDecide(step: Step, onProgress?: (rowsDone: number) => void): Promise<IntakeStep> {
    const workbook = await read(step, onProgress)
    switch (workbook.kind) {
      case "refused":
        return refuse(step, problemsRefusal(step, "unknown", "unreadable", [workbook.problem]), { reason: "refused" })
      case "unknown":
        return refuse(step, problemsRefusal(step, "unknown", "unreadable", [problem("error", "layout-unknown", "", { sheets: workbook.sheets.join(", ") })]), { reason: "not-results" })
      case "results":
        return decideResults(step, workbook.results)
      case "outside-data": {
        const file = await step.file()
        const outcome = await storeOutside(deps, step.actor, step.session.uploadId, file, workbook.outside)
        if (outcome.ok) {
          const { exams, medalists, rechecks, schools, affects } = outcome
          return stored(step, { kind: "outside-data", exams, medalists, rechecks, schools, affects })
        }
        if (outcome.reason === "not_allowed") return refuse(step, { ...outcome, kind: "outside-data" }, null)
        // A refused outside-data upload does not keep its bytes: the report is built now, while they are in hand.
        const located = outcome.problems.some((found) => found.sheet !== "")
        return refuse(step, problemsRefusal(step, "outside-data", "unreadable", outcome.problems), null, located ? await problemsWorkbook(step, outcome.problems) : [])
      }
      case "context-form": {
        const outcome = await storeContextForm(deps, step.actor, step.session.uploadId, workbook.directory)
        if (outcome?.ok) return stored(step, { kind: "context-form", form: outcome.form, created: outcome.created, updated: outcome.updated, skipped: outcome.skipped })
        const notResults = problem("error", "layout-context-form", "", { year: String(workbook.form) })
        return refuse(step, problemsRefusal(step, "context-form", "unreadable", [notResults]), { reason: "not-results" })
      }
      case "spec": {
        const outcome = await storeSpec(deps, step.actor, step.session.uploadId, workbook.spec)
        if (outcome.ok) return stored(step, { kind: "spec", spec: outcome.spec, municipality: outcome.municipality })
        if (outcome.reason === "not_allowed") return refuse(step, { ...outcome, kind: "spec" }, { reason: "not_allowed" })
        return refuse(step, problemsRefusal(step, "spec", "unreadable", outcome.problems), { reason: "problems" })
      }
    }
  }

  async function decideResults(step: Step, parsed: ParsedResults): Promise<IntakeStep> {
    const { session } = step
    session.personalData = hasPersonalData(parsed)
    if (parsed.status === "needs-input") {
      if (session.rounds >= MAX_ROUNDS) return refuse(step, problemsRefusal(step, "results", "still-unknown", parsed.problems, parsed), { reason: "needs-input" })
      session.rounds++
      session.missing = parsed.missing
      session.answered = []
      return askWhatIsMissing(step, parsed)
    }
    if (parsed.status === "needs-spec") return offerSpec(step, parsed)
    if (parsed.status !== "parsed") return refuse(step, problemsRefusal(step, "results", "unreadable", parsed.problems, parsed), { reason: parsed.status })

    if (!session.told.includes("read")) {
      const { kind, year, subject, grade } = parsed.spec!
      step.notices.push({ notice: "read", procedure: { kind, year, subject, grade }, schools: parsed.schools.length, present: parsed.stats.present, absent: parsed.stats.absent })
      session.told.push("read")
    }
    const scoped = await decideScope(step, parsed)
    if (scoped) return scoped
    const digest = digestProblems(parsed.problems, step.options.show ?? PROBLEMS_SHOWN)
    if (digest.errors > 0) {
      // Rows were left out already and errors remain: nothing more to offer.
      if (session.choices.excludeInvalidRows) return refuse(step, problemsRefusal(step, "results", "unreadable", parsed.problems, parsed), { reason: "errors" })
      if (!session.told.includes("errors")) {
        step.notices.push({ notice: "errors", problems: digest }, ...(await problemsWorkbook(step, parsed.problems)))
        session.told.push("errors")
      }
      if (!onlyRowErrors(parsed)) return refuse(step, { ...problemsRefusal(step, "results", "errors", [], parsed), errors: digest.errors, warnings: digest.warnings }, { reason: "errors" })
      if (session.choices.excludeInvalidRows === false) return cancelled(step, "exclude-invalid-rows", "invalid rows not left out")
      return question(step, { ask: "exclude-invalid-rows" })
    }
    if (digest.warnings > 0) {
      if (!session.told.includes("warnings")) {
        step.notices.push({ notice: "warnings", problems: digest }, ...(session.choices.excludeInvalidRows ? [] : await problemsWorkbook(step, parsed.problems)))
        session.told.push("warnings")
      }
      if (session.choices.warningsConfirmed === false) return cancelled(step, "confirm-warnings", "warnings not confirmed")
      if (session.choices.warningsConfirmed === undefined) return question(step, { ask: "confirm-warnings" })
    }
    return store(step, parsed)
  }

  /**
   * Which schools of the file are the sender's, before any error or warning is listed: none — refused at once; some —
   * asked whether to load only hers (a municipal coordinator may keep the rest as the comparison group).
   */
  async function decideScope(step: Step, parsed: ParsedResults): Promise<IntakeStep | null> {
    const { session } = step
    if (session.choices.scope && session.mine) return null // this read holds only hers, or tells hers from the rest
    const scope = await fileScope(deps.prisma, step.actor, parsed.schools)
    if (scope.others.length === 0) return null
    if (scope.mine.length === 0) return refuse(step, { ...notAllowed(scope.others.map((school) => school.login)), kind: "results", noneOfSender: true }, { reason: "not_allowed" })
    session.mine = scope.mine.map((school) => school.key)
    if (session.choices.scope === "mine" || (session.choices.scope === "with-reference" && scope.referenceAllowed)) return readAndDecide(step)
    const mine = scope.mine.slice(0, SCOPE_SCHOOLS_SHOWN).map((school) => ({ login: school.login, name: school.name ?? null }))
    return question(step, { ask: "scope", mine, count: scope.mine.length, others: scope.others.length, reference: scope.referenceAllowed, municipalities: scope.municipalities })
  }

  /**
   * No spec for the file's procedure: a coordinator (or an admin) is offered one proposed from the file, to confirm
   * or correct; it is stored as the procedure's next version in her scope and the file is read again with it.
   * Anyone else is refused, as is a file without task columns or one whose stored spec still did not fit.
   */
  async function offerSpec(step: Step, parsed: ParsedResults): Promise<IntakeStep> {
    const { session } = step
    const scope = specScopeOf(step.actor)
    const basis = parsed.basis
    if (!scope || !basis || session.told.includes("spec")) return refuse(step, problemsRefusal(step, "results", "needs-spec", parsed.problems, parsed), { reason: "needs-spec" })
    const key = parsed.procedure as ProcedureKey
    const proposal = proposeSpec(key, basis)
    const chosen = session.choices.spec
    if (chosen === false) return cancelled(step, "confirm-spec", "spec not confirmed")
    const ask = async (problems: Problem[] = []): Promise<IntakeStep> =>
      question(step, { ask: "confirm-spec", ...(await showProposal(deps, step.actor, proposal, scope.municipalityId)), misfit: problems })
    if (chosen === undefined || (chosen === "proposed" && !proposalStorable(proposal))) return ask()
    const spec = chosen === "proposed" ? specOfProposal(proposal) : chosen
    delete session.choices.spec
    const misfit = specFitsFile(spec, key, { count: basis.tasks.length, positional: basis.positional })
    if (misfit.length > 0) return ask(misfit)
    const outcome = await saveSpec(deps, step.actor, { spec })
    if (!outcome.ok) return ask(outcome.reason === "problems" ? outcome.problems : [])
    session.told.push("spec")
    step.notices.push({ notice: "spec-saved", spec: outcome.spec, municipality: outcome.municipality })
    lastReads.delete(session.uploadId)
    return readAndDecide(step)
  }

  async function askWhatIsMissing(step: Step, parsed: ParsedResults | null): Promise<IntakeStep> {
    const { session } = step
    if (session.missing.some((part) => part !== "school") && !session.answered.includes("procedure") && parsed) {
      const known = (await listSpecs(deps.prisma, specMunicipalitiesOf(step.actor))).map(({ kind, year, subject, grade }) => ({ kind, year, subject, grade }))
      const candidates = parsed.candidates.map(({ kind, year, subject, grade }) => ({ kind, year, subject, grade }))
      return question(step, { ask: "procedure", candidates, partial: parsed.procedure, known }, parsed.problems)
    }
    if (session.missing.includes("school") && !session.answered.includes("school")) {
      const own = await ownSchoolLogin(step.actor)
      if (!own) return question(step, { ask: "school" }, parsed?.problems ?? [])
      session.choices.schoolLogin = own
      session.answered.push("school")
    }
    return readAndDecide(step)
  }

  async function store(step: Step, parsed: ParsedResults): Promise<IntakeStep> {
    const file = await step.file()
    const others = step.session.choices.scope === "with-reference" ? "reference" : "refuse"
    const outcome = await storeResults(deps, step.actor, step.session.uploadId, file.fileName, file.bytes, parsed, others)
    if (outcome.ok && outcome.stored.kind === "results") outcome.stored.referenceLeftOut = parsed.referenceLeftOut?.rows ?? 0
    if (outcome.ok) return stored(step, outcome.stored)
    if (outcome.reason === "not_allowed") return refuse(step, { ...outcome, kind: "results" }, { reason: "not_allowed" })
    return refuse(step, problemsRefusal(step, "results", "no-participants", [], parsed), { reason: outcome.reason })
  }

  /** A teacher or school coordinator of exactly one school: files without a login are that school's. */
  async function ownSchoolLogin(actor: Actor): Promise<string | null> {
    const ids = [...new Set(actor.grants.flatMap((grant) => (grant.schoolId === null ? [] : [grant.schoolId])))]
    if (ids.length !== 1) return null
    return (await deps.prisma.school.findUnique({ where: { id: ids[0]! } }))?.login ?? null
  }

  /** The upload as its sender left it: answers come only from the one who sent the file, while it is open. */
  async function openUpload(actor: Actor, session: IntakeSession): Promise<void> {
    const upload = await deps.prisma.upload.findUnique({ where: { id: session.uploadId }, select: { senderId: true, status: true } })
    if (!upload || upload.senderId !== actor.userId || upload.status !== "received") throw new Error(`upload ${session.uploadId} is not open for this sender`)
  }

  return {
    /** Keeps the file (nothing is lost, whatever happens next), reads it and goes as far as it can without asking. */
    async receive(actor: Actor, file: ReceivedFile, options: ReceiveOptions = {}): Promise<IntakeStep> {
      const uploadId = await keepUpload(deps, actor, file)
      const session: IntakeSession = {
        uploadId, fileName: file.fileName, choices: { ...options.given }, awaiting: null, rounds: 0, missing: [], answered: [], personalData: false, told: [],
      }
      return readAndDecide(stepOf(actor, session, options, file), options.onProgress)
    },

    /** Takes the answer to the question a step asked and goes on to the next question or the end. */
    async answer(actor: Actor, session: IntakeSession, answer: IntakeAnswer, options: StepOptions = {}): Promise<IntakeStep> {
      await openUpload(actor, session)
      const step = stepOf(actor, session, options)
      const asked = step.session.awaiting
      step.session.awaiting = null
      const { choices, answered } = step.session
      const newRead = () => (step.session.told = step.session.told.filter((told) => told === "read" || told === "spec"))
      if ("procedure" in answer && asked === "procedure") {
        choices.procedure = answer.procedure
        answered.push("procedure")
        newRead()
        return askWhatIsMissing(step, null)
      }
      if ("schoolLogin" in answer && asked === "school") {
        choices.schoolLogin = answer.schoolLogin.trim()
        answered.push("school")
        newRead()
        return askWhatIsMissing(step, null)
      }
      if ("scope" in answer && asked === "scope") {
        choices.scope = answer.scope
        newRead()
        return readAndDecide(step)
      }
      if ("excludeInvalidRows" in answer && asked === "exclude-invalid-rows") {
        if (!answer.excludeInvalidRows) return cancelled(step, "exclude-invalid-rows")
        choices.excludeInvalidRows = true
        newRead()
        return readAndDecide(step)
      }
      if ("spec" in answer && asked === "confirm-spec") {
        if (answer.spec === false) return cancelled(step, "confirm-spec")
        choices.spec = answer.spec
        return readAndDecide(step)
      }
      if ("warningsConfirmed" in answer && asked === "confirm-warnings") {
        if (!answer.warningsConfirmed) return cancelled(step, "confirm-warnings")
        choices.warningsConfirmed = true
        return readAndDecide(step)
      }
      throw new Error(`the answer ${JSON.stringify(answer)} does not fit the question ${String(asked)}`)
    },

    /** A spec proposed from a result file, nothing kept or stored (`cli spec`). */
    propose: (actor: Actor, file: ReceivedFile, procedure?: ProcedureKey) => proposeFromFile(deps, actor, file, procedure),

    /** The sender gave up (or could not answer, like the command line without a flag): nothing is stored. */
    async cancel(actor: Actor, session: IntakeSession, reason = "by sender"): Promise<void> {
      await openUpload(actor, session)
      await cancelled(stepOf(actor, session, {}), null, reason)
    },
  }
}
